// Reads, parses and renders every deck, and checks the images they use: all diagnostics at once.
import { checkSlugs, type RenderedDeck } from '../core/build-site.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { Deck, Diagnostic } from '../core/model.ts'
import { parseDeck } from '../core/parse-deck.ts'
import { renderSlides, type RenderedSlides } from '../core/render-slides.ts'
import { readImage, type ImageFile } from './image-file.ts'
import { readDecks, readDeckFile } from './read-decks.ts'

const MB = 1024 * 1024
const tooLarge = (path: string, size: number, limit: number) =>
  `image "${path}" is ${(size / MB).toFixed(1)} MB, more than the ${limit} MB that load quickly in a presentation: export it smaller (1920 pixels wide is plenty)`

export interface LoadContext {
  decksDir: string
  themes: string[]
  site: SiteConfig
}

export interface Loaded {
  decks: RenderedDeck[]
  diagnostics: Diagnostic[]
}

/**
 * What reading the images gives besides diagnostics. `bytes`: keep each image's checked bytes (a
 * build publishes exactly these; a check or the dev server only needs the verdict). `images: false`:
 * leave them unread (a build's second stage reads them, deck-job.ts finishDeck).
 */
export interface ImageOptions {
  bytes?: boolean
  images?: false
}

/** A deck's images that passed their check, by path relative to the decks folder. */
export type CheckedImages = Map<string, ImageFile>

/** One deck file → its rendered deck, or the diagnostics that keep it from building. */
export function loadDeck(text: string, file: string, ctx: LoadContext, options: ImageOptions = {}): { deck?: RenderedDeck; images: CheckedImages; diagnostics: Diagnostic[] } {
  const parsed = parseDeck(text, file, { themes: ctx.themes, site: ctx.site })
  if (!parsed.deck) return { images: new Map(), diagnostics: parsed.diagnostics }
  const body = renderBody(parsed.deck, ctx, options)
  return { deck: { deck: parsed.deck, rendered: body.rendered }, images: body.images, diagnostics: byPlace([...parsed.diagnostics, ...body.diagnostics]) }
}

/** Diagnostics in the order of their places; those at one place in the order given (a stable sort). */
export const byPlace = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.sort((a, b) => a.line - b.line || a.col - b.col)

/** A parsed deck's slides, rendered, and the problems of its body: Markdown and the images it uses, each read and checked once. */
export function renderBody(deck: Deck, ctx: LoadContext, options: ImageOptions = {}): { rendered: RenderedSlides; images: CheckedImages; diagnostics: Diagnostic[] } {
  const rendered = renderSlides(deck, ctx.site)
  const checked = options.images === false ? { images: new Map(), diagnostics: [] } : checkImages(deck.file, rendered.images, ctx, options)
  return { rendered, images: checked.images, diagnostics: [...rendered.diagnostics, ...checked.diagnostics] }
}

/** Reads and checks each image a deck's slides use, once. */
export function checkImages(file: string, uses: RenderedSlides['images'], ctx: LoadContext, options: ImageOptions = {}): { images: CheckedImages; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const images: CheckedImages = new Map()
  for (const { path, line, col } of uses) {
    const image = readImage(ctx.decksDir, path, options)
    const at = { file, line, col, field: '' }
    if ('problem' in image) diagnostics.push({ ...at, message: `image "${path}" ${image.problem}`, severity: 'error' })
    else {
      images.set(path, image)
      if (image.size > ctx.site.maxImageMB * MB) diagnostics.push({ ...at, message: tooLarge(path, image.size, ctx.site.maxImageMB), severity: 'warning' })
    }
  }
  return { images, diagnostics }
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
  const read = readDeckFile(ctx.decksDir, file)
  if (!('text' in read)) return { diagnostics: [read] }
  return loadDeck(read.text, file, ctx)
}
