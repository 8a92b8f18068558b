// Writes the site's pages and images into an output folder, next to an already bundled runtime.
import type { Worker } from 'node:worker_threads'
import { checkSlugs, forwardingPages, sitePages } from '../core/build-site.ts'
import { hasErrors } from '../core/diagnostic.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { Deck, Diagnostic, Page } from '../core/model.ts'
import type { SiteAssets } from '../core/site-context.ts'
import { siteClock } from './clock.ts'
import type { DeckJob, DeckOutput } from './deck-job.ts'
import { buildDecks, workerCount } from './deck-pool.ts'
import type { ListedFile } from './file-listing.ts'
import { listDecks } from './read-decks.ts'
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
  /** The build's time for calendar files (iCalendar UTC stamp). @default now */
  stamp?: string | undefined
  runtime: RuntimeAssets
  /** The index offers each deck's files in exports/ (the build writes them). @default false */
  withExports?: boolean
  /** Threads that build decks (1: this one only). @default one per core, or UPDECK_WORKERS */
  workers?: number | undefined
  /** The decks folder's files, when the caller listed it already (a build hashes them first). */
  listing?: readonly ListedFile[] | undefined
  /** Worker threads started already (deck-pool.ts startWorkers), ended once the decks are built. */
  started?: readonly Worker[] | undefined
}

export interface RenderedSite {
  diagnostics: Diagnostic[]
  /** Every deck file, in the listing's order. */
  decks: DeckOutput[]
  /** The decks this build rendered (not taken from `reuse`). */
  rendered: DeckOutput[]
  /** index.html, decks.json, feed.xml, plan, meetings.ics and the forwarding pages, made when asked for. */
  pages: () => Page[]
  /** What `unchanged` said: the decks' data is that of a build whose checks between decks passed. */
  unchanged: boolean
}

/** Reads and checks every deck; writes nothing but the decks' files when one has an error. Returns all diagnostics. */
export async function writeSite(options: WriteSite): Promise<Diagnostic[]> {
  const rendered = await renderSite(options)
  if (!hasErrors(rendered.diagnostics)) pageWriter(options.outDir)(rendered.pages())
  return rendered.diagnostics
}

/**
 * Builds each deck's files into `outDir` (or takes them from `reuse`, an earlier build's, still
 * valid) and returns the site pages about all decks, unwritten. One deck at a time on each thread:
 * a thousand decks' pages are never all in memory.
 */
export async function renderSite(
  options: WriteSite,
  reuse: (file: string) => DeckOutput | undefined = () => undefined,
  /**
   * True when the decks' data (all but the slides) is that of a build that passed the checks between
   * decks (addresses, forwarding pages): they are not made again, nor are the reused decks' data read.
   */
  unchanged: (decks: DeckOutput[], rendered: DeckOutput[]) => boolean = () => false,
): Promise<RenderedSite> {
  const { site, decksDir, themes, outDir, base } = options
  const clock = siteClock(options.today)
  const job: DeckJob = { site, decksDir, themes, outDir, base, today: clock.today, stamp: options.stamp ?? clock.stamp, runtime: options.runtime, exports: options.withExports ?? false }
  const listed = listDecks(decksDir, options.listing)
  const reused = new Map<string, DeckOutput>()
  for (const file of listed.files) {
    const earlier = reuse(file)
    if (earlier) reused.set(file, earlier)
  }
  const built = await buildDecks(listed.files.filter((file) => !reused.has(file)), job, workerCount(options.workers), options.started)
  const byFile = new Map(built.map((d) => [d.file, d]))
  const decks = listed.files.map((file) => reused.get(file) ?? byFile.get(file)!)
  const known = unchanged(decks, built)
  let parsed: Deck[] | undefined
  const all = () => (parsed ??= decks.flatMap((d) => (d.deck ? [d.deck] : [])))
  // The order of a one-thread build: unreadable files, linked folders, each deck's own, then between decks.
  const diagnostics = [
    ...decks.filter((d) => d.unreadable).flatMap((d) => d.diagnostics),
    ...listed.problems,
    ...decks.filter((d) => !d.unreadable).flatMap((d) => d.diagnostics),
    ...(known ? [] : checkSlugs(all())),
  ]
  if (hasErrors(diagnostics)) return { diagnostics, decks, rendered: built, pages: () => [], unchanged: known }
  const ctx = { site, base, today: job.today, stamp: job.stamp, exports: job.exports, assets: { ...options.runtime, image: unused } }
  // Only tasks the build forwarded (task.forward) get a forwarding page, whatever shortLinks says.
  return { diagnostics, decks, rendered: built, pages: () => [...forwardingPages(all(), ctx), ...sitePages(all(), ctx)], unchanged: known }
}

/** The site pages link no deck image. */
function unused(path: string): string {
  throw new Error(`a site page asked for the image ${path}`)
}
