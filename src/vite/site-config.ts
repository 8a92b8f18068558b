// Reads vite.config.ts through vite: the vite config a runtime bundle or the dev server runs with, and
// the updeck() options in it. It lives with the plugin because it looks the plugin up by name and uses
// its api. Builds that need only the options use site-settings.ts, which does not load vite.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { PluginOption, UserConfig } from 'vite'
import { importModule } from '../io/import-module.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import { withSiteUrl } from './options.ts'

export interface LoadedConfig {
  config: UserConfig
  site: SiteConfig
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
  const loaded = path ? await (await importModule<typeof import('vite')>('vite')).loadConfigFromFile({ command: 'build', mode: 'production' }, path, root, 'silent') : null
  const config = loaded?.config ?? {}
  const plugins = ((config.plugins ?? []) as PluginOption[]).flat(Infinity as 1)
  for (const plugin of plugins) {
    if (plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === 'updeck:build') {
      const site = (plugin as { api?: { site?: SiteConfig } }).api?.site
      if (site) return { config, site: withSiteUrl(site, siteUrl) }
    }
  }
  const [{ updeck }, { resolveOptions }] = await Promise.all([import('./index.ts'), import('./options.ts')])
  const site = withSiteUrl(resolveOptions({}), siteUrl)
  return { config: { ...config, plugins: [...plugins, updeck()] }, site }
}
