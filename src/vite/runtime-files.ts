// Where the browser code lives, and the virtual entries that bundle it with each theme.
import { fileURLToPath } from 'node:url'

export const DECK_RUNTIME = fileURLToPath(new URL('../runtime/deck.ts', import.meta.url))
export const PAGE_CSS = fileURLToPath(new URL('../runtime/page.css', import.meta.url))
/** The index's and homework page's script: shipped as a classic script, so it runs from file:// too. */
export const PAGE_JS = fileURLToPath(new URL('../runtime/page.ts', import.meta.url))

export const THEME_ENTRY = 'virtual:updeck-theme/'
export const PAGE_ENTRY = 'virtual:updeck-page'
export { RUNTIME_MANIFEST } from '../core/runtime-manifest.ts'
