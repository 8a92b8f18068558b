// The dev server's decks, read lazily: every deck's frontmatter at start (the index needs no more),
// a deck's whole parse (its homework sized) when its pages or a file about all decks are asked for,
// or soon after start for all (so that every error a build would report shows), its slides when its
// pages are first asked for or when it is saved, kept until its file or an image changes.
import { checkAddresses, checkSlugs, type RenderedDeck } from '../core/build-site.ts'
import { hasErrors } from '../core/diagnostic.ts'
import type { Deck, Diagnostic } from '../core/model.ts'
import { parseDeck, type ParseResult } from '../core/parse-deck.ts'
import { parseFrontmatter, type DeckHead, type FrontmatterResult } from '../core/parse-frontmatter.ts'
import type { FrontmatterPool } from '../io/frontmatter-pool.ts'
import type { RenderedSlides } from '../core/render-slides.ts'
import { renderBody, type LoadContext } from '../io/load-decks.ts'
import type { ParseCache, Parsed } from '../io/parse-cache.ts'
import { readDeckFile, readDecks } from '../io/read-decks.ts'

interface DevDeck {
  /** The text last read: a file whose text is the same is not parsed again when the folder is listed again. */
  text?: string
  /** The last version without errors as far as it is checked: its frontmatter, or the whole deck once parsed. */
  head?: DeckHead
  /** The last version without errors, parsed in full (a broken save keeps the page the presenter had). */
  deck?: Deck
  /** parseDeck ran on `text`; until then only parseFrontmatter did. */
  complete: boolean
  /** The deck's slides, once asked for. */
  rendered?: RenderedSlides
  /** The problems parseFrontmatter finds, and parseDeck's (frontmatter and homework, no slides) once it ran. */
  parsed: Diagnostic[]
  /** The problems of the body (Markdown, images), known once it is rendered. */
  body: Diagnostic[]
}

export interface DevDecks {
  /**
   * Lists the folder again: new and changed files are parsed (their frontmatter, on `pool`'s threads
   * if given; see FrontmatterPool.parse for `hereFrom`), gone ones dropped, the rest kept. The files
   * are read before it returns.
   */
  reload(pool?: FrontmatterPool, hereFrom?: Promise<unknown>): Promise<void>
  /** Renders again every deck that was rendered: an image they may use changed. */
  renderAgain(): void
  /** Reads, parses and renders a saved deck; its new version replaces the old one only without errors. */
  save(file: string): Promise<{ deck?: RenderedDeck; problems: Diagnostic[] }>
  /** What the index shows: the decks without errors found so far, in the listing's order, each as far as it is parsed. */
  heads(): DeckHead[]
  /** The decks without errors, every deck parsed in full first (decks.json, the feed and the plan show their homework). */
  decks(): Deck[]
  /** A deck (by file) with its slides, parsed and rendered now if it was not yet; undefined when it has errors. */
  rendered(file: string): RenderedDeck | undefined
  /** Parses in full one deck known only by its frontmatter; false when none is left (the parses are then kept for the next start). */
  completeNext(): boolean
  /** Every problem known: each file's, the listing's and those between decks. */
  diagnostics(): Diagnostic[]
  /** Counts every change of what is known: pages made from the decks stay good while it stays the same. */
  version(): number
  /** Whether a rendered deck shows this image (a path relative to the decks folder). */
  usesImage(file: string): boolean
}

/** `cache`: the parses of the last start, for the decks whose text is the same (see io/parse-cache.ts). */
export function devDecks(load: LoadContext, cache?: ParseCache): DevDecks {
  const ctx = { themes: load.themes, site: load.site }
  let files = new Map<string, DevDeck>()
  let listing: Diagnostic[] = []
  let known: Diagnostic[] | undefined
  let version = 0
  const changed = () => {
    known = undefined
    version++
  }

  const fromFull = (text: string, full: ParseResult): DevDeck => {
    const deck = full.deck
    return { text, ...(deck ? { head: deck, deck } : {}), complete: true, parsed: full.diagnostics, body: [] }
  }
  /** A file of the listing: all that the last start knew of the same text, or its frontmatter (parsed already if given). */
  const parse = (file: string, text: string, parsed: Parsed | undefined, given?: FrontmatterResult): DevDeck => {
    if (parsed?.full) return fromFull(text, parsed.full)
    const head = parsed?.head ?? given ?? parseFrontmatter(text, file, ctx)
    if (!parsed) cache?.set(file, text, { head })
    return { text, ...(head.head ? { head: head.head } : {}), complete: false, parsed: head.diagnostics, body: [] }
  }
  /** A saved file, parsed in full at once: it is rendered and sent to the open page. */
  const parseAll = (file: string, text: string): DevDeck => {
    const parsed = cache?.get(file, text)
    if (parsed?.full) return fromFull(text, parsed.full)
    const full = parseDeck(text, file, ctx)
    cache?.set(file, text, { full }) // the frontmatter alone is no longer needed
    return fromFull(text, full)
  }
  /** parseDeck for a deck known by its frontmatter: the homework fit may find errors the frontmatter had not. */
  const complete = (file: string, entry: DevDeck) => {
    if (entry.complete) return
    if (entry.text === undefined) return void (entry.complete = true)
    const full = parseAll(file, entry.text)
    Object.assign(entry, { complete: true, parsed: full.parsed, head: full.head, deck: full.deck })
    entry.rendered = undefined
    entry.body = []
    changed()
  }
  const render = (entry: DevDeck, deck: Deck) => {
    const body = renderBody(deck, load)
    entry.rendered = body.rendered
    entry.body = body.diagnostics
    changed()
    return body.rendered
  }
  const heads = () => [...files.values()].flatMap((entry) => (entry.head ? [entry.head] : []))

  return {
    async reload(pool, hereFrom) {
      const read = await readDecks(load.decksDir)
      listing = read.problems
      const kept = read.files.map(({ file, text }) => (files.get(file)?.text === text ? undefined : cache?.get(file, text)))
      const fresh = read.files.filter(({ file, text }, i) => files.get(file)?.text !== text && !kept[i])
      const heads = pool && fresh.length ? await pool.parse(fresh, hereFrom) : []
      const given = new Map(heads.map((head, i) => [fresh[i]!.file, head]))
      files = new Map(read.files.map(({ file, text }, i) => {
        const before = files.get(file)
        return [file, before?.text === text ? before : parse(file, text, kept[i], given.get(file))]
      }))
      changed()
      cache?.save([...files.keys()])
    },
    renderAgain() {
      for (const entry of files.values()) if (entry.rendered && entry.deck) render(entry, entry.deck)
    },
    async save(file) {
      const before = files.get(file)
      // Its last good version is kept if the save has errors: known in full, so that it stays what it was.
      if (before) complete(file, before)
      const read = await readDeckFile(load.decksDir, file)
      const saved: DevDeck = 'text' in read ? parseAll(file, read.text) : { complete: true, parsed: [read], body: [] }
      if (saved.deck && !hasErrors(saved.parsed)) render(saved, saved.deck)
      const problems = [...saved.parsed, ...saved.body].sort((a, b) => a.line - b.line || a.col - b.col)
      // With errors, the presenter keeps the last good version; the text stays its text, so that the
      // next listing parses the file again.
      files.set(file, saved.deck && !hasErrors(problems) ? saved : { complete: true, ...before, parsed: saved.parsed, body: saved.body })
      files = new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      changed()
      return { ...(saved.deck && saved.rendered ? { deck: { deck: saved.deck, rendered: saved.rendered } } : {}), problems }
    },
    heads,
    decks() {
      for (const [file, entry] of files) complete(file, entry)
      return [...files.values()].flatMap((entry) => (entry.deck ? [entry.deck] : []))
    },
    rendered(file) {
      const entry = files.get(file)
      if (!entry) return undefined
      complete(file, entry)
      return entry.deck && { deck: entry.deck, rendered: entry.rendered ?? render(entry, entry.deck) }
    },
    completeNext() {
      for (const [file, entry] of files) {
        if (entry.complete) continue
        complete(file, entry)
        return true
      }
      cache?.save([...files.keys()])
      return false
    },
    diagnostics() {
      if (known) return known
      const all = [...files.values()]
      // Two decks at one address show at once; two forwarded links sharing a page once the homework is sized.
      const between = all.every((entry) => entry.complete) ? checkSlugs(all.flatMap((entry) => (entry.deck ? [entry.deck] : []))) : checkAddresses(heads())
      known = [...listing, ...all.flatMap((entry) => [...entry.parsed, ...entry.body].sort((a, b) => a.line - b.line || a.col - b.col)), ...between]
      return known
    },
    version: () => version,
    usesImage: (file) => [...files.values()].some((entry) => entry.rendered?.images.some((i) => i.path === file)),
  }
}
