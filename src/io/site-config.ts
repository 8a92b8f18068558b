// Reads vite.config.ts once: the vite config a build runs with, and the updeck() options in it.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadConfigFromFile, type PluginOption, type UserConfig } from 'vite'
import type { SiteConfig } from '../core/frontmatter.ts'
import { updeck } from '../vite/index.ts'
import { resolveOptions } from '../vite/options.ts'

export function configFilePath(root: string): string | undefined {
  const path = resolve(root, 'vite.config.ts')
  return existsSync(path) ? path : undefined
}

/** Without a vite.config.ts (or without updeck() in it), the plugin runs with its defaults. */
export async function loadViteConfig(root: string): Promise<{ config: UserConfig; site: SiteConfig }> {
  const path = configFilePath(root)
  const loaded = path ? await loadConfigFromFile({ command: 'build', mode: 'production' }, path, root, 'silent') : null
  const config = loaded?.config ?? {}
  const plugins = ((config.plugins ?? []) as PluginOption[]).flat(Infinity as 1)
  for (const plugin of plugins) {
    if (plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === 'updeck:build') {
      const site = (plugin as { api?: { site?: SiteConfig } }).api?.site
      if (site) return { config, site }
    }
  }
  return { config: { ...config, plugins: [...plugins, updeck()] }, site: resolveOptions({}) }
}
