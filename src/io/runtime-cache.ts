// The shared runtime (reveal.js, speaker view, themes) is bundled by vite once and kept in
// node_modules/.cache/updeck/runtime/<hash>/ until its inputs change (src/runtime, the bundling plugin
// in src/vite, themes, config, lockfile): most builds only copy it.
// Other builds may be copying from that folder at any time: it is made once and never removed.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { UserConfig } from 'vite'
import { RUNTIME_MANIFEST } from '../core/runtime-manifest.ts'
import { hashProject } from './file-listing.ts'
import type { RuntimeAssets } from './write-site.ts'

type Vite = typeof import('vite')

function runtimeKey(root: string, vite: Vite): string {
  return hashProject(createHash('sha256').update(vite.version), root, ['src/runtime', 'src/vite', 'themes']).digest('hex').slice(0, 16)
}

/** The bundled runtime's folder and manifest, bundling it first if this version is not cached. */
export async function cachedRuntime(root: string, config: UserConfig, vite: Vite): Promise<{ dir: string; assets: RuntimeAssets }> {
  const dir = join(root, 'node_modules/.cache/updeck/runtime', runtimeKey(root, vite))
  const manifest = join(dir, RUNTIME_MANIFEST)
  if (!existsSync(manifest)) {
    const building = `${dir}.${randomUUID().slice(0, 8)}.tmp` // unique, also for two builds in one process
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
