// Remembers what the last successful build of an output folder was made from, and every file it
// wrote, so that a build with nothing changed can stop at once (node_modules/.cache/updeck/builds/)
// and a build after an edit can keep what the edit did not touch (site-record.ts).
// The manifest lives here rather than in the output: nothing of it gets published.
// Each build lists the decks folder and the output once and reads and hashes each file once.
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs'
import { isHiddenPath } from '../core/deck-files.ts'
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { readJson, writeAside } from './cache-file.ts'
import { fileContent, fileListing, hashProject, listFiles, sizeAndTime, type ListedFile } from './file-listing.ts'

export interface BuildKey {
  root: string
  outDir: string
  /** Everything else that shapes the output: base, today, command-line options. */
  options: Record<string, string | undefined>
}

/** path → "size mtime" of every file of an output folder. */
export type Manifest = Record<string, string>

/** path → mtime of every folder of an output folder ('' for itself): a file added or removed changes it. */
export type Folders = Record<string, number>

interface Stamp {
  hash: string
  decksDir: string
  /** Every file of the output, path → "size mtime": a deleted or edited file means rebuild. */
  output: Manifest
  /** Every folder of the output: with them, the next build checks the output by stats alone, no listing. */
  folders?: Folders | undefined
  /** Every file of the decks folder, path → "size mtime" and its content hash, and when they were read. */
  inputs?: { at: number; files: Record<string, [string, string]> }
}

/** The decks folder read once: each file's content hash, and one hash over all of them and the rest. */
export interface Inputs {
  decksDir: string
  /** Path relative to the decks folder → hash of its content (a symbolic link: of its stamp). */
  files: Map<string, string>
  hash: string
  /** What the next build needs to skip reading files that did not change (Stamp.inputs). */
  seen: NonNullable<Stamp['inputs']>
  /** The listing itself: the build finds the decks in it rather than listing the folder again. */
  listing: ListedFile[]
}

/** What a build learns at its start and uses throughout: the last build's stamp and the output now. */
export interface LastBuild {
  key: BuildKey
  /** Hash of the project's code, themes, config and lockfile. */
  project: string
  stamp?: Stamp | undefined
  /** The output folder's files now (listed only when a build of it is recorded). */
  output?: Manifest | undefined
  /** The decks folder the last build read, hashed now. */
  inputs?: Inputs | undefined
}

/** One file per output folder, so that a build reads only its own; builds.json lists them all. */
const stampFile = (root: string, outDir: string) => join(root, 'node_modules/.cache/updeck/builds', `${folderKey(outDir)}.json`)
const indexFile = (root: string) => join(root, 'node_modules/.cache/updeck/builds.json')
const folderKey = (outDir: string) => createHash('sha256').update(outDir).digest('hex').slice(0, 16)

/** Where site-record.ts keeps which deck made which files of `outDir`, and (`.decks.json`) the decks' data. */
export const siteRecordFile = (root: string, outDir: string, part: '' | '.decks' = '') => join(root, 'node_modules/.cache/updeck/sites', `${folderKey(outDir)}${part}.json`)

/**
 * Hashes every file of the decks folder by content. A file whose size and time are those of the last
 * build's reading is not read again, unless its time is so close to that reading that an edit in the
 * same tick of the file system's clock could hide behind it (git's "racy" rule).
 */
function hashDecksFolder(key: BuildKey, project: string, decksDir: string, earlier?: Stamp['inputs'], listing = listFiles(decksDir)): Inputs {
  const at = Date.now()
  const hash = createHash('sha256').update(JSON.stringify({ ...key, decksDir, project }))
  const files = new Map<string, string>()
  const seen: Record<string, [string, string]> = {}
  const lines: string[] = []
  // A thousand decks and their images: the loop runs once per build, in code the JIT has not
  // optimised yet, so it does the least per file (measured: path.join cost as much as the stat).
  for (const file of listing) {
    const stat = file.link ? undefined : statSync(`${decksDir}/${file.name}`, { throwIfNoEntry: false })
    const stamp = stat ? sizeAndTime(stat) : ''
    const known = earlier && stat && stat.mtimeMs < earlier.at - RACY_MS ? earlier.files[file.name] : undefined
    const content = known?.[0] === stamp ? known[1] : createHash('sha256').update(fileContent(decksDir, file)).digest('base64url')
    if (stat) seen[file.name] = [stamp, content]
    files.set(file.name, content)
    lines.push(`${file.name}\0${content}\n`)
  }
  return { decksDir, files, hash: hash.update(lines.join('')).digest('hex'), seen: { at, files: seen }, listing }
}

/** Coarser than any file system's clock (FAT: 2 s). */
const RACY_MS = 2000

function outputManifest(outDir: string): Manifest {
  return Object.fromEntries(fileListing(outDir).map((f) => [f.name, f.stamp]))
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** What a walk of (part of) an output folder found: files with their stamps, folders, symbolic links. */
export interface OutputWalk {
  files: [string, string][]
  folders: Folders
  links: boolean
}

/**
 * Walks `outDir` as the listing sees it: every file with its stamp and every folder with its time.
 * `folders`: only these top-level folders (not the output folder itself); `skip`: top-level folders
 * left out. Two walks, one of some top-level folders and one skipping them, make up one.
 */
export function walkOutput(outDir: string, { folders, skip = [] }: { folders?: readonly string[]; skip?: readonly string[] } = {}): OutputWalk {
  const found: OutputWalk = { files: [], folders: {}, links: false }
  const walk = (sub: string) => {
    found.folders[sub] = statSync(join(outDir, sub)).mtimeMs
    for (const entry of readdirSync(join(outDir, sub), { withFileTypes: true })) {
      if (isHiddenPath(entry.name)) continue // the listing's rule (file-listing.ts)
      const name = sub ? `${sub}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (!skip.includes(name)) walk(name)
      } else if (entry.isSymbolicLink()) found.links = true
      else if (entry.isFile()) found.files.push([name, stampOf(join(outDir, name))!])
    }
  }
  if (folders) folders.forEach(walk)
  else walk('')
  return found
}

/** The top-level folders of an output folder, as the listing sees them. */
export function topFolders(outDir: string): string[] {
  return readdirSync(outDir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() && !isHiddenPath(e.name) ? [e.name] : []))
}

/**
 * The output's files (as the listing sees them) and its folders, in one walk, or in two: `early`
 * walked the top-level folders `top` before (write-output.ts walkAside), and this walk takes the
 * rest. An output with a symbolic link in it (not ours) gets no folders: the next build lists it.
 */
export function outputState(outDir: string, early?: { walk: OutputWalk; top: readonly string[] }): { files: Manifest; folders?: Folders } {
  const walked = early ? [early.walk, walkOutput(outDir, { skip: early.top })] : [walkOutput(outDir)]
  if (walked.some((w) => w.links)) return { files: outputManifest(outDir) }
  const files = walked.flatMap((w) => w.files)
  return { files: Object.fromEntries(files.sort(([a], [b]) => byName(a, b))), folders: Object.assign({}, ...walked.map((w) => w.folders)) }
}

const stampOf = (path: string) => {
  const stat = statSync(path, { throwIfNoEntry: false })
  return stat?.isFile() ? sizeAndTime(stat) : undefined
}

/**
 * The output as the last build left it, checked by one stat per file and folder instead of a listing:
 * an edited file changes its own time, an added, removed or renamed one its folder's.
 */
function unchangedByStats(outDir: string, stamp: Stamp): boolean {
  for (const [dir, time] of Object.entries(stamp.folders ?? {})) {
    const stat = statSync(join(outDir, dir), { throwIfNoEntry: false })
    if (!stat?.isDirectory() || stat.mtimeMs !== time) return false
  }
  return Object.entries(stamp.output).every(([file, stamp]) => stampOf(join(outDir, file)) === stamp)
}

/** The folders of `changed` files (and their parents) as they are now; those gone are dropped. */
export function updatedFolders(outDir: string, folders: Folders, changed: readonly string[]): Folders {
  const next = { ...folders }
  for (const dir of parentFolders(changed)) {
    const stat = statSync(join(outDir, dir), { throwIfNoEntry: false })
    if (stat?.isDirectory()) next[dir] = stat.mtimeMs
    else delete next[dir]
  }
  return next
}

function sameManifest(a: Manifest, b: Manifest): boolean {
  // Both are written in the listing's order: one string comparison, the rest only when they differ.
  if (a === b || JSON.stringify(a) === JSON.stringify(b)) return true
  const names = Object.keys(a)
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name])
}

/** A manifest in the listing's order (file-listing.ts sorts by code unit). */
export function sortedManifest(manifest: Manifest): Manifest {
  return Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => byName(a, b)))
}

/**
 * Reads the last build's stamp of `key.outDir` and hashes the decks it was built from. The output is
 * checked file by file only when the decks are unchanged (is the build up to date?); after an edit,
 * the build checks just the files it replaces or removes (update-site.ts).
 */
export async function lastBuild(key: BuildKey): Promise<LastBuild> {
  const project = hashProject(createHash('sha256'), key.root, ['src', 'themes']).digest('hex')
  const stamp = readJson<Stamp>(stampFile(key.root, key.outDir))
  if (!stamp?.output) return { key, project }
  const inputs = hashDecksFolder(key, project, stamp.decksDir, stamp.inputs)
  if (inputs.hash !== stamp.hash) return { key, project, stamp, inputs }
  const output = stamp.folders && unchangedByStats(key.outDir, stamp) ? stamp.output : outputManifest(key.outDir)
  return { key, project, stamp, output, inputs }
}

/** True when the output folder holds, file for file, exactly what the last build wrote there. */
export function outputIntact(last: LastBuild): boolean {
  return last.stamp !== undefined && last.output !== undefined && sameManifest(last.stamp.output, last.output)
}

/**
 * True when a build may update the output file by file: the last build of it is recorded, and the
 * output either was not checked as a whole (the decks changed) or holds exactly what that build wrote.
 */
export function mayUpdate(last: LastBuild): boolean {
  return last.stamp !== undefined && (last.output === undefined || outputIntact(last))
}

/** True when `outDir` still holds, file for file, the output of a build from exactly these inputs. */
export function isUpToDate(last: LastBuild): boolean {
  return outputIntact(last) && last.inputs!.hash === last.stamp!.hash
}

/** True when every file in `outDir` was written by the last build of this project into it (lists it if not yet). */
export function wasBuiltHere(last: LastBuild): boolean {
  const output = last.stamp?.output
  return output !== undefined && Object.keys(last.output ?? outputManifest(last.key.outDir)).every((name) => name in output)
}

/** What an update finds of `files` in `outDir`, against the manifest of the last build there. */
export interface OutputCheck {
  /** There, as the last build wrote them. */
  same: Set<string>
  /** Not there (the last build's, deleted since, or new). */
  missing: Set<string>
  /** There, but not as the last build wrote them: edited by hand, or not written by updeck at all. */
  changed: string[]
}

/** One stat per file of `files`: a file edited since the build that wrote it has another size or time. */
export function checkOutput(outDir: string, manifest: Manifest, files: Iterable<string>): OutputCheck {
  const check: OutputCheck = { same: new Set(), missing: new Set(), changed: [] }
  for (const file of files) {
    const stat = lstatSync(join(outDir, file), { throwIfNoEntry: false })
    if (!stat) check.missing.add(file)
    else if (stat.isFile() && Object.hasOwn(manifest, file) && sizeAndTime(stat) === manifest[file]) check.same.add(file)
    else check.changed.push(file)
  }
  return check
}

/**
 * The last build's folder times, or undefined when a folder of `files` no longer has its recorded
 * time (a file was added or removed there by hand): then the next build lists the output instead of
 * trusting folder times that would hide that file.
 */
export function foldersBefore(outDir: string, folders: Folders | undefined, files: readonly string[]): Folders | undefined {
  if (!folders) return undefined
  for (const dir of parentFolders(files)) {
    const stat = statSync(join(outDir, dir), { throwIfNoEntry: false })
    if (Object.hasOwn(folders, dir) ? stat?.mtimeMs !== folders[dir] : stat !== undefined) return undefined
  }
  return folders
}

/** The folders of `files` and their parents, '' for the output folder itself. */
function parentFolders(files: readonly string[]): Set<string> {
  const touched = new Set<string>()
  for (const file of files) for (let dir = dirname(file); !touched.has(dir); dir = dirname(dir)) touched.add(dir)
  return new Set([...touched].map((dir) => (dir === '.' ? '' : dir)))
}

/**
 * The decks folder's hashes for this build: taken before building, so edits made meanwhile count as
 * changes. `listing`: the folder, listed already.
 */
export function hashInputs(last: LastBuild, decksDir: string, listing?: ListedFile[]): Inputs {
  return last.inputs?.decksDir === decksDir ? last.inputs : hashDecksFolder(last.key, last.project, decksDir, undefined, listing)
}

/** The decks folder's files: as the last build's check of the stamp listed them, else listed now. */
export function decksListing(last: LastBuild, decksDir: string): ListedFile[] {
  return last.inputs?.decksDir === decksDir ? last.inputs.listing : listFiles(decksDir)
}

/** Marks `outDir` as made from `inputs`, holding the files of `output`. */
export async function saveStamp(last: LastBuild, inputs: Inputs, output: Manifest, folders?: Folders): Promise<void> {
  const { root, outDir } = last.key
  writeAside(stampFile(root, outDir), JSON.stringify({ hash: inputs.hash, decksDir: inputs.decksDir, output, folders, inputs: inputs.seen } satisfies Stamp))
  // Folders that are gone (temporary outputs of tests and benchmarks) are forgotten, with their records.
  const known = Object.keys((readJson<Record<string, unknown>>(indexFile(root))) ?? {})
  const gone = known.filter((dir) => dir !== outDir && !existsSync(dir))
  for (const dir of gone) await Promise.all([stampFile(root, dir), siteRecordFile(root, dir), siteRecordFile(root, dir, '.decks')].map((file) => rm(file, { force: true })))
  const kept = [...known.filter((dir) => !gone.includes(dir) && dir !== outDir), outDir]
  writeAside(indexFile(root), JSON.stringify(Object.fromEntries(kept.map((dir) => [dir, folderKey(dir)]))))
}

