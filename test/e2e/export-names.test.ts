// What a careless presenter types and which folders they have: export file names that must not
// collide, deck files named instead of slugs, and out folders that cannot take the files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportDecks } from '../../src/index.ts'
import { listFiles, tempDir, TODAY } from '../helpers/build-fixture.ts'
import { deckText } from '../helpers/temp-project.ts'

/** A decks folder with the given files (path under decks/ → title). */
function decks(files: Record<string, string>): string {
  const dir = join(tempDir('export-names'), 'decks')
  for (const [file, title] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true })
    writeFileSync(join(dir, file), deckText(title))
  }
  return dir
}

describe('two decks whose exports would share a file name', () => {
  it('a/b-c and a-b/c (both a-b-c.html) get no files and an error each; the other decks are exported', async () => {
    const decksDir = decks({ 'a/b-c.md': 'Erstes', 'a-b/c.md': 'Zweites', 'z.md': 'Drittes' })
    const outDir = join(decksDir, '..', 'out')
    const result = await exportDecks({ decksDir, outDir, all: true, html: true, today: TODAY })
    expect(result.ok).toBe(false)
    expect(listFiles(outDir)).toEqual(['z.html'])
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    expect(errors.map((d) => d.file).sort()).toEqual(['a-b/c.md', 'a/b-c.md'])
    expect(errors[0]!.message).toContain('a-b-c.html')
  })
})
