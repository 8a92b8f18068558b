// Bundles a config file (vite.config.ts) with esbuild into node_modules/.cache/updeck/config/, with
// chosen imports replaced by small stand-in modules, and keeps the bundle until one of its inputs
// changes (esbuild's metafile names them; each is checked by size and time, as src/cli/run.mjs
// checks src/). Only the bundling is cached: the caller evaluates the bundle every time, so a config
// that reads the environment still sees today's.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Message, Plugin } from 'esbuild'
import { readJson, writeAside } from './cache-file.ts'
import { sizeAndTime } from './file-listing.ts'
import { importModule } from './import-module.ts'

export interface StandIns {
  /** Bare imports (`vite`) → the source of the module that replaces them. */
  packages: Record<string, string>
  /** Files, by real path without extension (`/…/src/index`) → the source of the module that replaces them. */
  files: Record<string, string>
}

export type ConfigBundle =
  | { file: string }
  /** The config imports from a stand-in what it does not offer, or a file that is not there. */
  | { unsupported: string }

interface Stamps {
  bundle: string
  /** Real path → "size mtime" of every file that went into the bundle. */
  inputs: Record<string, string>
}

const NAMESPACE = 'updeck-stand-in'
/** Spelled apart: src/cli/run.mjs puts each source's own URL in place of the whole expression. */
const META = ['import', 'meta'].join('.')
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The bundled config's file, from the cache when no input changed since it was made. Throws a
 * message naming file:line:col when the config cannot be compiled (a syntax error).
 */
export async function bundleConfig(root: string, configFile: string, standIns: StandIns): Promise<ConfigBundle> {
  const cache = join(root, 'node_modules/.cache/updeck/config')
  // One entry per config file and set of stand-ins: a change to the stand-ins makes a new bundle.
  const key = createHash('sha256').update(`${configFile}\n${JSON.stringify(standIns)}`).digest('hex').slice(0, 16)
  const stampsFile = join(cache, `${key}.json`)
  const cached = readJson<Stamps>(stampsFile)
  if (cached && stampOf(join(cache, cached.bundle)) && Object.entries(cached.inputs).every(([path, stamp]) => stampOf(path) === stamp)) return { file: join(cache, cached.bundle) }

  const { build } = await importModule<typeof import('esbuild')>('esbuild') // only here: a cached bundle needs no compiler
  let result
  try {
    result = await build({
      entryPoints: [configFile],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      // As vite does for its config: each file keeps its own location.
      define: {
        __dirname: '__updeck_dirname',
        __filename: '__updeck_filename',
        [`${META}.url`]: '__updeck_import_meta_url',
        [`${META}.dirname`]: '__updeck_dirname',
        [`${META}.filename`]: '__updeck_filename',
      },
      plugins: [standInPlugin(standIns), keepLocations],
    })
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors
    if (!errors) throw error
    const unsupported = errors.find(isUnsupported)
    if (unsupported) return { unsupported: unsupported.text }
    throw new Error(errors.map((e) => formatMessage(root, e)).join('\n'))
  }
  // `import * as vite from 'vite'` and then `vite.loadEnv`: a warning only, but the config needs vite.
  const missing = result.warnings.find(isUnsupported)
  if (missing) return { unsupported: missing.text }

  const code = result.outputFiles[0]!.contents
  const bundle = `${key}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`
  const inputs: Record<string, string> = {}
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input.startsWith(`${NAMESPACE}:`)) continue
    const path = resolve(root, input)
    inputs[path] = stampOf(path) ?? 'missing'
  }
  // Written aside and renamed: another build may be reading the cache meanwhile.
  writeAside(join(cache, bundle), code)
  writeAside(stampsFile, JSON.stringify({ bundle, inputs } satisfies Stamps))
  removeOldBundles(cache, key, bundle)
  return { file: join(cache, bundle) }
}

let evaluations = 0

/** Imports the bundle afresh (never node's cached module): the config runs again, with today's environment. */
export async function evaluateBundle(file: string): Promise<unknown> {
  return (await importModule<{ default?: unknown }>(`${pathToFileURL(file).href}?run=${++evaluations}`)).default
}

function standInPlugin(standIns: StandIns): Plugin {
  const standInFor = (path: string, resolveDir: string): string | undefined => {
    if (path in standIns.packages) return `package:${path}`
    if (!path.startsWith('.') && !isAbsolute(path)) return undefined
    const file = realOrSame(resolve(resolveDir, path)).replace(/\.[cm]?[jt]s$/, '')
    return file in standIns.files ? `file:${file}` : undefined
  }
  return {
    name: 'updeck-stand-ins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, ({ path, resolveDir, kind }) => {
        if (kind === 'entry-point') return undefined
        const id = standInFor(path, resolveDir)
        return id ? { path: id, namespace: NAMESPACE } : undefined
      })
      b.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => {
        const [kind, name] = [path.slice(0, path.indexOf(':')), path.slice(path.indexOf(':') + 1)]
        return { contents: kind === 'package' ? standIns.packages[name] : standIns.files[name], loader: 'js' }
      })
    },
  }
}

/** Declares, at the top of each file, the values `define` puts in place of __dirname and import.meta.url. */
const keepLocations: Plugin = {
  name: 'updeck-keep-locations',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]s$/, namespace: 'file' }, ({ path }) => {
      const values = `const __updeck_dirname = ${JSON.stringify(dirname(path))}, __updeck_filename = ${JSON.stringify(path)}, __updeck_import_meta_url = ${JSON.stringify(pathToFileURL(path).href)};\n`
      const text = readFileSync(path, 'utf8')
      // A hashbang must stay the first line; the declarations go after it (one line later then).
      const hashbang = /^#!.*\n/.exec(text)?.[0] ?? ''
      return { contents: hashbang + values + text.slice(hashbang.length), loader: /\.[cm]?ts$/.test(path) ? 'ts' : 'js' }
    })
  },
}

/** An import the stand-ins cannot serve (`loadEnv` from vite), or a file that is missing. */
function isUnsupported(message: Message): boolean {
  return message.text.includes(NAMESPACE) || message.text.startsWith('Could not resolve')
}

/** `vite.config.ts:3:14 Expected "]" but found "}"`; the injected line at the top is not counted. */
function formatMessage(root: string, message: Message): string {
  const at = message.location
  if (!at) return `vite.config.ts: ${message.text}`
  const file = at.file.startsWith(`${NAMESPACE}:`) ? at.file : relativeTo(root, at.file)
  return `${file}:${Math.max(1, at.line - 1)}:${at.column + 1} ${message.text}`
}

function relativeTo(root: string, file: string): string {
  const path = resolve(root, file)
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path
}


function stampOf(path: string): string | undefined {
  const stat = statSync(path, { throwIfNoEntry: false })
  return stat && sizeAndTime(stat)
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}


/** Earlier bundles of this config, a day unused: a build started before may still be importing one. */
function removeOldBundles(cache: string, key: string, keep: string): void {
  for (const name of readdirSync(cache)) {
    if (!name.startsWith(`${key}-`) || name === keep) continue
    const path = join(cache, name)
    const used = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
    if (Date.now() - used > DAY_MS) rmSync(path, { force: true })
  }
}
