// The site settings (the updeck() options in vite.config.ts) without loading vite, which costs more
// than a small build: esbuild bundles the config with `vite` and the updeck entry replaced by
// stand-ins that record the options, and the CLI validates them as the plugin does. A config that
// needs more (another export of vite such as loadEnv, a plugin we do not know) is loaded through
// vite, as the dev server always does.
import { existsSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { UserConfig } from 'vite'
import type { SiteConfig } from '../core/frontmatter.ts'
import { bundleConfig, evaluateBundle, type StandIns } from '../io/config-bundle.ts'
import { resolveOptions, withSiteUrl, type UpdeckOptions } from './options.ts'

export interface SiteSettings {
  site: SiteConfig
  /** The whole vite config, with the updeck() plugin in it (loads vite): to bundle the runtime. */
  viteConfig(): Promise<UserConfig>
}

/** The key under which the stand-in's plugins carry what updeck() was called with. */
const RECORDED = 'updeck.recorded-options'

/** The only export of vite a config may use on this path: vite's own defineConfig returns its argument too. */
const VITE_STAND_IN = 'export function defineConfig(config) { return config }\n'
const UPDECK_STAND_IN = `const recorded = Symbol.for(${JSON.stringify(RECORDED)})
export function updeck(options = {}) {
  return [{ name: 'updeck:build', [recorded]: { options } }, { name: 'updeck:dev', [recorded]: {} }]
}
`

/** The plugin's entries as a config imports them (`./src/index.ts`, `./src/vite/index.ts`), by real path. */
function standIns(): StandIns {
  const entry = (relative: string) => realpathSync(fileURLToPath(new URL(relative, import.meta.url))).replace(/\.ts$/, '')
  return { packages: { vite: VITE_STAND_IN }, files: { [entry('../index.ts')]: UPDECK_STAND_IN, [entry('./index.ts')]: UPDECK_STAND_IN } }
}

/**
 * The site settings of the project at `root`; `siteUrl` (`--site-url`) overrides the config's.
 * Without a vite.config.ts, or without updeck() in it, the plugin's defaults.
 */
export async function loadSiteSettings(root: string, siteUrl?: string): Promise<SiteSettings> {
  const path = resolve(root, 'vite.config.ts')
  // The config holds nothing but updeck() (else it went through vite): the same config with the CLI's
  // own plugin in place of the stand-in. Bundling it again through vite would cost a third of the
  // dev server's memory.
  const light = (options: UpdeckOptions, config: object = {}): SiteSettings => ({
    site: withSiteUrl(resolveOptions(options), siteUrl),
    viteConfig: async () => {
      const { updeck } = await import('./index.ts')
      return { ...config, plugins: updeck(options) }
    },
  })
  if (!existsSync(path)) return light({})
  const bundle = await bundleConfig(root, path, standIns())
  if ('unsupported' in bundle) return throughVite(root, siteUrl)
  let recorded: UpdeckOptions[] | undefined
  let config: object | undefined
  try {
    config = (await exportedConfig(bundle.file)) as object
    recorded = recordedOptions(config)
  } catch (error) {
    // A config that throws. Run through vite once more, in case a stand-in was the cause; when
    // that fails too, the config's own error is the clearest message.
    return throughVite(root, siteUrl).catch(() => {
      throw new Error(`vite.config.ts could not be run: ${error instanceof Error ? error.message : String(error)}`)
    })
  }
  if (!recorded) return throughVite(root, siteUrl)
  // Every updeck() call is checked, as the plugin checks its options when called; the first one counts.
  const sites = recorded.map((options) => light(options, config))
  return sites[0] ?? light({}, config)
}

/** The config as vite would see it: a function is called with the env of a build. */
async function exportedConfig(file: string): Promise<unknown> {
  const exported = await evaluateBundle(file)
  return typeof exported === 'function' ? await (exported as (env: object) => unknown)({ command: 'build', mode: 'production', isSsrBuild: false, isPreview: false }) : await exported
}

/** The options of each updeck() in the config's plugins, in order; undefined when anything else is there. */
function recordedOptions(config: unknown): UpdeckOptions[] | undefined {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return undefined
  const plugins = (config as { plugins?: unknown }).plugins ?? []
  if (!Array.isArray(plugins)) return undefined
  const found: UpdeckOptions[] = []
  const key = Symbol.for(RECORDED)
  for (const plugin of plugins.flat(Infinity) as unknown[]) {
    if (!plugin) continue // vite skips false, null and undefined (a plugin switched off)
    if (typeof plugin !== 'object' || !(key in plugin)) return undefined // another plugin: it may need vite
    const call = (plugin as Record<symbol, { options?: UpdeckOptions }>)[key]!
    if ('options' in call) found.push(call.options!)
  }
  return found
}

async function throughVite(root: string, siteUrl: string | undefined): Promise<SiteSettings> {
  const { loadViteConfig } = await import('./site-config.ts')
  const { config, site } = await loadViteConfig(root, siteUrl)
  return { site, viteConfig: async () => config }
}
