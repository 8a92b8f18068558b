// The parsed decks of the last dev server start, in node_modules/.cache/updeck/dev/: a deck whose text
// is the same, parsed by the same code with the same site options and themes, is not parsed again
// (YAML with positions, zod and the homework fit are most of a start with many decks). A deck is kept
// as far as it was parsed: its frontmatter alone (what the index needs), or parseDeck's whole result.
import { createHash } from 'node:crypto'
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ParseResult } from '../core/parse-deck.ts'
import type { FrontmatterResult } from '../core/parse-frontmatter.ts'
import { readJson, writeAside } from './cache-file.ts'
import { hashProject } from './file-listing.ts'

/** What is known of one text: parseFrontmatter's result, or parseDeck's once it ran (or both). */
export interface Parsed {
  head?: FrontmatterResult
  full?: ParseResult
}

export interface ParseCache {
  /** How many decks the last start left parses of: none on a first start. */
  size(): number
  get(file: string, text: string): Parsed | undefined
  set(file: string, text: string, parsed: Parsed): void
  /** Writes the parses of these files (the decks listed now) when any is new. */
  save(files: readonly string[]): void
}

type Entries = Record<string, { text: string; parsed: Parsed }>

const textHash = (text: string) => createHash('sha256').update(text).digest('base64url')

/**
 * `codeRoot` is where the running src/core/ lives (its files' sizes and times, and the lockfile
 * beside it, are part of the key); `inputs` is what else shapes a parse (site options, themes).
 */
export function openParseCache(projectRoot: string, codeRoot: string, inputs: unknown): ParseCache {
  const key = hashProject(createHash('sha256').update(JSON.stringify(inputs)), codeRoot, ['src/core']).digest('hex').slice(0, 16)
  const dir = join(projectRoot, 'node_modules/.cache/updeck/dev')
  const path = join(dir, `${key}.json`)
  let before: Entries = readJson<Entries>(path) ?? {} // no cache yet: parse everything
  let now: Entries = {}
  let changed = false
  const entry = (file: string) => (Object.hasOwn(now, file) ? now[file] : Object.hasOwn(before, file) ? before[file] : undefined)
  return {
    size: () => Object.keys(before).length,
    get(file, text) {
      const found = entry(file)
      return found?.text === textHash(text) ? found.parsed : undefined
    },
    set(file, text, parsed) {
      now[file] = { text: textHash(text), parsed }
      changed = true
    },
    save(files) {
      const kept = Object.fromEntries(files.flatMap((file) => (entry(file) ? [[file, entry(file)!]] : [])))
      if (!changed && Object.keys(kept).length === Object.keys(before).length) return
      writeAside(path, JSON.stringify(kept)) // another dev server may be reading it
      // One cache per project: the parses for other code or options go (a few MB each).
      for (const name of readdirSync(dir)) if (name !== `${key}.json` && name.endsWith('.json')) rmSync(join(dir, name), { force: true })
      before = kept
      now = {}
      changed = false
    },
  }
}
