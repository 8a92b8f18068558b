// Reads every deck file under the decks folder; the only place that looks inside it.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Diagnostic } from '../core/model.ts'
import { listFiles } from './file-listing.ts'
import { assertDecksFolder } from './deck-paths.ts'

export interface DeckFile {
  /** Path relative to the decks folder, with forward slashes. */
  file: string
  text: string
}

/** A five-minute deck is a few KB; anything this large is a mistake (a pasted export, a binary). */
export const MAX_DECK_BYTES = 1024 * 1024

/** Deck files: Markdown files the shared listing rule admits (no dot-files, no node_modules, no links). */
export async function listDeckFiles(decksDir: string): Promise<string[]> {
  assertDecksFolder(decksDir)
  return listFiles(decksDir)
    .filter((f) => !f.link && /\.md$/i.test(f.name))
    .map((f) => f.name)
}

export async function readDeckFile(decksDir: string, file: string): Promise<DeckFile | Diagnostic> {
  const problem = (message: string): Diagnostic => ({ file, line: 1, col: 1, field: '', message, severity: 'error' })
  const path = join(decksDir, file)
  const size = (await stat(path)).size
  if (size > MAX_DECK_BYTES) return problem(`the file is ${(size / 1024 / 1024).toFixed(1)} MB; a deck must stay under 1 MB: move large content into images or split the deck`)
  const bytes = await readFile(path)
  if (isUtf16(bytes)) return problem('the file is saved as UTF-16 ("Unicode"): save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)')
  if (bytes.includes(0)) return problem('this is not a text file: a deck is Markdown saved as UTF-8 text')
  try {
    return { file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
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

export async function readDecks(decksDir: string): Promise<{ files: DeckFile[]; problems: Diagnostic[] }> {
  const names = await listDeckFiles(decksDir)
  const results = await Promise.all(names.map((name) => readDeckFile(decksDir, name)))
  const files = results.filter((r): r is DeckFile => 'text' in r)
  const problems = results.filter((r): r is Diagnostic => !('text' in r))
  return { files, problems }
}
