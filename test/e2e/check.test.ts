// `npm run check`: the table of decks, time estimates against budgets, and exit codes.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { check } from '../../src/index.ts'
import { HOMEWORK_SECONDS, MIN_SECONDS_PER_SLIDE } from '../../src/core/time-budget.ts'
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
})
