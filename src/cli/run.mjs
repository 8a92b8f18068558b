// Runs the TypeScript command line on Node 20, which cannot load .ts itself: esbuild bundles
// src/cli/main.ts (our sources only; packages stay imports) into node_modules/.cache/updeck/cli/,
// once per change of src/. Measured against a module-hook loader (tsx or our own), this saves the
// round trip to the hooks thread for every module vite and the core load: a third of a small build.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

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

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const [entry = 'src/cli/main.ts', ...args] = process.argv.slice(2)

const hash = createHash('sha256').update(entry)
for (const dir of ['src', 'scripts']) {
  for (const name of readdirSync(join(root, dir), { recursive: true }).sort()) {
    const stat = statSync(join(root, dir, name))
    if (stat.isFile()) hash.update(`${name} ${stat.size} ${stat.mtimeMs}\n`)
  }
}
const cache = join(root, 'node_modules/.cache/updeck/cli')
const outdir = join(cache, hash.digest('hex').slice(0, 16))
const out = join(outdir, 'main.mjs')

if (!existsSync(out)) {
  // Bundles of older sources go; a run still starting one of them has loaded what it needs.
  if (existsSync(cache)) for (const old of readdirSync(cache)) rmSync(join(cache, old), { recursive: true, force: true })
  await build({
    entryPoints: { main: join(root, entry) },
    outdir,
    outExtension: { '.js': '.mjs' },
    // Split at dynamic imports, so a command loads only what it needs (a build that is up to date: no vite).
    splitting: true,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [keepModuleUrls],
  })
}
process.argv = [process.argv[0], out, ...args]
await import(pathToFileURL(out).href)
