// The small files of updeck's own records and caches (node_modules/.cache/updeck/), and exported files:
// read whole or not at all, and written aside and renamed, so that a command reading one while another writes it sees
// the old file or the new one, never half of either.
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** The JSON in `file`, or undefined when it is missing or unreadable (then the cache is simply cold). */
export function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch {
    return undefined
  }
}

/** Writes `content` to `file` whole: into a new file beside it, then renamed over it. */
export function writeAside(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true })
  const aside = `${file}.${randomUUID().slice(0, 8)}.tmp`
  try {
    writeFileSync(aside, content, { flag: 'wx' })
    renameSync(aside, file)
  } catch (error) {
    rmSync(aside, { force: true })
    throw error
  }
}
