// Runs the TypeScript command line on Node 20, which cannot load .ts itself: esbuild bundles
// src/cli/main.ts into node_modules/.cache/updeck/cli/, once per change of src/ or of the installed
// packages. Measured against a module-hook loader (tsx or our own), this saves the round trip to the
// hooks thread for every module vite and the core load: a third of a small build. The core's own
// packages (BUNDLED) go into the bundle too: node resolves and compiles their hundreds of files one
// by one, 0.25 s of CPU for a one-deck build, against 0.06 s as part of the bundle.
// The command line itself is one CommonJS script run with a V8 code cache (runScript in
// bundle-cache.mjs): compiling the bundle's functions was about a fifth of a build after one edit.
// Other entries (scripts/, which use top-level await) are ES modules split at dynamic imports.
// Several commands may start at once: a bundle is written aside and renamed into place, and a bundle
// is removed only after a day unused, because a running command loads its chunks lazily.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { hashSources, keepModuleUrls, markInUse, publishBundle, runScript, scriptImports, yamlModuleBuild } from '../io/bundle-cache.mjs'
import { nativeClassFieldsPlugin } from '../io/native-class-fields.mjs'

/**
 * The packages the core renders with: plain JavaScript that finds no files of its own, so they work
 * from the bundle. The others stay imports: vite, rolldown and esbuild load their own binaries and
 * files, playwright-core its browser scripts.
 */
const BUNDLED = new Set(['yaml', 'js-yaml', 'markdown-it', 'highlight.js', 'qrcode', 'zod', 'saxes', 'feed', 'string-width'])

/** Our sources' imports of other packages stay imports; what a bundled package imports is bundled with it. */
const bundleCorePackages = {
  name: 'bundle-core-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, ({ path, importer, kind }) => {
      if (path.startsWith('node:') || importer.includes('/node_modules/')) return undefined
      const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]
      if (BUNDLED.has(name)) return undefined
      // In the script, a static import would become require(): every package loads through import().
      if (script && kind === 'import-statement') return { errors: [{ text: `import ${name} with importModule (src/io/import-module.ts): the command line runs as a script` }] }
      return { path, external: true }
    })
  },
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const [entry = 'src/cli/main.ts', ...args] = process.argv.slice(2)

const hash = createHash('sha256').update(entry)
for (const dir of ['src', 'scripts']) hashSources(hash, join(root, dir))
// The bundled packages are what npm installed last.
const installed = statSync(join(root, 'node_modules/.package-lock.json'), { throwIfNoEntry: false })
hash.update(`installed ${installed?.size} ${installed?.mtimeMs}\n`)
const cache = join(root, 'node_modules/.cache/updeck/cli')
const outdir = join(cache, hash.digest('hex').slice(0, 16))
// The command line has no top-level await: it can run as a script, from a code cache.
const script = join(root, entry) === join(root, 'src/cli/main.ts')
const out = join(outdir, script ? 'main.cjs' : 'main.mjs')

if (!existsSync(out)) {
  const { build } = await import('esbuild') // only here: most commands run a bundle made before
  const building = `${outdir}.${randomUUID().slice(0, 8)}.tmp`
  const common = {
    entryPoints: { main: join(root, entry) },
    outdir: building,
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Less text for node to read and compile at every start (a tenth of a one-deck build's CPU);
    // names are kept, and `node --enable-source-maps` maps stack traces back to src/.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  }
  await build(
    script
      ? // One file: functions are compiled only when first called, or come from the code cache.
        { ...common, format: 'cjs', outExtension: { '.js': '.cjs' }, plugins: [scriptImports, bundleCorePackages, keepModuleUrls, nativeClassFieldsPlugin, yamlModuleBuild] }
      : {
          ...common,
          format: 'esm',
          outExtension: { '.js': '.mjs' },
          // Split at dynamic imports, so a command loads only what it needs.
          splitting: true,
          // The bundled packages include CommonJS modules that require node's own modules.
          banner: { js: "import { createRequire as __updeckRequire } from 'node:module'; const require = __updeckRequire(import.meta.url);" },
          plugins: [bundleCorePackages, keepModuleUrls, nativeClassFieldsPlugin, yamlModuleBuild],
        },
  )
  publishBundle(building, outdir, out)
}
// Marks this bundle as in use, so that it outlives any command started from it by a day.
markInUse(outdir)
process.argv = [process.argv[0], out, ...args]
if (script) runScript(out, args[0], (specifier) => import(specifier))
else await import(pathToFileURL(out).href)
