// Reads vite.config.ts once: the vite config a build runs with, and the updeck() options in it. It
// lives with the plugin because it looks the plugin up by name and uses its api.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadConfigFromFile, type PluginOption, type UserConfig } from 'vite'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { WriteSite } from '../io/write-site.ts'
import { withSiteUrl } from './options.ts'

type SiteWriter = (options: Omit<WriteSite, 'site'> & { site?: SiteConfig }) => Promise<import('../core/model.ts').Diagnostic[]>

export interface LoadedConfig {
  config: UserConfig
  site: SiteConfig
  /** The page writer of the updeck() plugin in that config (its copy of the core). */
  writeSite: SiteWriter
}

function configFilePath(root: string): string | undefined {
  const path = resolve(root, 'vite.config.ts')
  return existsSync(path) ? path : undefined
}

/**
 * Without a vite.config.ts (or without updeck() in it), the plugin runs with its defaults.
 * `siteUrl` (`--site-url`) overrides the config's siteUrl.
 */
export async function loadViteConfig(root: string, siteUrl?: string): Promise<LoadedConfig> {
  const path = configFilePath(root)
  const loaded = path ? await loadConfigFromFile({ command: 'build', mode: 'production' }, path, root, 'silent') : null
  const config = loaded?.config ?? {}
  const plugins = ((config.plugins ?? []) as PluginOption[]).flat(Infinity as 1)
  for (const plugin of plugins) {
    if (plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === 'updeck:build') {
      const api = (plugin as { api?: { site?: SiteConfig; writeSite?: SiteWriter } }).api
      if (api?.site && api.writeSite) {
        const site = withSiteUrl(api.site, siteUrl)
        return { config, site, writeSite: (options) => api.writeSite!({ ...options, site }) }
      }
    }
  }
  // Imported here only: on the usual path the plugin, and with it the whole core, comes from the
  // bundled vite.config.ts, and loading it a second time would cost a third of a small build.
  const [{ updeck }, { resolveOptions }, { writeSite }] = await Promise.all([import('./index.ts'), import('./options.ts'), import('../io/write-site.ts')])
  const site = withSiteUrl(resolveOptions({}), siteUrl)
  return { config: { ...config, plugins: [...plugins, updeck()] }, site, writeSite: (options) => writeSite({ ...options, site }) }
}
