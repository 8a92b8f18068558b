// `npm run check`: the table of decks, time estimates against budgets, and exit codes.
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'
import { checkTable } from '../../src/cli/check-table.ts'
import { check } from '../../src/index.ts'
import { HOMEWORK_SECONDS, MIN_SECONDS_PER_SLIDE } from '../../src/core/time-budget.ts'
import { tempDir } from '../helpers/build-fixture.ts'
import { FIXTURE_DECKS, ROOT } from '../helpers/site.ts'

const TIMING = join(ROOT, 'test/fixtures/decks-timing')
const run = promisify(execFile)
const cli = (...args: string[]) =>
  run(process.execPath, ['src/cli/run.mjs', 'src/cli/main.ts', ...args], { cwd: ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  )

describe('check', () => {
  it('estimates each deck from its words at 120 words per minute', async () => {
    const result = await check({ root: ROOT, decksDir: TIMING })
    const fits = result.decks.find((d) => d.slug === 'fits')!
    // 240 words (2 min) + notes of 120 words on a 1-word slide (1 min) + an image slide (minimum) + homework
    expect(fits.seconds).toBe(120 + 61 + MIN_SECONDS_PER_SLIDE + HOMEWORK_SECONDS)
    expect(fits.slides).toBe(4)
    const long = result.decks.find((d) => d.slug === 'too-long')!
    expect(long.seconds).toBeGreaterThan(long.budget)
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.field}: ${d.message}`)).toEqual([
      'too-long.md:5 warning duration: the estimate of 10:45 is over the 5 minutes: cut words from slides or notes, or raise duration',
    ])
  })

  it('prints the table and passes with a warning; --strict fails the over-long deck', async () => {
    const plain = await cli('check', '--decks', TIMING)
    expect(plain.code).toBe(0)
    expect(plain.stdout).toMatch(/deck\s+date\s+audience\s+slides\s+estimate\s+budget\s+tasks\s+status/)
    expect(plain.stdout).toMatch(/too-long\s+2026-12-03\s+Personal\s+3\s+10:45\s+5:00\s+1\s+OVER/)
    expect(plain.stdout).toMatch(/fits\s+2026-12-03\s+Vertrieb\s+4\s+4:01\s+5:00\s+1\s+ok/)
    expect(plain.stderr).toContain('test/fixtures/decks-timing/too-long.md:5:11 warning: duration: the estimate of 10:45')
    const strict = await cli('check', '--decks', TIMING, '--strict')
    expect(strict.code).toBe(1)
  })

  it('exits 1 and names file:line:col for every broken deck', async () => {
    const result = await cli('check', '--decks', join(FIXTURE_DECKS, 'bad'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('test/fixtures/decks/bad/wrong-types.md:3:7 date: use YYYY-MM-DD, e.g. 2026-12-03')
    expect(result.stderr).toContain('test/fixtures/decks/bad/homework-urls.md:8:10 homework.1.url: only https:// links are allowed')
  })

  it('says error or warning in the row of each deck that has one, and keeps columns aligned for wide characters', async () => {
    const decksDir = join(tempDir('table'), 'decks')
    mkdirSync(decksDir, { recursive: true })
    const deck = (audience: string, slide: string) =>
      `---\ntitle: Update\ndate: 2026-12-03\naudience: ${audience}\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n# Folie\n\n${slide}\n`
    writeFileSync(join(decksDir, 'a-gut.md'), deck('営業チーム東京', 'Alles gut.'))
    writeFileSync(join(decksDir, 'b-link.md'), deck('Vertrieb', '[Klick](javascript:alert(1))'))
    writeFileSync(join(decksDir, 'c-kaputt.md'), '---\ntitle: [kaputt\n---\n\n# Folie\n')
    writeFileSync(join(decksDir, 'd-bild.md'), deck('Personal', '![](bild.svg)'))
    writeFileSync(join(decksDir, 'bild.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    const result = await check({ root: ROOT, decksDir })
    expect(result.decks.map((d) => [d.file, d.errors, d.warnings])).toEqual([
      ['a-gut.md', 0, 0],
      ['b-link.md', 1, 0],
      ['c-kaputt.md', 1, 0],
      ['d-bild.md', 0, 1],
    ])
    const lines = checkTable(result.decks).split('\n')
    expect(lines.map((l) => l.split(/\s{2,}/).at(-1))).toEqual(['status', '---------', 'ok', '1 error', '1 error', '1 warning'])
    expect(lines[4]).toMatch(/^c-kaputt(\s+–){6}\s+1 error$/)
    // Every row's status starts in the same terminal column, 営業チーム東京 (7 characters, 14 columns) included.
    const statusColumn = (line: string) => stringWidth(line.slice(0, line.search(/\S+( \S+)?$/)))
    expect(new Set(lines.map(statusColumn)).size).toBe(1)
  })
})

describe('--site-url', () => {
  const LONG = 'Wir sind auf der LogiMAT 2027 in Stuttgart und zeigen unsere neue Verpackungslinie live: 120 Kartons pro Minute, Formatwechsel in unter zehn Minuten. Stand B15!'
  const decks = join(tempDir('site-url'), 'decks')
  mkdirSync(join(decks, 'vertrieb'), { recursive: true })
  const links = ['https://www.xing.com/profile', 'https://www.linkedin.com/company/muster-maschinenbau-gmbh', 'https://example.com/blog/neu', 'https://example.com/umfrage', 'https://mastodon.social/auth/sign_up']
  writeFileSync(
    join(decks, 'vertrieb', 'update.md'),
    `---\ntitle: Update\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n${links.slice(0, 3).map((url, i) => `  - { kind: link, title: Aufgabe ${i + 1}, url: "${url}" }`).join('\n')}\n  - kind: share\n    network: x\n    title: Messe-Beitrag teilen\n    text: "${LONG}"\n    url: https://example.com/news/logimat\n${links.slice(3).map((url, i) => `  - { kind: link, title: Aufgabe ${i + 5}, url: "${url}" }`).join('\n')}\n---\n\n# Eins\n`,
  )
  const label = relative(ROOT, decks)

  it('without it, a 6-task deck with a 160-character X share fails, naming the task and --site-url', async () => {
    const result = await cli('check', '--decks', decks)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`^${label}/vertrieb/update.md:12:11 homework\\.4\\.text: too long for a QR code that scans from the back of the room .*, or --site-url \\(siteUrl in vite.config.ts\\), so that the build forwards it through the site \\(colleagues' phones must reach that address: an intranet-only site does not help phones on mobile data\\)$`, 'm'))
  })

  it('with it, the deck passes and a notice names the forwarding address of that one task', async () => {
    const result = await cli('check', '--decks', decks, '--site-url', 'https://intranet.example.com/decks')
    expect(result.code).toBe(0)
    expect(result.stderr.trim()).toMatch(
      new RegExp(`^${label}/vertrieb/update.md:9:5 homework\\.4: "Messe-Beitrag teilen" is forwarded through https://intranet\\.example\\.com/decks/go/[0-9a-z]{10}/ \\(the share link is too long to scan from the back\\)$`),
    )
    expect(result.stdout).toContain('1 deck(s), 0 error(s), 0 over time')
  })

  it('refuses an address that is not http(s)', async () => {
    const result = await cli('check', '--decks', decks, '--site-url', 'ftp://intranet.example.com/')
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe('--site-url: must be an http:// or https:// address, e.g. https://intranet.example.com/decks/')
  })
})
