// The benchmark's runner against the real CLI (scripts/bench/run-cli.ts, dev-start.ts): the line a
// build prints is read as what it did (so a change of that line in src/cli/main.ts fails here, not
// in a benchmark run), the probe reports memory and CPU time, and a dev server started for a
// measurement answers its index and reports its peak RSS when stopped.
import { readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { measureDevStart } from '../../scripts/bench/dev-start.ts'
import { writeDecks } from '../../scripts/bench/generate.ts'
import { runBuild } from '../../scripts/bench/run-cli.ts'
import { tempDir } from '../helpers/build-fixture.ts'

describe('the benchmark runs the command line', () => {
  const decks = join(tempDir('bench-decks'), 'decks')
  const out = join(tempDir('bench-out'), 'site')
  afterAll(() => [decks, out].forEach((dir) => rmSync(dirname(dir), { recursive: true, force: true })))

  it('reads a full build, then the "up to date" answer, and refuses to time the latter as a full build', async () => {
    const files = await writeDecks(decks, 2)
    const first = await runBuild(decks, out, { kind: 'full', decks: 2 })
    expect(first.answer.kind).toBe('built')
    if (first.answer.kind === 'built' && first.answer.decks) expect(first.answer.decks).toEqual({ total: 2, rendered: 2 })
    expect(readFileSync(join(out, files[0]!.replace(/\.md$/, ''), 'index.html'), 'utf8')).toContain('<section')
    // The probe in the child: peak RSS and CPU time are real figures, not NaN.
    expect(first.peakMiB).toBeGreaterThan(10)
    expect(first.cpuMs).toBeGreaterThan(0)
    // Writing the site takes the kernel some time, a part of the whole.
    expect(first.systemMs).toBeGreaterThan(0)
    expect(first.systemMs).toBeLessThan(first.cpuMs)

    const again = await runBuild(decks, out, { kind: 'upToDate' })
    expect(again.answer).toEqual({ kind: 'upToDate', out: expect.stringContaining('site') })
    await expect(runBuild(decks, out, { kind: 'full', decks: 2 })).rejects.toThrow(/was answered "up to date" by the cache; its time would measure the wrong thing/)
  })

  it('throws with the output when the build fails', async () => {
    await expect(runBuild(join(decks, 'no-such-folder'), out, { kind: 'full', decks: 1 })).rejects.toThrow(/failed \(exit 1\)/)
  })

  it('times the dev server to its index page and reports its peak RSS after SIGTERM', async () => {
    const files = await writeDecks(decks, 2)
    const start = await measureDevStart(decks, files[1]!.replace(/\.md$/, ''))
    expect(start.ms).toBeGreaterThan(0)
    // The probe wrote its report on SIGTERM: without that the figure would be NaN.
    expect(start.peakMiB).toBeGreaterThan(10)
  })
})
