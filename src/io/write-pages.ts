// Writes rendered pages into the (staging) output folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Page } from '../core/model.ts'

/** A writer for one output folder; it remembers the folders it made (a deck has three files). */
export function pageWriter(outDir: string): (pages: readonly Page[]) => void {
  const made = new Set<string>()
  return (pages) => {
    for (const page of pages) {
      const path = join(outDir, page.path)
      const dir = dirname(path)
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true })
        made.add(dir)
      }
      writeFileSync(path, page.content)
    }
  }
}
