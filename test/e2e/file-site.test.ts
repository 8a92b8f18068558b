// The default build works from a folder: Chromium opens index.html from file:// (no web server) and
// the index, the decks, the speaker view, the homework page and its calendar files all work; and the
// same folder works under any path of a web server, without --base.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import ICAL from 'ical.js'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../helpers/browser.ts'
import { buildTo, listFiles, tempDir } from '../helpers/build-fixture.ts'
import { serveDir } from '../helpers/serve.ts'
import { brokenSlideImages } from '../helpers/slide-images.ts'
import { ROOT } from '../helpers/site.ts'
import { checkSpeakerView } from './speaker-steps.ts'

const SITE_URL = 'https://intranet.example.com/decks/'
/** The Vertrieb example deck in the corporate theme: the one theme with web fonts (and a logo). */
const CORPORATE = 'vertrieb/marke'
/** A share text too long for six codes on a slide: with a site address it is forwarded (go/<id>/). */
const LONG = 'Wir sind auf der LogiMAT 2027 in Stuttgart und zeigen unsere neue Verpackungslinie live: 120 Kartons pro Minute, Formatwechsel in unter zehn Minuten. Stand B15!'
const FORWARDED = `---
title: Messe
date: 2026-12-03
audience: Vertrieb
homework:
  - { kind: share, network: x, title: "Messe teilen", text: "${LONG}", url: "https://example.com/news/logimat-2027" }
  - { kind: profile, title: "Xing-Profil aktualisieren", url: "https://www.xing.com/profile" }
  - { kind: link, title: "Umlaut-Domain öffnen", url: "https://bücher.example/Straße" }
  - { kind: follow, title: "Unserer Seite folgen", url: "https://www.linkedin.com/company/muster-maschinenbau-gmbh" }
  - { kind: blog, title: "Beitrag schreiben", url: "https://example.com/blog/beitrag-vorschlagen" }
  - { kind: account, title: "Mastodon-Konto anlegen", url: "https://mastodon.social/auth/sign_up" }
---

# Messe
`

interface DeckEntry { slug: string; title: string; homework: { title: string; due: string | null }[] }

let browser: Browser
let decksDir: string
/** The default build (no --base, no site address). */
let site: string

beforeAll(async () => {
  decksDir = join(tempDir('file-site'), 'decks')
  cpSync(join(ROOT, 'decks'), decksDir, { recursive: true })
  const vertrieb = readFileSync(join(decksDir, 'vertrieb/2026-12-03-social-media-update.md'), 'utf8')
  writeFileSync(join(decksDir, `${CORPORATE}.md`), vertrieb.replace(/^theme: default$/m, 'theme: corporate').replace(/^title: .*$/m, 'title: Markenauftritt'))
  const result = await buildTo({ decksDir })
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  site = result.outDir
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/**
 * A browser context that reaches nothing but `folder`: every request is recorded and anything not
 * under the folder's file:// URL (or data:) is aborted; console errors, page errors and CSP
 * violations of every page (speaker windows and their frames too) are collected.
 */
async function folderContext(folder: string): Promise<{ context: BrowserContext; requests: string[]; outside: string[]; errors: string[] }> {
  const prefix = pathToFileURL(folder + sep).href
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 720 } })
  const requests: string[] = []
  const outside: string[] = []
  const errors: string[] = []
  const inside = (url: string) => url.startsWith(prefix) || url.startsWith('data:') || url === 'about:blank'
  context.on('request', (r) => (inside(r.url()) ? requests : outside).push(r.url()))
  await context.route('**/*', (route) => (inside(route.request().url()) ? route.continue() : route.abort()))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} blocked ${e.blockedURI}`))
  })
  const watch = (page: Page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`) })
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`))
  }
  context.on('page', watch)
  return { context, requests, outside, errors }
}

/** The site's page stylesheet applies (from file:// its rules cannot be read, only seen at work). */
const styled = (page: Page) => page.evaluate(() => getComputedStyle(document.body).margin === '0px' && getComputedStyle(document.querySelector('body > header')!).borderBottomStyle === 'solid')
const presentIndex = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('present')))

describe('the default build opened from a folder (file://, no web server)', () => {
  it('index → a deck (speaker view) → last slide → homework page → calendar file, all inside the folder', async () => {
    const decks = JSON.parse(readFileSync(join(site, 'decks.json'), 'utf8')) as DeckEntry[]
    const deck = decks.find((d) => d.slug === 'vertrieb/2026-12-03-social-media-update')!
    const { context, outside, errors } = await folderContext(site)
    const page = await context.newPage()

    await page.goto(pathToFileURL(join(site, 'index.html')).href)
    await expect.poll(() => styled(page)).toBe(true)
    await page.getByRole('link', { name: deck.title, exact: true }).click()
    await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
    expect(page.url()).toBe(pathToFileURL(join(site, deck.slug, 'index.html')).href)
    const { broken, seen } = await brokenSlideImages(page)
    expect(seen).toBeGreaterThan(0)
    expect(broken).toEqual([])

    // The speaker view: `S` opens the same file with ?speaker; previews and keys work across windows.
    await page.evaluate(() => { location.hash = '#/0' })
    await expect.poll(() => presentIndex(page)).toBe(0)
    await checkSpeakerView(page, pathToFileURL(site + sep).href)

    // The last slide is the homework; its heading leads to the homework page of this copy of the site.
    await page.keyboard.press('End')
    await expect.poll(() => page.locator('section.updeck-homework').evaluate((s) => s.classList.contains('present'))).toBe(true)
    await page.locator('section.updeck-homework .updeck-homework-head a').click()
    await page.waitForURL(pathToFileURL(join(site, deck.slug, 'homework', 'index.html')).href)
    await expect.poll(() => page.locator('ol.tasks > li').count()).toBe(deck.homework.length)
    await expect.poll(() => styled(page), { timeout: 10_000 }).toBe(true) // the stylesheet may load after the list

    // A due task's reminder downloads as a calendar file that an iCalendar parser reads.
    const due = deck.homework.findIndex((t) => t.due)
    expect(due).toBeGreaterThanOrEqual(0)
    const download = page.waitForEvent('download')
    await page.locator(`#task-${due + 1} a.ics`).click()
    const ics = readFileSync((await (await download).path())!, 'utf8')
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
    expect(event.getFirstPropertyValue('summary')).toBe(deck.homework[due]!.title)

    // And back to the index from the homework page.
    await page.locator('.crumbs a').first().click()
    await page.waitForURL(pathToFileURL(join(site, 'index.html')).href)

    expect(errors).toEqual([])
    expect(outside).toEqual([])
    await context.close()
  })

  it('loads the corporate theme\'s web fonts from the folder', async () => {
    const { context, requests, outside, errors } = await folderContext(site)
    const page = await context.newPage()
    await page.goto(pathToFileURL(join(site, CORPORATE, 'index.html')).href)
    await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`)
    })
    expect(fonts).toContain('Source Sans 3 400')
    expect(await page.evaluate(() => document.fonts.check('16px "Source Sans 3"'))).toBe(true)
    expect(requests.filter((r) => r.endsWith('.woff2')).length).toBeGreaterThan(0)
    expect(errors).toEqual([])
    expect(outside).toEqual([])
    await context.close()
  })
})

/** Every href, src and CSS url() of a built file that is not a link to another site or a fragment. */
function localReferences(file: string, text: string): string[] {
  const html = file.endsWith('.html') ? [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!) : []
  const css = [...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!)
  return [...html, ...css].filter((url) => !/^(https?:|mailto:|tel:|data:|#)/.test(url))
}

/** Where a relative reference in `file` (a path in `dir`) leads: the file it names, or undefined when it leaves `dir`. */
function resolveIn(dir: string, file: string, url: string): string | undefined {
  const path = decodeURIComponent(url.replace(/[?#].*$/, ''))
  const target = resolve(dirname(join(dir, file)), path)
  return target.startsWith(dir + sep) ? target : undefined
}

describe('every reference of the default build is relative and names a file in the folder', () => {
  it('in every page and stylesheet (pages by their index.html: a folder shows its listing from file://)', async () => {
    // With a site address: homework addresses on the slides, and a forwarding page (go/<id>/).
    const withSite = join(tempDir('file-site-url'), 'decks')
    cpSync(decksDir, withSite, { recursive: true })
    writeFileSync(join(withSite, 'vertrieb', 'messe.md'), FORWARDED)
    const built = await buildTo({ decksDir: withSite, siteUrl: SITE_URL })
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    for (const dir of [site, built.outDir]) {
      const files = listFiles(dir)
      if (dir === built.outDir) expect(files.some((f) => /^go\/\w+\/index\.html$/.test(f))).toBe(true)
      let checked = 0
      for (const file of files.filter((f) => /\.(html|css)$/.test(f))) {
        for (const url of localReferences(file, readFileSync(join(dir, file), 'utf8'))) {
          expect(url, `${file}: ${url}`).not.toMatch(/^\//)
          const target = resolveIn(dir, file, url)
          expect(target && existsSync(target) && !target.endsWith(sep), `${file}: ${url}`).toBe(true)
          expect(url, `${file}: ${url}`).not.toMatch(/\/$/)
          checked++
        }
      }
      expect(checked).toBeGreaterThan(50)
    }
  })
})

describe('feed.xml', () => {
  const links = (feed: string) => [...feed.matchAll(/<link[^>]*href="([^"]*)"/g)].map((m) => m[1]!)

  it('without a site address: relative to the feed, each link naming a page of the folder', () => {
    const feed = readFileSync(join(site, 'feed.xml'), 'utf8')
    const hrefs = links(feed)
    expect(hrefs).toContain('feed.xml')
    expect(hrefs).toContain('vertrieb/2026-12-03-social-media-update/index.html')
    for (const href of hrefs) expect(existsSync(join(site, decodeURIComponent(href))), href).toBe(true)
  })

  it('with a site address: absolute under it; with --base and no address: under the base path', async () => {
    const withUrl = readFileSync(join((await buildTo({ decksDir, siteUrl: SITE_URL })).outDir, 'feed.xml'), 'utf8')
    expect(links(withUrl)).toContain(`${SITE_URL}feed.xml`)
    expect(links(withUrl)).toContain(`${SITE_URL}vertrieb/2026-12-03-social-media-update/`)
    for (const href of links(withUrl)) expect(href.startsWith(SITE_URL), href).toBe(true)
    const withBase = readFileSync(join((await buildTo({ decksDir, base: '/intern/decks/' })).outDir, 'feed.xml'), 'utf8')
    expect(links(withBase)).toContain('/intern/decks/feed.xml')
    for (const href of links(withBase)) expect(href.startsWith('/intern/decks/'), href).toBe(true)
  })
})

describe('the same default build under a path of a web server', () => {
  it('serves the index and a deck under /some/path/ without --base', async () => {
    const server = await serveDir(site, '/some/path/')
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const errors: string[] = []
    const failed: string[] = []
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`) })
    try {
      await page.goto(server.url)
      await page.getByRole('link', { name: 'Markenauftritt', exact: true }).click()
      await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
      expect(page.url()).toBe(`${server.url}${CORPORATE}/index.html`)
      // A deck opened by its folder's address, as a link from elsewhere would give it.
      await page.goto(`${server.url}vertrieb/2026-12-03-social-media-update/`)
      await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
      const { broken, seen } = await brokenSlideImages(page)
      expect(seen).toBeGreaterThan(0)
      expect(broken).toEqual([])
      expect(errors).toEqual([])
      expect(failed).toEqual([])
      expect(server.requests.filter((p) => !p.startsWith('/some/path/'))).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  })
})

describe('a site in a folder whose own path has spaces, # and umlauts, with decks named in other scripts', () => {
  it('index → each deck → its homework page → back resolve from file://, all inside the folder', async () => {
    const hostile = join(tempDir('file-site-names'), 'Mein Ordner #1 ä', 'dist')
    const names = join(tempDir('file-site-names-decks'), 'decks')
    const text = readFileSync(join(decksDir, 'vertrieb/2026-12-03-social-media-update.md'), 'utf8')
    const decksByFile: Record<string, string> = {
      'עדכון/חדש.md': 'עדכון חדש',
      'Mein Ordner #1 ä/Übersicht.md': 'Übersicht',
      // decomposed, as macOS and its zips write names: u + ◌̈
      ['Mein Ordner #1 ä/' + 'Grüße.md'.normalize('NFD')]: 'Grüße',
      'x % y?z 🎉/deck.md': 'Emoji',
    }
    for (const [file, title] of Object.entries(decksByFile)) {
      mkdirSync(join(names, dirname(file)), { recursive: true })
      cpSync(join(decksDir, 'vertrieb/img'), join(names, dirname(file), 'img'), { recursive: true })
      writeFileSync(join(names, file), text.replace(/^title: .*$/m, `title: ${title}`))
    }
    const built = await buildTo({ decksDir: names, outDir: hostile })
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const { context, outside, errors } = await folderContext(hostile)
    const page = await context.newPage()
    for (const title of Object.values(decksByFile)) {
      await page.goto(pathToFileURL(join(hostile, 'index.html')).href)
      await page.getByRole('link', { name: title, exact: true }).click()
      await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
      expect(page.url().startsWith(pathToFileURL(hostile + sep).href), page.url()).toBe(true)
      expect((await brokenSlideImages(page)).broken).toEqual([])
      await page.keyboard.press('End')
      await expect.poll(() => page.locator('section.updeck-homework').evaluate((s) => s.classList.contains('present')), { timeout: 10_000 }).toBe(true)
      await page.locator('section.updeck-homework .updeck-homework-head a').click()
      await expect.poll(() => page.locator('ol.tasks > li').count(), { timeout: 10_000 }).toBe(4)
      await expect.poll(() => styled(page), { timeout: 10_000 }).toBe(true) // the stylesheet may load after the list
      await page.locator('.crumbs a').first().click()
      await page.waitForURL(pathToFileURL(join(hostile, 'index.html')).href)
    }
    expect(errors).toEqual([])
    expect(outside).toEqual([])
    await context.close()
  })
})
