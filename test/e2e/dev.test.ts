// The dev server: a saved deck shows on the same slide, errors show in the browser, new decks appear.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dev } from '../../src/index.ts'
import { launchBrowser, openDeck, watchPage } from '../helpers/browser.ts'
import { tempDir, TODAY } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'
import { checkSpeakerView } from './speaker-steps.ts'

const SLUG = 'vertrieb/2026-12-03-social-media-update'
let server: ViteDevServer
let browser: Browser
let page: Page
let decksDir: string
let url: string

beforeAll(async () => {
  decksDir = join(tempDir('dev'), 'decks')
  cpSync(join(ROOT, 'decks'), decksDir, { recursive: true })
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

describe('npm run dev', () => {
  it('serves a deck that runs in the browser, without requests to other hosts', async () => {
    const watch = watchPage(page)
    await openDeck(page, `${url}${SLUG}/`)
    expect(watch.foreignRequests).toEqual([])
    expect(watch.errors).toEqual([])
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
