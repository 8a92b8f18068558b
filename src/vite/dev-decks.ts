// The dev server's decks, read lazily: every deck's frontmatter at start (the index, decks.json,
// the feed, the plan and the calendar need no more), a deck's slides when its pages are first
// asked for or when it is saved, kept until its file or an image changes.
import { checkSlugs, type RenderedDeck } from '../core/build-site.ts'
import { hasErrors } from '../core/diagnostic.ts'
import type { Deck, Diagnostic } from '../core/model.ts'
import { parseDeck } from '../core/parse-deck.ts'
import type { RenderedSlides } from '../core/render-slides.ts'
import { renderBody, type LoadContext } from '../io/load-decks.ts'
import type { ParseCache } from '../io/parse-cache.ts'
import { readDeckFile, readDecks } from '../io/read-decks.ts'

interface DevDeck {
  /** The text last read: a file whose text is the same is not parsed again when the folder is listed again. */
  text?: string
  /** The last version without errors (a broken save keeps the page the presenter had). */
  deck?: Deck
  /** The deck's slides, once asked for. */
  rendered?: RenderedSlides
  /** The problems parseDeck finds (frontmatter, no slides), known from the start. */
  parsed: Diagnostic[]
  /** The problems of the body (Markdown, images), known once it is rendered. */
  body: Diagnostic[]
}

export interface DevDecks {
  /** Lists the folder again: new and changed files are parsed, gone ones dropped, the rest kept. */
  reload(): Promise<void>
  /** Renders again every deck that was rendered: an image they may use changed. */
  renderAgain(): void
  /** Reads, parses and renders a saved deck; its new version replaces the old one only without errors. */
  save(file: string): Promise<{ deck?: RenderedDeck; problems: Diagnostic[] }>
  /** The decks without errors, in the listing's order (checkSlugs blames the later of two decks). */
  decks(): Deck[]
  /** A deck with its slides, rendered now if they were not yet. */
  rendered(deck: Deck): RenderedDeck
  /** Every problem known: each file's, the listing's and those between decks. */
  diagnostics(): Diagnostic[]
  /** Whether a rendered deck shows this image (a path relative to the decks folder). */
  usesImage(file: string): boolean
}

/** `cache`: the parses of the last start, for the decks whose text is the same (see io/parse-cache.ts). */
export function devDecks(load: LoadContext, cache?: ParseCache): DevDecks {
  let files = new Map<string, DevDeck>()
  let listing: Diagnostic[] = []
  let known: Diagnostic[] | undefined

  const parse = (file: string, text: string): DevDeck => {
    let parsed = cache?.get(file, text)
    if (!parsed) {
      parsed = parseDeck(text, file, { themes: load.themes, site: load.site })
      cache?.set(file, text, parsed)
    }
    return { text, ...(parsed.deck ? { deck: parsed.deck } : {}), parsed: parsed.diagnostics, body: [] }
  }
  const render = (entry: DevDeck, deck: Deck) => {
    const body = renderBody(deck, load)
    entry.rendered = body.rendered
    entry.body = body.diagnostics
    known = undefined
    return body.rendered
  }

  return {
    async reload() {
      const read = await readDecks(load.decksDir)
      listing = read.problems
      files = new Map(read.files.map(({ file, text }) => {
        const before = files.get(file)
        return [file, before?.text === text ? before : parse(file, text)]
      }))
      known = undefined
      cache?.save([...files.keys()])
    },
    renderAgain() {
      for (const entry of files.values()) if (entry.rendered && entry.deck) render(entry, entry.deck)
    },
    async save(file) {
      const read = await readDeckFile(load.decksDir, file)
      const saved = 'text' in read ? parse(file, read.text) : { parsed: [read], body: [] }
      if (saved.deck && !hasErrors(saved.parsed)) render(saved, saved.deck)
      const problems = [...saved.parsed, ...saved.body].sort((a, b) => a.line - b.line || a.col - b.col)
      const before = files.get(file)
      // With errors, the presenter keeps the last good version; the text stays its text, so that the
      // next listing parses the file again.
      files.set(file, saved.deck && !hasErrors(problems) ? saved : { ...before, parsed: saved.parsed, body: saved.body })
      files = new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      known = undefined
      return { ...(saved.deck && saved.rendered ? { deck: { deck: saved.deck, rendered: saved.rendered } } : {}), problems }
    },
    decks: () => [...files.values()].flatMap((entry) => (entry.deck ? [entry.deck] : [])),
    rendered(deck) {
      const entry = files.get(deck.file)!
      return { deck, rendered: entry.rendered ?? render(entry, deck) }
    },
    diagnostics() {
      known ??= [...listing, ...[...files.values()].flatMap((entry) => [...entry.parsed, ...entry.body].sort((a, b) => a.line - b.line || a.col - b.col)), ...checkSlugs(this.decks())]
      return known
    },
    usesImage: (file) => [...files.values()].some((entry) => entry.rendered?.images.some((i) => i.path === file)),
  }
}
