// Writes rendered pages into the (staging) output folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Page } from '../core/model.ts'

export function writePages(outDir: string, pages: readonly Page[]): void {
  for (const page of pages) {
    const path = join(outDir, page.path)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, page.content)
  }
}
