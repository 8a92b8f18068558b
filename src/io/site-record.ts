// Which deck made which files of an output folder, and from what (node_modules/.cache/updeck/sites/):
// a build after an edit renders only the decks whose key changed and keeps the other decks' files.
// A deck's key hashes its file, its images and everything else that shapes its pages (the site key).
import { createHash, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MEDIA } from '../core/campaign.ts'
import type { Deck, Diagnostic, Page, Task } from '../core/model.ts'
import { siteRecordFile, type Inputs } from './build-stamp.ts'
import { readJson, writeAside } from './cache-file.ts'
import type { DeckOutput } from './deck-job.ts'

interface DeckRecord {
  key: string
  deck?: Deck
  diagnostics: Diagnostic[]
  files: string[]
  images: string[]
}

export interface SiteRecord {
  /** The stamp (build-stamp.ts) this record belongs to: saved first, valid only with it. */
  inputs: string
  siteKey: string
  /** The pages about all decks that the build wrote (index, feed, plan, forwarding pages …) → content hash. */
  pages: Record<string, string>
  decks: Record<string, DeckRecord>
  /** Names the file of the decks' data that belongs to this record (set when saved). */
  data?: string
}

/** Everything besides a deck that shapes its pages: code, themes, config (project), options, runtime. */
export function siteKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

/** A deck's file, its images (by content) and the site key. */
function deckKey(site: string, inputs: Inputs, file: string, images: readonly string[]): string {
  const hash = createHash('sha256').update(`${site}\0${file}\0${inputs.files.get(file)}`)
  for (const image of images) hash.update(`\0${image}\0${inputs.files.get(image) ?? unlisted(inputs.decksDir, image)}`)
  return hash.digest('hex')
}

/** An image the listing skips (in a hidden folder) or that is missing: hashed where it is. */
function unlisted(decksDir: string, path: string): string {
  try {
    return createHash('sha256').update(readFileSync(join(decksDir, path))).digest('base64url')
  } catch {
    return 'missing'
  }
}

/** The decks' data, the bulk of a record (their homework links above all), in a file of its own. */
interface DecksData {
  /** The `data` of the record it belongs to. */
  id: string
  decks: Record<string, Deck | null>
}

/**
 * A task's links are one URL four times unless campaign tags apply: kept once in the data file (a
 * third of its size at 1,000 decks, and of the time to read it), and unpacked to the same object.
 */
function packLinks(deck: Deck): Deck {
  const homework = deck.homework.map((task) => {
    const values = Object.values(task.links)
    const single = Object.keys(task.links).join('\0') === MEDIA.join('\0') && values.every((url) => url === values[0])
    return single ? { ...task, links: values[0] as unknown as Task['links'] } : task
  })
  return { ...deck, homework }
}

function unpackLinks(deck: Deck): Deck {
  for (const task of deck.homework) {
    const url = task.links as unknown
    if (typeof url !== 'string') continue
    const links: Record<string, string> = {}
    for (const medium of MEDIA) links[medium] = url // a plain loop: this runs for every task of every deck
    task.links = links as Task['links']
  }
  return deck
}

export function readSiteRecord(root: string, outDir: string): SiteRecord | undefined {
  const record = readJson<SiteRecord>(siteRecordFile(root, outDir))
  const data = record && readJson<DecksData>(siteRecordFile(root, outDir, '.decks'))
  // Written one after the other: a record whose data file is another build's is not used.
  if (!record || !data || data.id !== record.data) return undefined
  for (const [file, entry] of Object.entries(record.decks)) {
    const deck = data.decks[file]
    if (deck) entry.deck = unpackLinks(deck)
  }
  return record
}

/**
 * Saves `record`; its decks' data only when it is not exactly that of `previous` (the record this build
 * started from), so that an edit of slides rewrites a small file rather than all decks' data.
 */
export function saveSiteRecord(root: string, outDir: string, record: SiteRecord, previous?: SiteRecord): void {
  const files = Object.keys(record.decks)
  const sameData = previous?.data !== undefined && files.length === Object.keys(previous.decks).length && files.every((file) => record.decks[file]!.deck === previous.decks[file]?.deck)
  const data = sameData ? previous.data! : randomUUID()
  if (!sameData) writeAside(siteRecordFile(root, outDir, '.decks'), JSON.stringify({ id: data, decks: Object.fromEntries(files.map((file) => [file, record.decks[file]!.deck ? packLinks(record.decks[file]!.deck!) : null])) } satisfies DecksData))
  const decks = Object.fromEntries(files.map((file) => [file, { ...record.decks[file]!, deck: undefined }]))
  writeAside(siteRecordFile(root, outDir), JSON.stringify({ ...record, data, decks }))
}

/** Path → content hash of the pages about all decks. */
export function pageHashes(pages: readonly Page[]): Record<string, string> {
  return Object.fromEntries(pages.map((p) => [p.path, createHash('sha256').update(p.content).digest('base64url')]))
}

/**
 * True when the decks are those of the record, and what the pages about all decks show of them
 * (everything but the slides) is unchanged: an edit of slides alone leaves those pages as they are.
 */
export function sameSiteData(record: SiteRecord, decks: readonly DeckOutput[]): boolean {
  const files = Object.keys(record.decks)
  if (files.length !== decks.length || decks.some((d, i) => d.file !== files[i])) return false
  return decks.every((d) => d.deck === record.decks[d.file]!.deck || JSON.stringify(d.deck) === JSON.stringify(record.decks[d.file]!.deck))
}

/** `keys`: the keys `reusable` found still valid in this build (a thousand hashes fewer). */
export function siteRecord(site: string, inputs: Inputs, decks: readonly DeckOutput[], pages: Record<string, string>, keys = new Map<string, string>()): SiteRecord {
  const records = decks.map(({ file, deck, diagnostics, files, images }) => {
    const record: DeckRecord = { key: keys.get(file) ?? deckKey(site, inputs, file, images), diagnostics, files, images, ...(deck ? { deck } : {}) }
    return [file, record] as const
  })
  return { inputs: inputs.hash, siteKey: site, pages, decks: Object.fromEntries(records) }
}

/**
 * The earlier output of a deck whose file, images and site are unchanged (its key goes into `keys`);
 * undefined: build it. `read`: the decks folder as the record's build read it (Inputs.seen.files):
 * a deck whose files all have the content hashes they had then keeps its key without hashing it again.
 */
export function reusable(record: SiteRecord, site: string, inputs: Inputs, keys: Map<string, string>, read: Record<string, [string, string]> = {}): (file: string) => DeckOutput | undefined {
  const unchanged = (path: string) => Object.hasOwn(read, path) && read[path]![1] === inputs.files.get(path)
  return (file) => {
    const earlier = Object.hasOwn(record.decks, file) ? record.decks[file] : undefined
    if (!earlier || record.siteKey !== site) return undefined
    const same = unchanged(file) && earlier.images.every(unchanged)
    if (!same && earlier.key !== deckKey(site, inputs, file, earlier.images)) return undefined
    keys.set(file, earlier.key)
    const { deck, diagnostics, files, images } = earlier
    return { file, diagnostics, files, images, ...(deck ? { deck } : {}) }
  }
}
