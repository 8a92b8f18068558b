// updeck(): the vite plugin that turns decks/ into the site; glue around the core.
import type { Plugin } from 'vite'
import { buildPlugin } from './build-plugin.ts'
import { devPlugin } from './dev-plugin.ts'
import { resolveOptions, type UpdeckOptions } from './options.ts'

export type { UpdeckOptions, UpdeckOverrides } from './options.ts'

/**
 * The updeck vite plugin. Site-wide settings are its options.
 * @example export default defineConfig({ plugins: [updeck({ organisation: 'Muster GmbH' })] })
 */
export function updeck(options: UpdeckOptions = {}): Plugin[] {
  const site = resolveOptions(options)
  return [buildPlugin(site), devPlugin(site)]
}
