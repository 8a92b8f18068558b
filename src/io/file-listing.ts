// Which files of a user's folder updeck looks at, and cheap fingerprints of them for the caches.
import type { Hash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs'
import { join } from 'node:path'
import { isHiddenPath } from '../core/deck-files.ts'

export interface ListedFile {
  /** Path relative to the listed folder, with forward slashes. */
  name: string
  /** A symbolic link is listed as itself, never followed: its target may be missing or outside. */
  link: boolean
}

/** Files and symbolic links under `dir` the rule admits, sorted; [] when `dir` does not exist. */
export function listFiles(dir: string): ListedFile[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return []
  const found: ListedFile[] = []
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      // The one rule for what is skipped (core/deck-files.ts): dot-entries such as Emacs' lock file
      // `.#talk.md` (a dangling link) or `.git`, and node_modules; never entered, never stat'ed.
      if (isHiddenPath(entry.name)) continue
      const name = sub ? `${sub}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(name)
      else if (entry.isFile() || entry.isSymbolicLink()) found.push({ name, link: entry.isSymbolicLink() })
    }
  }
  walk('')
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** "size mtime", changed by every save; a link adds where it points, and may dangle. */
function stampOf(path: string, link: boolean): string {
  if (!link) return sizeAndTime(statSync(path))
  let target: string
  try {
    target = sizeAndTime(statSync(path))
  } catch {
    target = 'unreadable' // dangling or a loop: the build reports it if a deck uses it
  }
  return `-> ${readlinkSync(path)} ${target}`
}

/** A file's stamp in every manifest and cache of updeck: "size mtime", changed by every save. */
export function sizeAndTime(stat: Stats): string {
  return `${stat.size} ${stat.mtimeMs}`
}

/** A folder's files, each with a stamp that every save changes. */
export function fileListing(dir: string): { name: string; stamp: string }[] {
  return listFiles(dir).map(({ name, link }) => ({ name, stamp: stampOf(join(dir, name), link) }))
}

/** A file's content, for hashing by content; a link by its stamp, so a dangling one is fine. */
export function fileContent(dir: string, file: ListedFile): Buffer | string {
  const path = join(dir, file.name)
  return file.link ? stampOf(path, true) : readFileSync(path)
}

/** Adds the listings of `dirs` and the contents of vite.config.ts and package-lock.json to `hash`. */
export function hashProject(hash: Hash, root: string, dirs: string[]): Hash {
  for (const dir of dirs) for (const file of fileListing(join(root, dir))) hash.update(`${dir}/${file.name} ${file.stamp}\n`)
  for (const file of ['vite.config.ts', 'package-lock.json']) {
    const path = join(root, file)
    if (existsSync(path)) hash.update(readFileSync(path))
  }
  return hash
}
