// One deck, start to finish: read → parse → render → its pages and images written into a folder.
// The unit of work of a build, the same on the main thread and on a worker thread (deck-pool.ts).
import { createHash } from 'node:crypto'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { deckPages, type RenderedDeck } from '../core/build-site.ts'
import { hasErrors } from '../core/diagnostic.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { Deck, Diagnostic, Page } from '../core/model.ts'
import type { SiteAssets } from '../core/site-context.ts'
import type { ImageFile } from './image-file.ts'
import { IMAGE_FORMATS } from './image-type.ts'
import { byPlace, checkImages, loadDeck } from './load-decks.ts'
import { readDeckFile } from './read-decks.ts'
import { pageWriter } from './write-pages.ts'

/** Everything a deck's files depend on besides the deck: plain data, sent once to each worker. */
export interface DeckJob {
  site: SiteConfig
  decksDir: string
  themes: string[]
  /** Where the pages go: a staging folder (full build) or a scratch folder (update). */
  outDir: string
  base: string
  today: string
  /** The build's time (iCalendar stamp): one for all decks, whichever thread renders them. */
  stamp: string
  runtime: Omit<SiteAssets, 'image'>
  exports: boolean
}

/** What the main thread keeps of a deck: little, so that a thousand decks' pages never sit in memory. */
export interface DeckOutput {
  file: string
  /** The file could not be read as a deck: its diagnostic comes first, as a listing problem. */
  unreadable?: boolean
  /** The parsed deck without its slides (for the index, feed, plan, forwarding pages), when it parsed. */
  deck?: Deck
  diagnostics: Diagnostic[]
  /** Files written, relative to the output folder: pages and images (assets/<name>-<hash>.<ext>). */
  files: string[]
  /** The images the deck uses, relative to the decks folder: they shape its output too. */
  images: string[]
}

/**
 * A deck read, parsed and its slides rendered: what `finishDeck` completes. A deck that can write
 * nothing (unreadable, broken) is finished already.
 */
export interface PreparedDeck {
  output: DeckOutput
  /** The rendered deck, when its images are to be checked and its files written. */
  deck?: RenderedDeck
}

/**
 * Builds one deck's files into `job.outDir`; writes nothing for a deck with an error. Synchronous
 * from file to pages: a thread has no other work while a deck's few files are read.
 */
export function buildDeck(file: string, job: DeckJob): DeckOutput {
  return finishDeck(prepareDeck(file, job), job)
}

/** The first half of buildDeck: read and parse the deck, render its slides. */
export function prepareDeck(file: string, job: DeckJob): PreparedDeck {
  const read = readDeckFile(job.decksDir, file)
  if (!('text' in read)) return { output: { file, unreadable: true, diagnostics: [read], files: [], images: [] } }
  const loaded = loadDeck(read.text, file, job, { images: false })
  if (!loaded.deck) return { output: { file, diagnostics: loaded.diagnostics, files: [], images: [] } }
  const { deck, rendered } = loaded.deck
  const images = [...new Set(rendered.images.map((i) => i.path))]
  // Without its slides: the pages about all decks need only the rest, and little crosses threads.
  const output: DeckOutput = { file, deck: { ...deck, slides: [] }, diagnostics: loaded.diagnostics, files: [], images }
  return hasErrors(loaded.diagnostics) ? { output } : { output, deck: loaded.deck }
}

/** The second half of buildDeck: the deck's images read and checked, its pages made (QR codes drawn), all written. */
export function finishDeck({ output, deck }: PreparedDeck, job: DeckJob): DeckOutput {
  if (!deck) return output
  // Each image is read and checked once, and these very bytes are what writeHashed publishes.
  const checked = checkImages(output.file, deck.rendered.images, job, { bytes: true })
  if (checked.diagnostics.length) output.diagnostics = byPlace([...output.diagnostics, ...checked.diagnostics])
  if (hasErrors(checked.diagnostics)) return output
  const names = new Map<string, string>()
  for (const [path, image] of checked.images) names.set(path, writeHashed(path, image, job.outDir))
  const pages = deckPages(deck, { site: job.site, base: job.base, today: job.today, stamp: job.stamp, exports: job.exports, assets: { ...job.runtime, image: (path) => names.get(path)! } })
  folderFor(job.outDir).write(pages)
  output.files = [...pages.map((p) => p.path), ...new Set(names.values())]
  return output
}

/**
 * Writes the checked bytes to assets/<name>-<hash>.<ext>, named by content like vite names assets.
 * The extension comes from the content, not from the source's name: a web server picks the
 * Content-Type by it, and `x.html` holding PNG bytes must not be served as a page. Two decks may
 * share an image and be built by two threads at once: written aside and renamed, never half a file.
 */
function writeHashed(path: string, image: ImageFile, outDir: string): string {
  const bytes = image.bytes!
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 8)
  const name = `assets/${basename(path, extname(path)).replace(/[^\w-]/g, '_')}-${hash}.${IMAGE_FORMATS[image.type].ext}`
  const folder = folderFor(outDir)
  if (!folder.assets) mkdirSync(join(outDir, 'assets'), { recursive: true })
  folder.assets = true
  const aside = join(outDir, `${name}.${threadId}.tmp`)
  writeFileSync(aside, bytes)
  renameSync(aside, join(outDir, name))
  return name
}

/**
 * The folder this thread writes into, with the subfolders it made: a thousand decks make a thousand
 * `mkdir` calls fewer (measured: a third of the time spent making folders).
 */
let folder: { outDir: string; write: (pages: readonly Page[]) => void; assets: boolean } | undefined

function folderFor(outDir: string): NonNullable<typeof folder> {
  if (folder?.outDir !== outDir) folder = { outDir, write: pageWriter(outDir), assets: false }
  return folder
}
