// Runs the TypeScript command line on Node 20, which cannot load .ts itself: esbuild bundles
// src/cli/main.ts into node_modules/.cache/updeck/cli/, once per change of src/ or of the installed
// packages. Measured against a module-hook loader (tsx or our own), this saves the round trip to the
// hooks thread for every module vite and the core load: a third of a small build. The core's own
// packages (BUNDLED) go into the bundle too: node resolves and compiles their hundreds of files one
// by one, 0.25 s of CPU for a one-deck build, against 0.06 s as part of the bundle.
// Several commands may start at once: a bundle is written aside and renamed into place, and a bundle
// is removed only after a day unused, because a running command loads its chunks lazily.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** Each source keeps its own import.meta.url (paths such as src/runtime/deck.ts are found from it). */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (file) => {
      const url = JSON.stringify(pathToFileURL(file.path).href)
      const dir = JSON.stringify(dirname(file.path))
      const contents = readFileSync(file.path, 'utf8').replaceAll('import.meta.url', url).replaceAll('import.meta.dirname', dir)
      return { contents, loader: 'ts' }
    })
  },
}

/**
 * The packages the core renders with: plain JavaScript that finds no files of its own, so they work
 * from the bundle. The others stay imports: vite, rolldown and esbuild load their own binaries and
 * files, playwright-core its browser scripts.
 */
const BUNDLED = new Set(['yaml', 'markdown-it', 'highlight.js', 'qrcode', 'zod', 'saxes', 'feed', 'string-width'])

/** Our sources' imports of other packages stay imports; what a bundled package imports is bundled with it. */
const bundleCorePackages = {
  name: 'bundle-core-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => {
      if (path.startsWith('node:') || importer.includes('/node_modules/')) return undefined
      const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]
      return BUNDLED.has(name) ? undefined : { path, external: true }
    })
  },
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const [entry = 'src/cli/main.ts', ...args] = process.argv.slice(2)

const hash = createHash('sha256').update(entry)
for (const dir of ['src', 'scripts']) {
  // Regular files only: an editor's lock file (a dangling link such as .#main.ts) is never stat'ed.
  const files = readdirSync(join(root, dir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  for (const name of files.map((e) => relative(join(root, dir), join(e.parentPath, e.name))).sort()) {
    const stat = statSync(join(root, dir, name))
    hash.update(`${name} ${stat.size} ${stat.mtimeMs}\n`)
  }
}
// The bundled packages are what npm installed last.
const installed = statSync(join(root, 'node_modules/.package-lock.json'), { throwIfNoEntry: false })
hash.update(`installed ${installed?.size} ${installed?.mtimeMs}\n`)
const cache = join(root, 'node_modules/.cache/updeck/cli')
const outdir = join(cache, hash.digest('hex').slice(0, 16))
const out = join(outdir, 'main.mjs')

const DAY_MS = 24 * 60 * 60 * 1000

if (!existsSync(out)) {
  const { build } = await import('esbuild') // only here: most commands run a bundle made before
  const building = `${outdir}.${randomUUID().slice(0, 8)}.tmp`
  await build({
    entryPoints: { main: join(root, entry) },
    outdir: building,
    outExtension: { '.js': '.mjs' },
    // Split at dynamic imports, so a command loads only what it needs (a build that is up to date: no vite).
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The bundled packages include CommonJS modules that require node's own modules.
    banner: { js: "import { createRequire as __updeckRequire } from 'node:module'; const require = __updeckRequire(import.meta.url);" },
    // Less text for node to read and compile at every start (a tenth of a one-deck build's CPU);
    // names are kept, and `node --enable-source-maps` maps stack traces back to src/.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [bundleCorePackages, keepModuleUrls],
  })
  try {
    renameSync(building, outdir)
  } catch (error) {
    if (!existsSync(out)) throw error
    rmSync(building, { recursive: true, force: true }) // another command was quicker: use its bundle
  }
  for (const old of readdirSync(cache)) {
    const path = join(cache, old)
    const used = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
    if (path !== outdir && Date.now() - used > DAY_MS) rmSync(path, { recursive: true, force: true })
  }
}
// Marks this bundle as in use, so that it outlives any command started from it by a day.
const now = new Date()
utimesSync(outdir, now, now)
process.argv = [process.argv[0], out, ...args]
await import(pathToFileURL(out).href)
