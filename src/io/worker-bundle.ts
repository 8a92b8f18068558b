// The deck worker as JavaScript Node 20 can start: Node cannot load our .ts sources in a worker, neither
// from the command line (itself an esbuild bundle, see src/cli/run.mjs) nor under vitest. So esbuild
// bundles deck-worker.ts with the packages it uses into one file in
// node_modules/.cache/updeck/workers/<hash of src/ and the lockfile>/, once per change, as run.mjs does
// for the CLI. One file, because a worker that resolves and compiles markdown-it, highlight.js, yaml,
// zod and qrcode file by file starts measurably later (about 0.6 s against 0.3 s on a busy machine).
// Written aside and renamed: builds started together never load half a file.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { hashSources, keepModuleUrls, markInUse, publishBundle, yamlModuleBuild } from './bundle-cache.mjs'
import { nativeClassFieldsPlugin } from './native-class-fields.mjs'
import { importModule } from './import-module.ts'

const ENTRY = fileURLToPath(new URL('./deck-worker.ts', import.meta.url))
/** Every worker thread's entry, bundled together: the deck pool's, the dev server's frontmatter pool's, and the output walk of a full build. */
const ENTRIES = {
  'deck-worker': ENTRY,
  'frontmatter-worker': fileURLToPath(new URL('./frontmatter-worker.ts', import.meta.url)),
  'output-walker': fileURLToPath(new URL('./output-walker.ts', import.meta.url)),
}
export type WorkerName = keyof typeof ENTRIES
const SRC = dirname(dirname(ENTRY))
/** updeck's own node_modules: the bundle's package imports resolve from there, whatever the project. */
const CACHE = join(SRC, '../node_modules/.cache/updeck/workers')

let script: Promise<URL> | undefined

/** Spelled in two parts: the CLI bundle rewrites the whole expression wherever it appears. */
const META_URL = ['import', 'meta', 'url'].join('.')
/** The time from performance's clock: tests that pin Date must not date bundles into the future. */
const clock = () => performance.timeOrigin + performance.now()

/** The bundled worker's URL, bundling it first when src/ changed since. */
export async function workerScript(name: WorkerName = 'deck-worker'): Promise<URL> {
  script ??= bundle()
  return new URL(`${name}.mjs`, await script)
}

function sourceStamp(): string {
  const lockfile = join(SRC, '../package-lock.json')
  const hash = createHash('sha256').update(existsSync(lockfile) ? readFileSync(lockfile) : '')
  return hashSources(hash, SRC).digest('hex').slice(0, 16)
}

async function bundle(): Promise<URL> {
  const outdir = join(CACHE, sourceStamp())
  const out = join(outdir, 'deck-worker.mjs')
  if (!Object.keys(ENTRIES).every((name) => existsSync(join(outdir, `${name}.mjs`)))) {
    const { build } = await importModule<typeof import('esbuild')>('esbuild')
    const building = `${outdir}.${randomUUID().slice(0, 8)}.tmp`
    await build({
      entryPoints: ENTRIES,
      outdir: building,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      // Some packages are CommonJS and require() node's own modules.
      banner: { js: `import { createRequire as createRequireForPackages } from 'node:module'; const require = createRequireForPackages(${META_URL});` },
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      plugins: [keepModuleUrls, nativeClassFieldsPlugin, yamlModuleBuild],
    })
    publishBundle(building, outdir, out, clock())
  }
  // Marks the bundle as in use: a running build's bundle is never older than a day.
  markInUse(outdir, clock())
  return pathToFileURL(out)
}
