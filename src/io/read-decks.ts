// Reads every deck file under the decks folder; the only place that looks inside it.
import { statSync, type Dirent } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { Diagnostic } from '../core/model.ts'
import { containedPath } from './contained-path.ts'

export interface DeckFile {
  /** Path relative to the decks folder, with forward slashes. */
  file: string
  text: string
}

/** A five-minute deck is a few KB; anything this large is a mistake (a pasted export, a binary). */
export const MAX_DECK_BYTES = 1024 * 1024

type Entry = Dirent & { file: string }

/**
 * Everything under the decks folder but hidden files and node_modules. Linked folders are listed,
 * not entered (a link to a parent folder would list decks forever); links to files are listed.
 */
async function listEntries(decksDir: string): Promise<Entry[]> {
  const entries = await readdir(decksDir, { recursive: true, withFileTypes: true })
  return entries
    .map((e) => Object.assign(e, { file: relative(decksDir, join(e.parentPath, e.name)).split(sep).join('/') }))
    .filter(({ file }) => !file.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

const isDeck = (e: Entry) => /\.md$/i.test(e.name) && (e.isFile() || e.isSymbolicLink())

/** A linked folder that leads outside is never read: say so, or its decks would vanish silently. */
function linkOutside(decksDir: string, e: Entry): Diagnostic[] {
  if (!e.isSymbolicLink() || isDeck(e) || !('refused' in containedPath(decksDir, e.file))) return []
  if (!statSync(join(decksDir, e.file), { throwIfNoEntry: false })?.isDirectory()) return []
  const message = 'is a link to a folder outside the decks folder: nothing in it is read or published; move its decks and images into the decks folder'
  return [{ file: e.file, line: 1, col: 1, field: '', message, severity: 'warning' }]
}

export async function readDeckFile(decksDir: string, file: string): Promise<DeckFile | Diagnostic> {
  const problem = (message: string): Diagnostic => ({ file, line: 1, col: 1, field: '', message, severity: 'error' })
  const where = containedPath(decksDir, file)
  if ('refused' in where) {
    return problem(where.refused === 'outside'
      ? 'leads outside the decks folder through a symbolic link: decks are read only from inside it; copy the file itself into the decks folder'
      : 'the file is gone or is a broken symbolic link: restore it or remove the link')
  }
  const stats = await stat(where.path)
  if (!stats.isFile()) return problem(stats.isDirectory() ? 'this is a folder, not a deck: a deck is a Markdown file' : 'this is not a regular file: a deck is a Markdown file')
  if (stats.size > MAX_DECK_BYTES) return problem(`the file is ${(stats.size / 1024 / 1024).toFixed(1)} MB; a deck must stay under 1 MB: move large content into images or split the deck`)
  const bytes = await readFile(where.path)
  if (bytes.includes(0)) return problem('this is not a text file: a deck is Markdown saved as UTF-8 text')
  try {
    return { file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return problem('the file is not UTF-8 text: save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)')
  }
}

export async function readDecks(decksDir: string): Promise<{ files: DeckFile[]; problems: Diagnostic[] }> {
  const entries = await listEntries(decksDir)
  const results = await Promise.all(entries.filter(isDeck).map((e) => readDeckFile(decksDir, e.file)))
  const files = results.filter((r): r is DeckFile => 'text' in r)
  const problems = [...results.filter((r): r is Diagnostic => !('text' in r)), ...entries.flatMap((e) => linkOutside(decksDir, e))]
  return { files, problems }
}
