// Reads every deck file under the decks folder; the only place that looks inside it.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isDeckFile } from '../core/deck-files.ts'
import type { Diagnostic } from '../core/model.ts'
import { containedPath } from './contained-path.ts'
import { assertDecksFolder } from './deck-paths.ts'
import { listFiles, type ListedFile } from './file-listing.ts'

export interface DeckFile {
  /** Path relative to the decks folder, with forward slashes. */
  file: string
  text: string
}

/** Strict UTF-8 that drops a byte order mark; one decoder serves every file (decode() keeps no state between calls). */
const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** A five-minute deck is a few KB; anything this large is a mistake (a pasted export, a binary). */
export const MAX_DECK_BYTES = 1024 * 1024

const isDeck = (f: ListedFile) => isDeckFile(f.name)

/**
 * Deck files: Markdown files the shared listing rule admits (no dot-files, no node_modules), links
 * to files included; linked folders are listed, not entered (a link to a parent would loop).
 */
export async function listDeckFiles(decksDir: string): Promise<string[]> {
  assertDecksFolder(decksDir)
  return listFiles(decksDir).filter(isDeck).map((f) => f.name)
}

/** A linked folder that leads outside is never read: say so, or its decks would vanish silently. */
function linkOutside(decksDir: string, f: ListedFile): Diagnostic[] {
  if (!f.link || isDeck(f) || !('refused' in containedPath(decksDir, f.name))) return []
  if (!statSync(join(decksDir, f.name), { throwIfNoEntry: false })?.isDirectory()) return []
  const message = 'is a link to a folder outside the decks folder: nothing in it is read or published; move its decks and images into the decks folder'
  return [{ file: f.name, line: 1, col: 1, field: '', message, severity: 'warning' }]
}

/**
 * One deck file's text, or why it is not a deck. Synchronous: a deck is a few KB, and a deck job
 * (deck-job.ts) has nothing else to do while it waits; an await here left each thread idle.
 */
export function readDeckFile(decksDir: string, file: string): DeckFile | Diagnostic {
  const problem = (message: string): Diagnostic => ({ file, line: 1, col: 1, field: '', message, severity: 'error' })
  const where = containedPath(decksDir, file)
  if ('refused' in where) {
    return problem(where.refused === 'outside'
      ? 'leads outside the decks folder through a symbolic link: decks are read only from inside it; copy the file itself into the decks folder'
      : 'the file is gone or is a broken symbolic link: restore it or remove the link')
  }
  const stats = statSync(where.path)
  if (!stats.isFile()) return problem(stats.isDirectory() ? 'this is a folder, not a deck: a deck is a Markdown file' : 'this is not a regular file: a deck is a Markdown file')
  if (stats.size > MAX_DECK_BYTES) return problem(`the file is ${(stats.size / 1024 / 1024).toFixed(1)} MB; a deck must stay under 1 MB: move large content into images or split the deck`)
  const bytes = readFileSync(where.path)
  if (isUtf16(bytes)) return problem('the file is saved as UTF-16 ("Unicode"): save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)')
  if (bytes.includes(0)) return problem('this is not a text file: a deck is Markdown saved as UTF-8 text')
  try {
    return { file, text: UTF8.decode(bytes) }
  } catch {
    return problem('the file is not UTF-8 text: save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)')
  }
}

/**
 * Notepad's "Unicode" is UTF-16: a byte order mark FF FE or FE FF, or without one, text whose every
 * other byte is zero (ASCII characters in UTF-16), which a binary file does not show.
 */
function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true
  const sample = bytes.subarray(0, 512)
  const zeros = [0, 0]
  sample.forEach((b, i) => b === 0 && zeros[i % 2]!++)
  const half = sample.length / 2
  return sample.length >= 8 && ((zeros[0] === 0 && zeros[1]! >= half * 0.5) || (zeros[1] === 0 && zeros[0]! >= half * 0.5))
}

/** Deck files (not read) and the warnings about linked folders: for builds that read each deck where it is built. `listing`: the decks folder, listed already. */
export function listDecks(decksDir: string, listing?: readonly ListedFile[]): { files: string[]; problems: Diagnostic[] } {
  assertDecksFolder(decksDir)
  const listed = listing ?? listFiles(decksDir)
  return { files: listed.filter(isDeck).map((f) => f.name), problems: listed.flatMap((f) => linkOutside(decksDir, f)) }
}

export async function readDecks(decksDir: string): Promise<{ files: DeckFile[]; problems: Diagnostic[] }> {
  assertDecksFolder(decksDir)
  const listed = listFiles(decksDir)
  const results = listed.filter(isDeck).map((f) => readDeckFile(decksDir, f.name))
  const files = results.filter((r): r is DeckFile => 'text' in r)
  const problems = [...results.filter((r): r is Diagnostic => !('text' in r)), ...listed.flatMap((f) => linkOutside(decksDir, f))]
  return { files, problems }
}
