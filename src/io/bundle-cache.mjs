// What the two esbuild bundles of our sources share, the command line's (src/cli/run.mjs) and the
// deck worker's (worker-bundle.ts): a fingerprint of the sources, each source's own module URL, and
// a cache folder per fingerprint that is written aside, renamed into place and never removed under
// a running command. Plain JavaScript: run.mjs runs before anything can load TypeScript.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, existsSync, utimesSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'

const DAY_MS = 24 * 60 * 60 * 1000
/** Spelled in parts: a bundle of this file must not find the expressions it replaces in its text. */
const META_URL = ['import', 'meta', 'url'].join('.')
const META_DIRNAME = ['import', 'meta', 'dirname'].join('.')

/** Adds every regular file under `dir` (its path, size and time) to `hash`: every save changes it. */
export function hashSources(hash, dir) {
  // Regular files only: an editor's lock file (a dangling link such as .#main.ts) is never stat'ed.
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  for (const name of files.map((e) => relative(dir, join(e.parentPath, e.name))).sort()) {
    const stat = statSync(join(dir, name))
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
