// What the two esbuild bundles of our sources share, the command line's (src/cli/run.mjs) and the
// deck worker's (worker-bundle.ts): a fingerprint of the sources, each source's own module URL, and
// a cache folder per fingerprint that is written aside, renamed into place and never removed under
// a running command. Plain JavaScript: run.mjs runs before anything can load TypeScript.
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, renameSync, rmSync, statSync, existsSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Script } from 'node:vm'

const DAY_MS = 24 * 60 * 60 * 1000
/** Spelled in parts: a bundle of this file must not find the expressions it replaces in its text. */
const META_URL = ['import', 'meta', 'url'].join('.')
const META_DIRNAME = ['import', 'meta', 'dirname'].join('.')

/** Adds every regular file under `dir` (its path, size and time) to `hash`: every save changes it. */
export function hashSources(hash, dir) {
  // Regular files only: an editor's lock file (a dangling link such as .#main.ts) is never stat'ed.
  // Plain string work: this runs before every command, in code not yet compiled (path.relative and
  // join cost more than the stats).
  const names = []
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) names.push(e.parentPath.length > dir.length ? `${e.parentPath.slice(dir.length + 1)}/${e.name}` : e.name)
  }
  for (const name of names.sort()) {
    const stat = statSync(`${dir}/${name}`)
    hash.update(`${name} ${stat.size} ${stat.mtimeMs}\n`)
  }
  return hash
}

/** esbuild plugin: each source keeps its own import.meta.url and dirname (files are found from them). */
export const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (file) => {
      const url = JSON.stringify(pathToFileURL(file.path).href)
      const dir = JSON.stringify(dirname(file.path))
      const contents = readFileSync(file.path, 'utf8').replaceAll(META_URL, url).replaceAll(META_DIRNAME, dir)
      return { contents, loader: 'ts' }
    })
  },
}

/**
 * esbuild plugin: yaml's ES module build (its package's browser/ folder) in place of its CommonJS build
 * for node (dist/). Both are compiled from the same sources; the node build adds a lookup of
 * process.env.LOG_TOKENS for every token the parser reads, and of LOG_STREAM for every document
 * (each a call into node's environment), and sends warnings through process.emitWarning, which
 * updeck never asks yaml for (logLevel 'error'). Measured on the 1,000 benchmark decks' frontmatter:
 * the lexer and parser take a third less CPU.
 */
export const yamlModuleBuild = {
  name: 'yaml-module-build',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, async ({ importer, resolveDir, kind }) => {
      const pkg = await b.resolve('yaml/package.json', { importer, resolveDir, kind })
      return pkg.errors.length ? undefined : { path: join(dirname(pkg.path), 'browser/dist/index.js') }
    })
  },
}

/**
 * Renames the finished `building` folder to `outdir` (another command may have been quicker: then
 * its folder is used), and removes the cache's other folders unused for a day.
 */
export function publishBundle(building, outdir, out, now = Date.now()) {
  try {
    renameSync(building, outdir)
  } catch (error) {
    if (!existsSync(out)) throw error
    rmSync(building, { recursive: true, force: true })
  }
  const cache = dirname(outdir)
  for (const old of readdirSync(cache)) {
    const path = join(cache, old)
    const used = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now
    if (path !== outdir && now - used > DAY_MS) rmSync(path, { recursive: true, force: true })
  }
}

/** Marks a bundle as in use: it outlives every command started from it by a day. */
export function markInUse(outdir, now = Date.now()) {
  const date = new Date(now)
  utimesSync(outdir, date, date)
}

/**
 * esbuild plugin for the command line's script bundle: src/io/import-module.ts calls the import()
 * that runScript passes in. On Node 20 a script compiled from a code cache loses its own import()
 * ("A dynamic import callback was not specified"); runScript passes no callback for it, so an import()
 * left in the bundle fails on every run, not only on cached ones.
 */
export const scriptImports = {
  name: 'script-imports',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]io[\\/]import-module\.ts$/ }, () => ({
      contents: 'export const importModule = (specifier) => __updeckImport(specifier)',
      loader: 'js',
    }))
  },
}

/**
 * Runs the CommonJS bundle `file` as a script with a V8 code cache (compiled functions) beside it,
 * one per command: a build compiles other functions than a check. The cache is made when the command
 * ends, so it holds every function the command compiled, and is written aside and renamed; one made by
 * a command that failed (bad arguments, a broken deck: it compiled little) is used until one succeeds,
 * which makes the cache in its place. A cache belongs to its bundle's folder, which is never changed
 * once published, so it never meets other code (V8 itself checks only the source's length, its own
 * version and flags: it refuses a cache of another node or of other flags, and then it is made anew).
 */
export function runScript(file, command, importModule) {
  if (process.sourceMapsEnabled) {
    // node --enable-source-maps maps the stack traces of the modules it loads itself, not of a vm
    // script's: then the bundle is required, without a code cache, and finds the import() here.
    globalThis.__updeckImport = importModule
    createRequire(file)(file)
    return
  }
  const source = readFileSync(file, 'utf8')
  const name = join(dirname(file), /^[a-z]+$/.test(command ?? '') ? command : 'other')
  const [full, partial] = [`${name}.code-cache`, `${name}.failed.code-cache`]
  const cache = readIfThere(full) ?? readIfThere(partial)
  // The wrapper on the first line, as node wraps a CommonJS module: line numbers stay those of the bundle.
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __updeckImport) {${source}\n})`, { filename: file, cachedData: cache?.data })
  const usable = cache !== undefined && !script.cachedDataRejected
  if (!usable || cache.file === partial) {
    process.once('exit', (code) => {
      if (code === 0) writeCodeCache(full, script)
      else if (!usable) writeCodeCache(partial, script)
    })
  }
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), importModule)
}

function readIfThere(file) {
  try {
    return { file, data: readFileSync(file) }
  } catch {
    return undefined // not made yet
  }
}

function writeCodeCache(file, script) {
  const aside = `${file}.${randomUUID().slice(0, 8)}.tmp`
  try {
    writeFileSync(aside, script.createCachedData(), { flag: 'wx' })
    renameSync(aside, file)
  } catch {
    rmSync(aside, { force: true }) // a read-only cache folder: the next command compiles again
  }
}
