// Exports overwrite only files that an earlier export wrote: each file written is remembered by its
// size and modification time in node_modules/.cache/updeck/exports/, one small file per exported
// path (named by the path's hash), never in the output. One file each: exports running side by side
// never lose each other's entries, as a shared list read and written back would.
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { writeAside } from './cache-file.ts'
import { sizeAndTime } from './file-listing.ts'

const recordOf = (root: string, path: string) => join(root, 'node_modules/.cache/updeck/exports', createHash('sha256').update(path).digest('hex').slice(0, 32))
const stamp = (path: string) => {
  const stat = statSync(path, { throwIfNoEntry: false })
  return stat && `${stat.isFile() ? 'file' : 'other'} ${sizeAndTime(stat)}`
}

/** The stamp an export remembers for `path`, and the deck it wrote there (unknown in records older than that). */
function remembered(root: string, path: string): { at: string; slug?: string } | undefined {
  try {
    const [file, at, slug] = readFileSync(recordOf(root, path), 'utf8').split('\n')
    return file === path && at !== undefined ? { at, ...(slug ? { slug } : {}) } : undefined
  } catch {
    return undefined
  }
}

/** The files among `paths` (absolute) that exist but were not written by an export, or changed since. */
export function foreignFiles(root: string, paths: string[]): string[] {
  return paths.filter((path) => {
    const now = stamp(path)
    return now !== undefined && remembered(root, path)?.at !== now
  })
}

/**
 * The files an export wrote for another deck than the one that would now replace them: `a/b-c` and
 * `a-b/c` both export as `a-b-c.html`, and one must not silently replace the other's file.
 */
export function otherDecksFiles(root: string, files: { path: string; slug: string }[]): { path: string; slug: string }[] {
  return files.flatMap(({ path, slug }) => {
    const other = stamp(path) === undefined ? undefined : remembered(root, path)?.slug
    return other !== undefined && other !== slug ? [{ path, slug: other }] : []
  })
}


/** Writes `bytes` to `path` whole and, given the project `root`, remembers it as the export of deck `slug`. */
export function writeExport(root: string | undefined, path: string, bytes: Uint8Array, slug: string): void {
  writeAside(path, bytes)
  if (root === undefined) return
  writeAside(recordOf(root, path), `${path}\n${stamp(path)!}\n${slug}`)
}
