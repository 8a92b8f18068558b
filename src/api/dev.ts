// dev(): the vite dev server on 127.0.0.1 with the project's vite.config.ts.
import { resolve } from 'node:path'
import type { ViteDevServer } from 'vite'
import { importModule } from '../io/import-module.ts'
import { loadSiteSettings } from '../vite/site-settings.ts'
import { normaliseBase, type CommonOptions } from './options.ts'

export async function dev(options: CommonOptions & { port?: number; base?: string } = {}): Promise<ViteDevServer> {
  const root = resolve(options.root ?? process.cwd())
  const config = await (await loadSiteSettings(root, options.siteUrl)).viteConfig()
  const { createServer, mergeConfig } = await importModule<typeof import('vite')>('vite')
  const server = await createServer(
    mergeConfig(config, {
      configFile: false,
      root,
      base: normaliseBase(options.base ?? '/'),
      server: { host: '127.0.0.1', ...(options.port ? { port: options.port } : {}) },
      updeck: { ...(options.decksDir ? { decksDir: resolve(root, options.decksDir) } : {}), ...(options.today ? { today: options.today } : {}), siteUrl: options.siteUrl },
    }),
  )
  await server.listen()
  return server
}
