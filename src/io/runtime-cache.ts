// The shared runtime (reveal.js, speaker view, themes) is bundled by vite once and kept in
// node_modules/.cache/updeck/runtime/<hash>/ until its inputs change (src/runtime, the bundling plugin
// in src/vite, themes, config, lockfile): most builds only copy it.
// Other builds may be copying from that folder at any time: it is made once and never removed.
import { createHash, randomUUID } from 'node:crypto'
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import type { UserConfig } from 'vite'
import { RUNTIME_MANIFEST } from '../core/runtime-manifest.ts'
import { hashProject } from './file-listing.ts'
import type { RuntimeAssets } from './write-site.ts'
import { importModule } from './import-module.ts'

/** vite's version, read from its package.json: importing vite only to ask would cost a third of a small build. */
function viteVersion(): string {
  const file = createRequire(import.meta.url).resolve('vite/package.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

function runtimeKey(root: string): string {
  return hashProject(createHash('sha256').update(viteVersion()), root, ['src/runtime', 'src/vite', 'themes']).digest('hex').slice(0, 16)
}

/**
 * The bundled runtime's folder and manifest, bundling it first if this version is not cached. vite
 * and the whole vite config (`viteConfig`) are loaded only then.
 */
export async function cachedRuntime(root: string, viteConfig: () => Promise<UserConfig>): Promise<{ dir: string; assets: RuntimeAssets }> {
  const dir = join(root, 'node_modules/.cache/updeck/runtime', runtimeKey(root))
  const manifest = join(dir, RUNTIME_MANIFEST)
  if (!existsSync(manifest)) {
    const building = `${dir}.${randomUUID().slice(0, 8)}.tmp` // unique, also for two builds in one process
    const [vite, config] = await Promise.all([importModule<typeof import('vite')>('vite'), viteConfig()])
    await vite.build(
      vite.mergeConfig(config, {
        configFile: false,
        root,
        // Relative URLs inside the CSS (fonts, logos): the same bundle serves every base path.
        base: './',
        logLevel: 'silent',
        build: { outDir: building, emptyOutDir: true },
        updeck: { runtimeOnly: true },
      }),
    )
    await publish(building, dir)
  }
  return { dir, assets: JSON.parse(readFileSync(manifest, 'utf8')) as RuntimeAssets }
}

/**
 * Copies the bundled runtime (without its manifest) into a site folder: a dozen files, for which
 * fs.cp's generic walk costs more than the copying. A copy-on-write clone where the file system can.
 */
export function copyRuntime(dir: string, into: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const from = join(entry.parentPath, entry.name)
    if (!entry.isFile() || from.endsWith('.json')) continue
    const to = join(into, relative(dir, from))
    mkdirSync(dirname(to), { recursive: true })
    copyFileSync(from, to, constants.COPYFILE_FICLONE)
  }
}

/** Renames a finished cache folder into place; if another build was quicker, keeps its folder. */
async function publish(building: string, dir: string): Promise<void> {
  if (existsSync(dir) && !existsSync(join(dir, RUNTIME_MANIFEST))) {
    // Half a folder, left by an interrupted older version: unusable to anyone, so moved away.
    const stale = `${dir}.${randomUUID().slice(0, 8)}.stale`
    await rename(dir, stale).catch(() => {})
    await rm(stale, { recursive: true, force: true })
  }
  try {
    await rename(building, dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !existsSync(join(dir, RUNTIME_MANIFEST))) throw error
    await rm(building, { recursive: true, force: true })
  }
}
