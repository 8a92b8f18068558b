// The paths a user names on the command line (decks folder, single deck files), checked in the product's words.
import { statSync } from 'node:fs'
import { isWithin } from './contained-path.ts'
import { dirname, relative, resolve, sep } from 'node:path'

/** How a message names a path: relative to where the command runs, as the user typed it. */
const label = (path: string) => relative(process.cwd(), path) || '.'


/** Throws a message for the presenter when the decks folder is missing or is a file. */
export function assertDecksFolder(decksDir: string): void {
  const info = statSync(decksDir, { throwIfNoEntry: false })
  if (!info) throw new Error(`decks folder "${label(decksDir)}" does not exist: create it, or name the folder that holds the decks`)
  if (!info.isDirectory()) {
    const one = /\.md$/i.test(decksDir) ? `; to check this one deck: npm run check -- ${label(decksDir)}` : ''
    throw new Error(`decks folder "${label(decksDir)}" is a file, not a folder: name the folder that holds the decks${one}`)
  }
}

export interface DeckSelection {
  /** The folder the files are read from and named against. */
  decksDir: string
  /** The files, relative to decksDir with forward slashes. */
  files: string[]
}

/**
 * Deck files named one by one (`check decks/vertrieb/x.md`). Files inside the decks folder keep
 * their address and message paths; otherwise their own folder serves as the decks folder.
 */
export function selectDeckFiles(root: string, decksDir: string, names: readonly string[]): DeckSelection {
  const paths = names.map((name) => {
    const path = resolve(root, name)
    const info = statSync(path, { throwIfNoEntry: false })
    if (!info) throw new Error(`deck "${label(path)}" does not exist: check the path`)
    if (info.isDirectory()) throw new Error(`"${label(path)}" is a folder: to check every deck in it, use --decks ${label(path)}`)
    if (!/\.md$/i.test(path)) throw new Error(`"${label(path)}" is not a deck: decks are Markdown files ending in .md`)
    return path
  })
  const inside = paths.every((p) => isWithin(decksDir, p))
  const folder = inside ? decksDir : commonFolder(paths)
  return { decksDir: folder, files: paths.map((p) => relative(folder, p).split(sep).join('/')) }
}

function commonFolder(paths: string[]): string {
  let folder = dirname(paths[0]!)
  while (!paths.every((p) => isWithin(folder, p)) && dirname(folder) !== folder) folder = dirname(folder)
  return folder
}
