// Writes the site's pages and images into an output folder, next to an already bundled runtime.
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { deckPages, forwardingPages, sitePages } from '../core/build-site.ts'
import { hasErrors } from '../core/diagnostic.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { Diagnostic } from '../core/model.ts'
import type { SiteAssets } from '../core/site-context.ts'
import { siteClock } from './clock.ts'
import { readImage, type ImageFile } from './image-file.ts'
import { IMAGE_FORMATS } from './image-type.ts'
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
  /** The index offers each deck's files in exports/ (the build writes them). @default false */
  withExports?: boolean
}

/** Reads and checks every deck; writes nothing when one has an error. Returns all diagnostics. */
export async function writeSite(options: WriteSite): Promise<Diagnostic[]> {
  const { site, decksDir, themes, outDir, base, runtime } = options
  const loaded = await loadDecks({ decksDir, themes, site })
  if (hasErrors(loaded.diagnostics)) return loaded.diagnostics
  const images = new Map<string, string>()
  for (const { deck, rendered } of loaded.decks) {
    for (const { path, line, col } of rendered.images) {
      if (images.has(path)) continue
      const image = readImage(decksDir, path, { bytes: true })
      // Checked when loaded; changed since (a save during the build): refuse rather than publish unchecked.
      if ('problem' in image) return [...loaded.diagnostics, { file: deck.file, line, col, field: '', message: `image "${path}" ${image.problem}`, severity: 'error' }]
      images.set(path, writeHashed(path, image, outDir))
    }
  }
  const ctx = { site, base, assets: { ...runtime, image: (path: string) => images.get(path)! }, ...siteClock(options.today), exports: options.withExports ?? false }
  // One deck at a time: a thousand decks' pages are never all in memory.
  const writePages = pageWriter(outDir)
  for (const deck of loaded.decks) writePages(deckPages(deck, ctx))
  const decks = loaded.decks.map((d) => d.deck)
  // Only tasks the build forwarded (task.forward) get a forwarding page, whatever shortLinks says.
  writePages([...forwardingPages(decks, ctx), ...sitePages(decks, ctx)])
  return loaded.diagnostics
}

/**
 * Writes the checked bytes to assets/<name>-<hash>.<ext>, named by content like vite names assets.
 * The extension comes from the content, not from the source's name: a web server picks the
 * Content-Type by it, and `x.html` holding PNG bytes must not be served as a page.
 */
function writeHashed(path: string, image: ImageFile, outDir: string): string {
  const bytes = image.bytes!
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 8)
  const name = `assets/${basename(path, extname(path)).replace(/[^\w-]/g, '_')}-${hash}.${IMAGE_FORMATS[image.type].ext}`
  mkdirSync(join(outDir, 'assets'), { recursive: true })
  writeFileSync(join(outDir, name), bytes)
  return name
}
