// dev(): the vite dev server on 127.0.0.1 with the project's vite.config.ts.
import { resolve } from 'node:path'
import type { ViteDevServer } from 'vite'
import { importModule } from '../io/import-module.ts'
import { startDevDecks, devLoad } from '../vite/dev-start.ts'
import { loadSiteSettings } from '../vite/site-settings.ts'
import { normaliseBase, type CommonOptions } from './options.ts'

export async function dev(options: CommonOptions & { port?: number; base?: string } = {}): Promise<ViteDevServer> {
  const root = resolve(options.root ?? process.cwd())
  const settings = await loadSiteSettings(root, options.siteUrl)
  // The decks are read, and their frontmatter parsed on a worker thread, while vite loads (see
  // vite/dev-start.ts): vite is imported only after this.
  const start = await startDevDecks(root, devLoad(root, settings.site, options.decksDir))
  try {
    const [{ createServer, mergeConfig }, config] = await Promise.all([importModule<typeof import('vite')>('vite'), settings.viteConfig()])
    const server = await createServer(
      mergeConfig(config, {
        configFile: false,
        root,
        base: normaliseBase(options.base ?? '/'),
        server: { host: '127.0.0.1', ...(options.port ? { port: options.port } : {}) },
        updeck: { ...(options.decksDir ? { decksDir: resolve(root, options.decksDir) } : {}), ...(options.today ? { today: options.today } : {}), siteUrl: options.siteUrl, start },
      }),
    )
    await server.listen()
    return server
  } finally {
    // Its threads have ended once the plugin took the decks; else (no updeck plugin, a failed start) now.
    await start.close()
  }
}
