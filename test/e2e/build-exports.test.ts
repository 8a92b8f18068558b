// `npm run build -- --with-exports`: every deck's one-file HTML, PDF and homework sheet go into the
// site's exports/ folder, and the index offers them per deck, from a web server and from a folder.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/index.ts'
import { launchBrowser, openDeck, watchPage } from '../helpers/browser.ts'
import { buildTo, checksums, listFiles, tempDir, TODAY } from '../helpers/build-fixture.ts'
import { serveDir } from '../helpers/serve.ts'
import { ROOT } from '../helpers/site.ts'

type Element = DefaultTreeAdapterMap['element']
type Node = DefaultTreeAdapterMap['node']

const EXAMPLES = ['engineering/2027-01-14-tech-blog', 'personal/2026-12-10-employer-branding', 'vertrieb/2026-12-03-social-media-update']
const FILES = (slug: string) => ['.html', '.pdf', '-homework.pdf'].map((suffix) => `exports/${slug.replace(/\//g, '-')}${suffix}`)

function elements(node: Node): Element[] {
  const found: Element[] = []
  const walk = (n: Node) => {
    if ('tagName' in n) found.push(n)
    if ('childNodes' in n) n.childNodes.forEach(walk)
  }
  walk(node)
  return found
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value
/** Per deck card (by its deck link), the take-along links: [href, download]. */
function takeAlong(html: string): Map<string, [string, string | undefined][]> {
  const cards = elements(parse(html)).filter((el) => el.tagName === 'li' && attr(el, 'class') === 'deck')
  return new Map(
    cards.map((card) => {
      const deckLink = attr(elements(card).find((el) => el.tagName === 'h4')!.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'a')!, 'href')!
      const p = elements(card).find((el) => el.tagName === 'p' && attr(el, 'class') === 'take-along')
      const links = p ? elements(p).filter((el) => el.tagName === 'a').map((a) => [attr(a, 'href')!, attr(a, 'download')] as [string, string | undefined]) : []
      return [deckLink.replace(/\/index\.html$/, ''), links]
    }),
  )
}

let browser: Browser
let site: string
let before: Map<string, [string, string | undefined][]>

beforeAll(async () => {
  site = join(tempDir('with-exports'), 'site')
  // First without exports: no folder, no links; then with them into the same folder.
  const plain = await buildTo({ outDir: site })
  expect(plain.ok).toBe(true)
  expect(listFiles(site).filter((f) => f.startsWith('exports/'))).toEqual([])
  before = takeAlong(readFileSync(join(site, 'index.html'), 'utf8'))
  const built = await buildTo({ outDir: site, withExports: true })
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  expect(built.upToDate).toBeUndefined()
  browser = await launchBrowser()
}, 300_000)

afterAll(async () => {
  await browser?.close()
})

describe('build --with-exports', () => {
  it('writes each deck\'s one-file HTML, PDF and homework sheet into exports/', () => {
    expect(listFiles(site).filter((f) => f.startsWith('exports/'))).toEqual(EXAMPLES.flatMap(FILES).sort())
    for (const slug of EXAMPLES) {
      const [, pdf, sheet] = FILES(slug).map((f) => join(site, f))
      expect(readFileSync(pdf!).subarray(0, 5).toString()).toBe('%PDF-')
      expect(Number(/^Pages:\s+(\d+)/m.exec(execFileSync('/usr/bin/pdfinfo', [pdf!], { encoding: 'utf8' }))![1])).toBeGreaterThan(2)
      expect(Number(/^Pages:\s+(\d+)/m.exec(execFileSync('/usr/bin/pdfinfo', [sheet!], { encoding: 'utf8' }))![1])).toBe(1)
    }
  })

  it('the index offers the three files per deck with a download attribute; without exports it offers none', () => {
    expect([...before.values()].flat()).toEqual([])
    const links = takeAlong(readFileSync(join(site, 'index.html'), 'utf8'))
    expect([...links.keys()].sort()).toEqual(EXAMPLES)
    for (const slug of EXAMPLES) {
      expect(links.get(slug)!.map(([href]) => href), slug).toEqual(FILES(slug))
      expect(links.get(slug)!.map(([, download]) => download), slug).toEqual(FILES(slug).map((f) => f.slice('exports/'.length)))
    }
  })

  it('served on 127.0.0.1, each link fetches its file', async () => {
    const server = await serveDir(site)
    const page = await browser.newPage()
    try {
      await page.goto(server.url)
      const hrefs = await page.locator('p.take-along a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
      expect(hrefs).toHaveLength(EXAMPLES.length * 3)
      for (const href of hrefs) {
        const response = await page.request.get(href)
        expect(response.status(), href).toBe(200)
        expect(Buffer.compare(await response.body(), readFileSync(join(site, decodeURIComponent(new URL(href).pathname)))), href).toBe(0)
      }
    } finally {
      await page.close()
      await server.close()
    }
  })

  it('from file://, the links name the files beside the index, and the HTML one presents its deck', async () => {
    const page = await browser.newPage()
    const watch = watchPage(page)
    try {
      await page.goto(pathToFileURL(join(site, 'index.html')).href)
      const hrefs = await page.locator('p.take-along a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
      expect(hrefs.map((href) => fileURLToPath(href)).sort()).toEqual(EXAMPLES.flatMap(FILES).map((f) => join(site, f)).sort())
      const html = hrefs.find((href) => href.endsWith('vertrieb-2026-12-03-social-media-update.html'))!
      await openDeck(page, html)
      const total = await page.locator('.reveal .slides > section').count()
      expect(total).toBeGreaterThan(2)
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('present')))).toBe(1)
      expect(watch.errors).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('a failed export fails the build and leaves the previous site as it was', async () => {
    const was = checksums(site)
    const saved = process.env.UPDECK_CHROMIUM
    process.env.UPDECK_CHROMIUM = '/nonexistent/chromium'
    try {
      // Another day: the build is not up to date, and the export needs Chromium.
      await expect(build({ root: ROOT, today: '2026-12-06', outDir: site, withExports: true })).rejects.toThrow('UPDECK_CHROMIUM=/nonexistent/chromium: no such file')
    } finally {
      if (saved === undefined) delete process.env.UPDECK_CHROMIUM
      else process.env.UPDECK_CHROMIUM = saved
    }
    expect(checksums(site)).toEqual(was)
    expect(TODAY).not.toBe('2026-12-06')
  })
})
