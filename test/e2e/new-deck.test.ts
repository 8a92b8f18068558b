// `npm run new`: a deck from the template that builds at once, and never an overwrite.
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { check, newDeck } from '../../src/index.ts'
import { buildTo, tempDir } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'

const run = promisify(execFile)

describe('new', () => {
  it('writes decks/<date>-<slug>.md with umlauts and ß transliterated, and it builds at once', async () => {
    const decksDir = join(tempDir('new'), 'decks')
    const path = await newDeck({ root: ROOT, decksDir, title: 'Größere Reichweite für Straßenbau', audience: 'Tiefbau', date: '2026-12-03' })
    expect(path).toBe(join(decksDir, '2026-12-03-groessere-reichweite-fuer-strassenbau.md'))
    const result = await check({ root: ROOT, decksDir })
    expect(result.diagnostics).toEqual([])
    expect(result.decks[0]).toMatchObject({ date: '2026-12-03', audience: 'Tiefbau', slides: 4, tasks: 1 })
    expect((await buildTo({ decksDir })).ok).toBe(true)
  })

  it('writes an English deck with --lang en', async () => {
    const decksDir = join(tempDir('new-en'), 'decks')
    const path = await newDeck({ root: ROOT, decksDir, title: 'Tech blog', audience: 'Engineering', date: '2027-01-14', lang: 'en' })
    expect(readFileSync(path, 'utf8')).toContain('lang: en\n')
    expect(readFileSync(path, 'utf8')).toContain("# What's new?")
  })

  it('refuses to overwrite an existing deck and writes nothing', async () => {
    const decksDir = join(tempDir('new-exists'), 'decks')
    const args = ['src/cli/run.mjs', 'src/cli/main.ts', 'new', '--decks', decksDir, '--title', 'Update', '--audience', 'Vertrieb', '--date', '2026-12-03']
    const first = await run(process.execPath, args, { cwd: ROOT })
    expect(first.stdout.trim()).toMatch(/2026-12-03-update\.md$/)
    const file = join(decksDir, '2026-12-03-update.md')
    writeFileSync(file, 'my own words')
    const second = await run(process.execPath, args, { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e)
    expect('code' in second && second.code).toBe(1)
    expect((second as { stderr: string }).stderr).toContain('already exists: nothing was written')
    expect(readFileSync(file, 'utf8')).toBe('my own words')
    expect(readdirSync(decksDir)).toEqual(['2026-12-03-update.md'])
  })
})
