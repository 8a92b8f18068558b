// Exports overwrite only files that an earlier export wrote: each file written is remembered by
// size and modification time in node_modules/.cache/updeck/exports.json, never in the output.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const recordFile = (root: string) => join(root, 'node_modules/.cache/updeck/exports.json')
const stamp = (path: string) => {
  const stat = statSync(path, { throwIfNoEntry: false })
  return stat && `${stat.size} ${stat.mtimeMs}`
}

function readRecord(root: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(recordFile(root), 'utf8')) as Record<string, string>
  } catch {
    return {}
  }
}

/** The files among `paths` (absolute) that exist but were not written by an export, unchanged since. */
export function foreignFiles(root: string, paths: string[]): string[] {
  const record = readRecord(root)
  return paths.filter((path) => {
    const now = stamp(path)
    return now !== undefined && record[path] !== now
  })
}

/** Writes `bytes` to `path` whole (aside, then renamed) and remembers it as an export's file. */
export function writeExport(root: string, path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true })
  const aside = `${path}.${randomUUID().slice(0, 8)}.tmp`
  writeFileSync(aside, bytes)
  renameSync(aside, path)
  // Files that are gone (moved away, temporary outputs of tests) are forgotten.
  const record = Object.fromEntries(Object.entries(readRecord(root)).filter(([file]) => existsSync(file)))
  record[path] = stamp(path)!
  const file = recordFile(root)
  mkdirSync(dirname(file), { recursive: true })
  const temporary = `${file}.${randomUUID()}`
  writeFileSync(temporary, JSON.stringify(record))
  renameSync(temporary, file)
}
