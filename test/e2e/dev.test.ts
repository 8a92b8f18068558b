// The dev server: a saved deck shows on the same slide, errors show in the browser, new decks appear.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { check, dev } from '../../src/index.ts'
import { launchBrowser, openDeck, watchPage } from '../helpers/browser.ts'
import { tempDir, TODAY } from '../helpers/build-fixture.ts'
import { brokenSlideImages } from '../helpers/slide-images.ts'
import { ROOT } from '../helpers/site.ts'
import { checkSpeakerView } from './speaker-steps.ts'

const SLUG = 'vertrieb/2026-12-03-social-media-update'
const EXAMPLES = ['engineering/2027-01-14-tech-blog', 'personal/2026-12-10-employer-branding', SLUG]
const smallDeck = (title: string) => `---\ntitle: ${title}\ndate: 2027-02-01\naudience: Einkauf\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n# ${title}\n`
let server: ViteDevServer
let browser: Browser
let page: Page
let decksDir: string
let url: string

beforeAll(async () => {
  decksDir = join(tempDir('dev'), 'decks')
  DRAFTS = [join(decksDir, '.drafts', 'geheim.md'), join(decksDir, '.geheim.md')]
  MARKER = join(decksDir, 'marke.md')
  cpSync(join(ROOT, 'decks'), decksDir, { recursive: true })
  mkdirSync(join(decksDir, '.drafts'))
  for (const draft of DRAFTS) writeFileSync(draft, smallDeck('Geheimer Entwurf'))
  writeFileSync(MARKER, smallDeck('Marke'))
  server = await dev({ root: ROOT, decksDir, today: TODAY, port: 5990 + Math.floor(Math.random() * 200) })
  url = server.resolvedUrls!.local[0]!
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const deckFile = () => join(decksDir, `${SLUG}.md`)
let DRAFTS: string[]
let MARKER: string
const indexHtml = async () => (await fetch(url)).text()
/** Writes a file and resolves when the dev server's watcher has reported it. */
const saved = (path: string, text: string) =>
  new Promise<void>((resolve) => {
    const seen = (changed: string) => {
      if (changed !== path) return
      server.watcher.off('add', seen).off('change', seen)
      resolve()
    }
    server.watcher.on('add', seen).on('change', seen)
    writeFileSync(path, text)
  })

describe('npm run dev', () => {
  it('serves a deck that runs in the browser, without requests to other hosts', async () => {
    const watch = watchPage(page)
    await openDeck(page, `${url}${SLUG}/`)
    expect(watch.foreignRequests).toEqual([])
    expect(watch.errors).toEqual([])
  })

  it('serves the plan, the homework page and the newsletter snippet without errors; the snippet gets no dev client', async () => {
    const other = await browser.newPage()
    const watch = watchPage(other)
    for (const path of ['plan/', `${SLUG}/homework/`, `${SLUG}/newsletter.html`]) {
      const response = await other.goto(`${url}${path}`)
      expect(response?.status(), path).toBe(200)
    }
    expect(await (await fetch(`${url}${SLUG}/newsletter.html`)).text()).not.toContain('/@vite/client')
    expect(watch.errors).toEqual([])
    await other.close()
  })

  it('shows a saved edit on the slide that is open, without leaving it', async () => {
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/1')
    const original = readFileSync(deckFile(), 'utf8')
    const secondTitle = /\n---\n\n# ([^\n]+)/.exec(original.slice(original.indexOf('\n---', 4) + 4))![1]!
    writeFileSync(deckFile(), original.replace(`# ${secondTitle}`, `# ${secondTitle} – geändert ✓`))
    await expect.poll(() => page.locator('section.present h1').textContent(), { timeout: 5000 }).toBe(`${secondTitle} – geändert ✓`)
    expect(await page.evaluate(() => location.hash)).toBe('#/1')
    writeFileSync(deckFile(), original)
  })

  it('shows the problem with file, line and field when a saved deck is broken, and recovers', async () => {
    const original = readFileSync(deckFile(), 'utf8')
    writeFileSync(deckFile(), original.replace(/^date: .*$/m, 'date: 3. Dezember'))
    await expect.poll(() => page.locator('vite-error-overlay').count(), { timeout: 5000 }).toBe(1)
    const message = await page.locator('vite-error-overlay').evaluate((el) => el.shadowRoot!.textContent ?? '')
    expect(message).toMatch(new RegExp(`decks/${SLUG}\\.md:\\d+:7 date: use YYYY-MM-DD`))
    await page.goto(`${url}${SLUG}/`)
    expect(await page.locator('.updeck-errors').textContent()).toContain('date: use YYYY-MM-DD')
    // The fixed deck replaces the error page with a reload.
    const reloaded = page.waitForEvent('framenavigated', { timeout: 5000 })
    writeFileSync(deckFile(), original)
    await reloaded
    await page.waitForSelector('html.updeck-ready', { timeout: 5000 })
    expect(await page.locator('.updeck-errors').count()).toBe(0)
  })

  it('opens the speaker view from the dev server too', async () => {
    await openDeck(page, `${url}${SLUG}/`)
    await checkSpeakerView(page, url)
  })

  it('lists a newly added deck on the index', async () => {
    await page.goto(url)
    writeFileSync(join(decksDir, 'neu.md'), '---\ntitle: Ganz neu\ndate: 2027-02-01\naudience: Einkauf\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n# Neu\n')
    await expect.poll(() => page.locator('text=Ganz neu').count(), { timeout: 5000 }).toBe(1)
  })
  it('shows every image on every slide of every example deck (naturalWidth > 0)', async () => {
    for (const slug of EXAMPLES) {
      await openDeck(page, `${url}${slug}/`)
      const { broken, seen } = await brokenSlideImages(page)
      expect(seen, slug).toBeGreaterThan(0)
      expect(broken, slug).toEqual([])
    }
  })

  it('leaves out decks in a hidden folder or file however often they are saved, as build and check do', async () => {
    // The drafts (first saved before the server started) are saved again, then a visible deck.
    // Saves of existing files are handled one after the other, in the order the watcher reported
    // them: once the visible deck's new title shows, the drafts' saves were handled too.
    for (const draft of DRAFTS) await saved(draft, smallDeck('Geheimer Entwurf, zweite Fassung'))
    writeFileSync(MARKER, smallDeck('Marke, zweite Fassung'))
    await expect.poll(indexHtml, { timeout: 5000 }).toContain('Marke, zweite Fassung')
    expect(await indexHtml()).not.toContain('Geheim')
    expect(await (await fetch(`${url}decks.json`)).text()).not.toContain('Geheim')
    const checked = (await check({ root: ROOT, decksDir })).decks.map((d) => d.file)
    expect(checked).toContain('marke.md')
    expect(checked.filter((f) => f.includes('geheim'))).toEqual([])
  })

  it('refuses two decks at one address (gleich.md, Gleich.md) with the message the build gives', async () => {
    writeFileSync(join(decksDir, 'gleich.md'), smallDeck('Gleich klein'))
    writeFileSync(join(decksDir, 'Gleich.md'), smallDeck('Gleich groß'))
    const built = (await check({ root: ROOT, decksDir })).diagnostics.filter((d) => d.message.includes('same address'))
    expect(built).toHaveLength(1)
    await expect.poll(indexHtml, { timeout: 5000 }).toContain(formatDiagnostic(built[0]!))
    // Saving one of them again keeps the problem: the dev server checks the addresses on every save.
    writeFileSync(join(decksDir, 'gleich.md'), smallDeck('Gleich klein, geändert'))
    await expect.poll(indexHtml, { timeout: 5000 }).toContain('Gleich klein, geändert')
    expect(await indexHtml()).toContain(formatDiagnostic(built[0]!))
    rmSync(join(decksDir, 'Gleich.md'))
    await expect.poll(indexHtml, { timeout: 5000 }).not.toContain('same address')
    rmSync(join(decksDir, 'gleich.md'))
  })
})

describe('npm run dev -- --site-url', () => {
  it('forwards a link too long for the slide, and serves its forwarding page', async () => {
    const decks = join(tempDir('dev-site'), 'decks')
    mkdirSync(decks, { recursive: true })
    const text = 'Wir sind auf der LogiMAT 2027 in Stuttgart und zeigen unsere neue Verpackungslinie live: 120 Kartons pro Minute, Formatwechsel in unter zehn Minuten. Stand B15!'
    const links = ['https://www.xing.com/profile', 'https://www.linkedin.com/company/muster', 'https://example.com/blog/neu', 'https://example.com/umfrage', 'https://example.com/karriere']
    const tasks = [`  - { kind: share, network: x, title: Teilen, text: "${text}", url: "https://example.com/news/logimat" }`, ...links.map((u, i) => `  - { kind: link, title: Aufgabe ${i + 2}, url: "${u}" }`)]
    writeFileSync(join(decks, 'messe.md'), `---\ntitle: Messe\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n${tasks.join('\n')}\n---\n\n# Eins\n`)
    const site = await dev({ root: ROOT, decksDir: decks, today: TODAY, port: 6200 + Math.floor(Math.random() * 200), siteUrl: 'https://intranet.example.com/decks' })
    try {
      const base = site.resolvedUrls!.local[0]!
      const deckPage = await (await fetch(`${base}messe/`)).text()
      const id = /https:\/\/intranet\.example\.com\/decks\/go\/([0-9a-z]{10})\//.exec(deckPage)?.[1]
      expect(id).toBeDefined()
      const forwarding = await (await fetch(`${base}go/${id}/`)).text()
      expect(forwarding).toContain('<meta http-equiv="refresh" content="0; url=https://x.com/intent/post?text=Wir%20sind')
    } finally {
      await site.close()
    }
  })
})
