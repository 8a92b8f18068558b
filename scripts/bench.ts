// npm run bench [-- --quick] [-- --runs N] [-- --sizes 1,100]: build time, memory, rebuilds, page
// weight and the dev loop on generated decks, each figure beside its target (issue #5), and what the
// homework slides came out as (issue #9). A benchmark, not a test: a build that fails, or that the
// "nothing changed" shortcut answers where a full build is timed, stops it with an error.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser } from 'playwright-core'
import { launchChromium } from './bench/browser.ts'
import { measureDevLoop } from './bench/dev-loop.ts'
import { writeDecks } from './bench/generate.ts'
import { describeMachine } from './bench/machine.ts'
import { measurePageWeight } from './bench/page-weight.ts'
import { runBuild, runCli, ROOT } from './bench/run-cli.ts'
import { homeworkStats } from './bench/homework-stats.ts'
import { formatSummary, kibibytes, mebibytes, millis, seconds, summarise, type Summary } from './bench/stats.ts'
import { markdownTable, textTable, type Row } from './bench/table.ts'

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, runs: { type: 'string' }, sizes: { type: 'string' } } })
const quick = values.quick
const sizes = values.sizes ? values.sizes.split(',').map(Number) : quick ? [1, 20] : [1, 20, 100, 1000]
if (!sizes.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`--sizes: use deck counts such as 1,20,100, got ${values.sizes}`)
const runsFor = (n: number) => (values.runs ? Number(values.runs) : quick ? 1 : n >= 1000 ? 3 : 5)
const REBUILD_N = quick ? 20 : 100
const PAGE_N = 20
const EDITS = quick ? 5 : 20

const startLoad = loadavg()[0]!
const log = (line: string) => process.stderr.write(`${line}\n`)
const work = await mkdtemp(join(tmpdir(), 'updeck-bench-'))
const rows: Row[] = []
const row = (metric: string, s: Summary, format: (v: number) => string, target?: { limit: number; text: string }) =>
  rows.push({ metric, measured: formatSummary(s, format), target: target?.text ?? '—', pass: target ? s.median <= target.limit : undefined })

async function repeat(runs: number, once: (run: number) => Promise<{ ms: number; peakMiB: number }>) {
  const results = []
  for (let run = 0; run < runs; run++) results.push(await once(run))
  return { time: summarise(results.map((r) => r.ms)), peak: summarise(results.map((r) => r.peakMiB)) }
}

let browser: Browser | undefined
const failures: string[] = []
try {
  // Startup: node + the TypeScript loader + importing the CLI and vite, then the usage message (exit 1, nothing built).
  // The first call also warms the file system cache, so no build below pays for it.
  await runCli([])
  const startup = await repeat(runsFor(1), () => runCli([]))
  const builds = new Map<number, Summary>()
  let pageDeck = ''
  for (const n of sizes) {
    const decks = join(work, `decks-${n}`)
    const out = join(work, `out-${n}`)
    const files = await writeDecks(decks, n)
    if (n === PAGE_N) pageDeck = files[0]!
    log(`build N=${n}: ${runsFor(n)} run(s)`)
    const full = await repeat(runsFor(n), async () => {
      await rm(out, { recursive: true, force: true })
      return runBuild(decks, out)
    })
    builds.set(n, full.time)
    const target = n === 100 ? { limit: 2000, text: '≤ 2 s' } : n === 1000 ? { limit: 10_000, text: '≤ 10 s' } : undefined
    row(`full build, N = ${n}`, full.time, seconds, target)
    row(`peak RSS of the build, N = ${n}`, full.peak, mebibytes, n === 1000 ? { limit: 400, text: '≤ 400 MiB' } : undefined)
    if (n === REBUILD_N) {
      log(`rebuilds N=${n}`)
      const homework = homeworkStats(out)
      const h = `${homework.forwarded} of ${homework.tasks} tasks in ${homework.decksWithForwarding} decks`
      rows.push({ metric: `homework: tasks forwarded through the site, N = ${n}`, measured: h, target: '—' })
      rows.push({ metric: `homework: smallest px per module on any slide, N = ${n}`, measured: `${homework.smallest.px} px (${homework.smallest.slug})`, target: '≥ 8 px', pass: homework.smallest.px >= 8 })
      const unchanged = await repeat(runsFor(n), () => runBuild(decks, out, { expect: 'upToDate' }))
      row(`rebuild, nothing changed, N = ${n}`, unchanged.time, seconds, n === 100 ? { limit: 1000, text: '≤ 1 s' } : undefined)
      const deckPath = join(decks, files[0]!)
      const original = await readFile(deckPath, 'utf8')
      const changed = await repeat(runsFor(n), async (run) => {
        await writeFile(deckPath, original.replace('Muster Maschinenbau GmbH', `Muster Maschinenbau GmbH (Änderung ${run + 1})`))
        return runBuild(decks, out)
      })
      await writeFile(deckPath, original)
      row(`rebuild, one deck changed, N = ${n}`, changed.time, seconds)
    }
  }
  row('startup: node + loader + imports, no build', startup.time, seconds)
  const b100 = builds.get(100)
  const b1000 = builds.get(1000)
  if (b100 && b1000) {
    const slope = (b1000.median - b100.median) / 900
    rows.push({ metric: 'marginal cost per deck (N = 100 → 1000)', measured: millis(slope), target: '≤ 5 ms', pass: slope <= 5 })
  }

  // Page weight and the dev loop use the N = 20 corpus: a partial run (--sizes) without it skips them.
  if (sizes.includes(PAGE_N)) {
    log('page weight and dev loop in Chromium')
    browser = await launchChromium()
    const decks20 = join(work, `decks-${PAGE_N}`)
    // Generated file names are URL-safe already, so the slug is the path without .md.
    const slug = pageDeck.replace(/\.md$/, '')
    const weight = await measurePageWeight(browser, join(work, `out-${PAGE_N}`), slug)
    const sum = (types: string[], key: 'raw' | 'gzip' | 'count') => types.reduce((total, t) => total + (weight.byType[t]?.[key] ?? 0), 0)
    const jsCss = ['script', 'stylesheet']
    const gzip = sum(jsCss, 'gzip')
    rows.push({ metric: 'one deck page: JS + CSS, gzip', measured: kibibytes(gzip), target: '≤ 60 KiB', pass: gzip <= 60 * 1024 })
    rows.push({ metric: 'one deck page: JS + CSS, raw', measured: `${kibibytes(sum(jsCss, 'raw'))} (JS ${kibibytes(sum(['script'], 'raw'))}, CSS ${kibibytes(sum(['stylesheet'], 'raw'))})`, target: '—' })
    rows.push({ metric: 'one deck page: fonts (not counted above)', measured: `${kibibytes(sum(['font'], 'raw'))} in ${sum(['font'], 'count')} file(s)`, target: '—' })
    rows.push({ metric: 'one deck page: requests', measured: `${weight.requests} (${Object.entries(weight.byType).map(([t, b]) => `${b.count} ${t}`).join(', ')})`, target: '—' })

    const loop = await measureDevLoop(browser, decks20, pageDeck, slug, EDITS)
    failures.push(...loop.failures)
    if (loop.visibleMs.length) {
      const visible = summarise(loop.visibleMs)
      rows.push({ metric: `edit → visible in the browser, ${loop.visibleMs.length} edits`, measured: formatSummary(visible, millis), target: '≤ 300 ms', pass: visible.median <= 300 })
      row('edit → playwright sees it (adds the round trip)', summarise(loop.roundTripMs), millis)
    }
    rows.push({ metric: 'edits that did not show (listed below the table)', measured: String(loop.failures.length), target: '0', pass: loop.failures.length === 0 })
  }
  const machine = describeMachine(startLoad, browser?.version())
  const runs = values.sizes ? `partial run: N = ${sizes.join(', ')}, ${sizes.map(runsFor).join(', ')} run(s)` : quick ? `quick mode: N = 1 and 20, ${runsFor(1)} run(s) each` : `median [min–max] of ${runsFor(100)} runs (N = 1000: ${runsFor(1000)})`
  const notes = failures.map((f) => `- dev loop, ${f}`).join('\n')
  process.stdout.write(`\n${machine}\n${runs}\n\n${textTable(rows)}\n${notes ? `\n${notes}\n` : ''}`)
  const markdown = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${runs}.\n\n${markdownTable(rows)}\n${notes ? `\n${notes}\n` : ''}`
  await writeFile(join(ROOT, 'scripts/bench/last-run.md'), markdown)
  log('written to scripts/bench/last-run.md')
} finally {
  await browser?.close()
  await rm(work, { recursive: true, force: true })
}
