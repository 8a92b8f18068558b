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

/**
 * The decks' data, the bulk of a record (their homework links above all), in a file of its own: a
 * line with the `data` of the record it belongs to, then a line `[file, deck or null]` per deck in the
 * record's order. A build after an edit of slides reads no deck's data but the edited one's.
 */
function dataLines(id: string, decks: readonly [string, Deck | null][]): string {
  return [JSON.stringify(id), ...decks.map(([file, deck]) => JSON.stringify([file, deck && packLinks(deck)]))].join('\n')
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

/** Sets `entry.deck` to `value` as a plain property (it replaces the getter that read it). */
function settle(entry: DeckRecord, value: Deck | undefined): Deck | undefined {
  Object.defineProperty(entry, 'deck', { value, writable: true, enumerable: true, configurable: true })
  return value
}

/**
 * The record of `outDir`'s last build. Each deck's data is read from the data file when first asked
 * for (`entry.deck`); which file belongs to which record is checked at once.
 */
export function readSiteRecord(root: string, outDir: string): SiteRecord | undefined {
  const record = readJson<SiteRecord>(siteRecordFile(root, outDir))
  let data: Buffer
  try {
    data = readFileSync(siteRecordFile(root, outDir, '.decks'))
  } catch {
    return undefined
  }
  // One line per deck: where each starts, without decoding the text.
  const starts = [0]
  for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) starts.push(at + 1)
  const line = (i: number) => data.toString('utf8', starts[i], i + 1 < starts.length ? starts[i + 1]! - 1 : data.length)
  const files = record ? Object.keys(record.decks) : []
  // Written one after the other: a record whose data file is another build's is not used.
  if (!record || starts.length !== files.length + 1 || !safeParse(line(0), (id) => id === record.data)) return undefined
  let byFile: Map<string, Deck | null> | undefined // only if a line is not where the record says (never written so)
  files.forEach((file, i) => {
    const entry = record.decks[file]!
    Object.defineProperty(entry, 'deck', {
      get: () => {
        const [named, deck] = JSON.parse(line(i + 1)) as [string, Deck | null]
        const found = named === file ? deck : (byFile ??= new Map(files.map((_, j) => JSON.parse(line(j + 1)) as [string, Deck | null]))).get(file)
        return settle(entry, found ? unpackLinks(found) : undefined)
      },
      set: (value: Deck | undefined) => settle(entry, value),
      enumerable: true,
      configurable: true,
    })
  })
  return record
}

function safeParse(text: string, check: (value: unknown) => boolean): boolean {
  try {
    return check(JSON.parse(text))
  } catch {
    return false
  }
}

/**
 * Saves `record`; its decks' data only when it is not exactly that of `previous` (the record this build
 * started from), so that an edit of slides rewrites a small file rather than all decks' data. A record
 * with `data` set keeps the data file of `previous` as it is: its caller found the decks' data unchanged.
 */
export function saveSiteRecord(root: string, outDir: string, record: SiteRecord, previous?: SiteRecord): void {
  const files = Object.keys(record.decks)
  const kept = record.data !== undefined && record.data === previous?.data
  const sameData = kept || (previous?.data !== undefined && files.length === Object.keys(previous.decks).length && files.every((file) => record.decks[file]!.deck === previous.decks[file]?.deck))
  const data = sameData ? previous!.data! : randomUUID()
  if (!sameData) writeAside(siteRecordFile(root, outDir, '.decks'), dataLines(data, files.map((file) => [file, record.decks[file]!.deck ?? null])))
  // Each entry without its deck (never touched here when `kept`: reading it would read the data file).
  const withoutDeck = ({ key, diagnostics, files: made, images }: DeckRecord): DeckRecord => ({ key, diagnostics, files: made, images })
  const decks = Object.fromEntries(files.map((file) => [file, withoutDeck(record.decks[file]!)]))
  writeAside(siteRecordFile(root, outDir), JSON.stringify({ ...record, data, decks }))
}

/** Path → content hash of the pages about all decks. */
export function pageHashes(pages: readonly Page[]): Record<string, string> {
  return Object.fromEntries(pages.map((p) => [p.path, createHash('sha256').update(p.content).digest('base64url')]))
}

/**
 * True when the decks are those of the record, and what the pages about all decks show of them
 * (everything but the slides) is unchanged: an edit of slides alone leaves those pages as they are.
 * Only the `rendered` decks are compared: the others are the record's own.
 */
export function sameSiteData(record: SiteRecord, decks: readonly DeckOutput[], rendered: readonly DeckOutput[]): boolean {
  const files = Object.keys(record.decks)
  if (files.length !== decks.length || decks.some((d, i) => d.file !== files[i])) return false
  return rendered.every((d) => JSON.stringify(d.deck) === JSON.stringify(record.decks[d.file]!.deck))
}

/**
 * `keys`: the keys `reusable` found still valid in this build (a thousand hashes fewer). `data`: the
 * record's data file, when the decks' data is unchanged (sameSiteData): the entries get no deck.
 */
export function siteRecord(site: string, inputs: Inputs, decks: readonly DeckOutput[], pages: Record<string, string>, keys = new Map<string, string>(), data?: string): SiteRecord {
  const records = decks.map((d) => {
    const record: DeckRecord = { key: keys.get(d.file) ?? deckKey(site, inputs, d.file, d.images), diagnostics: d.diagnostics, files: d.files, images: d.images }
    if (data === undefined && d.deck) record.deck = d.deck
    return [d.file, record] as const
  })
  return { inputs: inputs.hash, siteKey: site, pages, decks: Object.fromEntries(records), ...(data === undefined ? {} : { data }) }
}

/**
 * The earlier output of a deck whose file, images and site are unchanged (its key goes into `keys`);
 * undefined: build it. `read`: the decks folder as the record's build read it (Inputs.seen.files):
 * a deck whose files all have the content hashes they had then keeps its key without hashing it again.
 * Its data (`deck`) is read from the record when first asked for.
 */
export function reusable(record: SiteRecord, site: string, inputs: Inputs, keys: Map<string, string>, read: Record<string, [string, string]> = {}): (file: string) => DeckOutput | undefined {
  const unchanged = (path: string) => Object.hasOwn(read, path) && read[path]![1] === inputs.files.get(path)
  return (file) => {
    const earlier = Object.hasOwn(record.decks, file) ? record.decks[file] : undefined
    if (!earlier || record.siteKey !== site) return undefined
    const same = unchanged(file) && earlier.images.every(unchanged)
    if (!same && earlier.key !== deckKey(site, inputs, file, earlier.images)) return undefined
    keys.set(file, earlier.key)
    const output: DeckOutput = { file, diagnostics: earlier.diagnostics, files: earlier.files, images: earlier.images }
    Object.defineProperty(output, 'deck', { get: () => earlier.deck, enumerable: true, configurable: true })
    return output
  }
}
