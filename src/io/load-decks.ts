// Reads, parses and renders every deck, and checks the images they use exist: all diagnostics at once.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { checkSlugs, type RenderedDeck } from '../core/build-site.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { Diagnostic } from '../core/model.ts'
import { parseDeck } from '../core/parse-deck.ts'
import { renderSlides } from '../core/render-slides.ts'
import { readDecks, readDeckFile } from './read-decks.ts'

export interface LoadContext {
  decksDir: string
  themes: string[]
  site: SiteConfig
}

export interface Loaded {
  decks: RenderedDeck[]
  diagnostics: Diagnostic[]
}

/** One deck file → its rendered deck, or the diagnostics that keep it from building. */
export function loadDeck(text: string, file: string, ctx: LoadContext): { deck?: RenderedDeck; diagnostics: Diagnostic[] } {
  const parsed = parseDeck(text, file, { themes: ctx.themes, site: ctx.site })
  if (!parsed.deck) return { diagnostics: parsed.diagnostics }
  const rendered = renderSlides(parsed.deck)
  const diagnostics = [...parsed.diagnostics, ...rendered.diagnostics]
  for (const image of rendered.images) {
    const path = join(ctx.decksDir, image.path)
    if (!existsSync(path) || !statSync(path).isFile()) {
      diagnostics.push({ file, line: image.line, col: image.col, field: '', message: `image "${image.path}" not found in the decks folder: check the file name`, severity: 'error' })
    }
  }
  diagnostics.sort((a, b) => a.line - b.line || a.col - b.col)
  return { deck: { deck: parsed.deck, rendered }, diagnostics }
}

/** Every deck and the diagnostics of all of them, problems between decks (checkSlugs) included. */
export async function loadDecks(ctx: LoadContext): Promise<Loaded> {
  const loaded = await loadDeckFiles(ctx)
  return { decks: loaded.decks, diagnostics: [...loaded.diagnostics, ...checkSlugs(loaded.decks.map((d) => d.deck))] }
}

/** Every deck file, each loaded on its own: the dev server adds checkSlugs as decks come and go. */
export async function loadDeckFiles(ctx: LoadContext): Promise<Loaded> {
  const { files, problems } = await readDecks(ctx.decksDir)
  const diagnostics = [...problems]
  const decks: RenderedDeck[] = []
  for (const { file, text } of files) {
    const result = loadDeck(text, file, ctx)
    diagnostics.push(...result.diagnostics)
    if (result.deck) decks.push(result.deck)
  }
  return { decks, diagnostics }
}

export async function loadOneDeck(ctx: LoadContext, file: string): Promise<{ deck?: RenderedDeck; diagnostics: Diagnostic[] }> {
  const read = await readDeckFile(ctx.decksDir, file)
  if (!('text' in read)) return { diagnostics: [read] }
  return loadDeck(read.text, file, ctx)
}
