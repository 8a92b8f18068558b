// Writes the site's pages and images into an output folder, next to an already bundled runtime.
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { deckPages, forwardingPages, sitePages } from '../core/build-site.ts'
import { hasErrors } from '../core/diagnostic.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { Diagnostic } from '../core/model.ts'
import type { SiteAssets } from '../core/site-context.ts'
import { siteClock } from './clock.ts'
import { loadDecks } from './load-decks.ts'
import { pageWriter } from './write-pages.ts'

/** The bundled runtime's files, as site-root paths (`assets/deck-1a2b.js`). */
export type RuntimeAssets = Omit<SiteAssets, 'image'>

export interface WriteSite {
  site: SiteConfig
  decksDir: string
  themes: string[]
  outDir: string
  base: string
  today?: string | undefined
  runtime: RuntimeAssets
}

/** Reads and checks every deck; writes nothing when one has an error. Returns all diagnostics. */
export async function writeSite(options: WriteSite): Promise<Diagnostic[]> {
  const { site, decksDir, themes, outDir, base, runtime } = options
  const loaded = await loadDecks({ decksDir, themes, site })
  if (hasErrors(loaded.diagnostics)) return loaded.diagnostics
  const images = new Map<string, string>()
  for (const { rendered } of loaded.decks) {
    for (const { path } of rendered.images) if (!images.has(path)) images.set(path, copyHashed(join(decksDir, path), outDir))
  }
  const ctx = { site, base, assets: { ...runtime, image: (path: string) => images.get(path)! }, ...siteClock(options.today) }
  // One deck at a time: a thousand decks' pages are never all in memory.
  const writePages = pageWriter(outDir)
  for (const deck of loaded.decks) writePages(deckPages(deck, ctx))
  const decks = loaded.decks.map((d) => d.deck)
  writePages([...(site.shortLinks ? forwardingPages(decks, ctx) : []), ...sitePages(decks, ctx)])
  return loaded.diagnostics
}

/** Copies an image to assets/<name>-<hash><ext>, named by its content like vite names assets. */
function copyHashed(source: string, outDir: string): string {
  const hash = createHash('sha256').update(readFileSync(source)).digest('base64url').slice(0, 8)
  const ext = extname(source)
  const name = `assets/${basename(source, ext).replace(/[^\w-]/g, '_')}-${hash}${ext.toLowerCase()}`
  mkdirSync(join(outDir, 'assets'), { recursive: true })
  copyFileSync(source, join(outDir, name))
  return name
}
