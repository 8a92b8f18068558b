// Reads the site settings from vite.config.ts: the options given to the updeck() plugin there.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadConfigFromFile, type PluginOption } from 'vite'
import type { SiteConfig } from '../core/frontmatter.ts'
import { resolveOptions } from '../vite/options.ts'

export function configFilePath(root: string, configFile?: string): string | undefined {
  const path = resolve(root, configFile ?? 'vite.config.ts')
  return existsSync(path) ? path : undefined
}

export async function loadSiteConfig(root: string, configFile?: string): Promise<SiteConfig> {
  const path = configFilePath(root, configFile)
  if (!path) return resolveOptions({})
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path, root, 'silent')
  const plugins = ((loaded?.config.plugins ?? []) as PluginOption[]).flat(Infinity as 1)
  for (const plugin of plugins) {
    if (plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === 'updeck:build') {
      const site = (plugin as { api?: { site?: SiteConfig } }).api?.site
      if (site) return site
    }
  }
  return resolveOptions({})
}
