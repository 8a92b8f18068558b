// `npm run new`: a deck from the template that builds at once, and never an overwrite.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
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

  const refused: [string, string[], string][] = [
    ['an impossible date', ['--date', '2026-13-45'], '--date: use YYYY-MM-DD, e.g. 2026-12-03'],
    ['a 130-character title', ['--title', 'Wort '.repeat(26)], '--title: is too long: at most 120 characters'],
    ['a blank title', ['--title', '   '], '--title: must not be empty'],
    ['a 100-character audience', ['--audience', 'A'.repeat(100)], '--audience: is too long: at most 80 characters'],
    ['an unknown language', ['--lang', 'fr'], '--lang: must be one of: de, en'],
    ['a pasted soft line break', ['--title', 'Update\u000BDezember'], '--title: contains an invisible control character (U+000B) at character 7: delete it, or type a space instead'],
  ]
  for (const [what, options, message] of refused) {
    it(`refuses ${what}, names the option and writes nothing`, async () => {
      const decksDir = join(tempDir('new-refused'), 'decks')
      const args = ['new', '--decks', decksDir, '--title', 'Update', '--audience', 'Vertrieb', '--date', '2026-12-03', ...options]
      const result = await run(process.execPath, ['src/cli/run.mjs', 'src/cli/main.ts', ...args], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e)
      expect('code' in result && result.code).toBe(1)
      expect(result.stderr.trim()).toBe(message)
      expect(existsSync(decksDir) ? readdirSync(decksDir) : []).toEqual([])
    })
  }

  it('gives a long title a short file name, cut at a dash, and the deck passes check', async () => {
    const decksDir = join(tempDir('new-long'), 'decks')
    const title = 'Social Media im Vertrieb: was wir 2026 gelernt haben, was 2027 kommt und wie ihr mitmachen könnt – ein Update'
    expect(title.length).toBeLessThanOrEqual(120)
    const path = await newDeck({ root: ROOT, decksDir, title, audience: 'Vertrieb und Innendienst', date: '2026-12-03' })
    expect(basename(path)).toBe('2026-12-03-social-media-im-vertrieb-was-wir-2026-gelernt-haben-was-2027.md')
    const one = await newDeck({ root: ROOT, decksDir, title: 'X'.repeat(120), audience: 'Vertrieb', date: '2026-12-03' })
    expect(basename(one)).toBe(`2026-12-03-${'x'.repeat(60)}.md`)
    const result = await check({ root: ROOT, decksDir })
    expect(result.diagnostics).toEqual([])
    expect(result.decks.map((d) => d.slides)).toEqual([4, 4])
  })
})
