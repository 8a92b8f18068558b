// The dev server answers its first page from the decks' frontmatter and sizes their homework just
// after it. An error only that finds (a link too long to scan, with no site URL to forward it) must
// still show, with file:line:col, as a build would report it: in the open browser (which reloads),
// on the index and on the deck's own page.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { escapeHtml } from '../../src/core/escape-html.ts'
import { check, dev } from '../../src/index.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { tempDir, TODAY } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'

const DECKS = 120
const deck = (i: number) =>
  `---\ntitle: Update ${i}\ndate: 2027-01-14\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen ${i}, url: "https://example.com/folgen/${i}" }\n---\n\n# Folie ${i}\n`
// Fine as frontmatter; too long for a QR code on the slide, and without --site-url not forwarded.
const TEXT = 'Wir sind auf der LogiMAT 2027 in Stuttgart und zeigen unsere neue Verpackungslinie live: 120 Kartons pro Minute, Formatwechsel in unter zehn Minuten. Stand B15!'
// Its own title each run: the dev server keeps what it parsed for the next start (same text, same parse).
const TITLE = `Messe LogiMAT ${process.pid}-${Date.now()}`
const MESSE = `---\ntitle: ${TITLE}\ndate: 2027-01-20\naudience: Vertrieb\nhomework:\n${[
  `  - { kind: share, network: x, title: Teilen, text: "${TEXT}", url: "https://example.com/news/logimat" }`,
  ...['https://www.xing.com/profile', 'https://www.linkedin.com/company/muster', 'https://example.com/blog/neu', 'https://example.com/umfrage', 'https://example.com/karriere'].map((u, i) => `  - { kind: link, title: Aufgabe ${i + 2}, url: "${u}" }`),
].join('\n')}\n---\n\n# Eins\n`

let decksDir: string
let server: ViteDevServer
let browser: Browser
let url: string
/** What a build reports for messe.md, as the dev server prints it. */
let expected: string[]

beforeAll(async () => {
  decksDir = join(tempDir('dev-homework'), 'decks')
  mkdirSync(decksDir, { recursive: true })
  for (let i = 0; i < DECKS; i++) writeFileSync(join(decksDir, `update-${String(i).padStart(3, '0')}.md`), deck(i))
  writeFileSync(join(decksDir, 'messe.md'), MESSE)
  const built = (await check({ root: ROOT, decksDir })).diagnostics
  expected = built.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d))
  server = await dev({ root: ROOT, decksDir, today: TODAY, port: 7400 + Math.floor(Math.random() * 300) })
  url = server.resolvedUrls!.local[0]!
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('npm run dev: errors of the homework, found after the first answer', () => {
  it('shows them in the browser that opened the index first, which reloads by itself', async () => {
    // The check this is about: only the homework fit finds it, file, line, column and field first.
    expect(expected).toEqual([expect.stringMatching(/^messe\.md:6:\d+ homework\.1\.text: /)])
    const page = await browser.newPage()
    // Every answer the browser gets for the index, in order.
    const answers: Promise<string>[] = []
    page.on('response', (response) => {
      if (response.url() === url) answers.push(response.text())
    })
    await page.goto(url)
    // The first answer lists the deck from its frontmatter: its homework was not sized yet.
    const first = await answers[0]!
    expect(first).toContain(TITLE)
    expect(first).not.toContain('messe.md:')
    // The page reloads by itself once the homework of every deck is sized, and shows the error.
    await expect.poll(async () => (await page.locator('.updeck-errors pre').textContent({ timeout: 500 }).catch(() => null)) ?? '', { timeout: 10_000 }).toContain(expected[0])
    expect(answers.length).toBeGreaterThan(1)
    await page.close()
  })

  it('lists the broken deck no longer, and every other one', async () => {
    const index = await (await fetch(url)).text()
    expect(index).toContain(escapeHtml(expected[0]!))
    expect(index).not.toContain(TITLE)
    expect(index.match(/>Update \d+</g)).toHaveLength(DECKS)
  })

  it("shows them on the deck's own page, which a build would not make", async () => {
    const response = await fetch(`${url}messe/`)
    const html = await response.text()
    expect(html).toContain('updeck-errors')
    expect(html).toContain(escapeHtml(expected[0]!))
  })
})
