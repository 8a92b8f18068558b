// Reads every deck file under the decks folder; the only place that looks inside it.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { isDeckFile } from '../core/deck-files.ts'
import type { Diagnostic } from '../core/model.ts'

export interface DeckFile {
  /** Path relative to the decks folder, with forward slashes. */
  file: string
  text: string
}

/** A five-minute deck is a few KB; anything this large is a mistake (a pasted export, a binary). */
export const MAX_DECK_BYTES = 1024 * 1024

export async function listDeckFiles(decksDir: string): Promise<string[]> {
  const entries = await readdir(decksDir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(decksDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter(isDeckFile)
    .sort()
}

export async function readDeckFile(decksDir: string, file: string): Promise<DeckFile | Diagnostic> {
  const problem = (message: string): Diagnostic => ({ file, line: 1, col: 1, field: '', message, severity: 'error' })
  const path = join(decksDir, file)
  const size = (await stat(path)).size
  if (size > MAX_DECK_BYTES) return problem(`the file is ${(size / 1024 / 1024).toFixed(1)} MB; a deck must stay under 1 MB: move large content into images or split the deck`)
  const bytes = await readFile(path)
  if (bytes.includes(0)) return problem('this is not a text file: a deck is Markdown saved as UTF-8 text')
  try {
    return { file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return problem('the file is not UTF-8 text: save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)')
  }
}

export async function readDecks(decksDir: string): Promise<{ files: DeckFile[]; problems: Diagnostic[] }> {
  const names = await listDeckFiles(decksDir)
  const results = await Promise.all(names.map((name) => readDeckFile(decksDir, name)))
  const files = results.filter((r): r is DeckFile => 'text' in r)
  const problems = results.filter((r): r is Diagnostic => !('text' in r))
  return { files, problems }
}
