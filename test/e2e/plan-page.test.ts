// The editorial plan (plan/index.html) in Chromium, on a laptop and printed, and meetings.ics read by ical.js.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ICAL from 'ical.js'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/index.ts'
import { SiteOptions } from '../../src/core/frontmatter.ts'
import { renderPlan } from '../../src/core/render-plan.ts'
import type { Deck } from '../../src/core/model.ts'
import { launchBrowser, watchPage, type PageWatch } from '../helpers/browser.ts'
import { tempDir, TODAY } from '../helpers/build-fixture.ts'
import { planProject } from '../helpers/plan-project.ts'
import { serveDir, type StaticServer } from '../helpers/serve.ts'

const SITE_URL = 'https://intranet.example.com/decks/'
/** Where the test leaves its screenshots and PDF for a person to look at. */
const shots = tempDir('plan-shots')

let browser: Browser
let server: StaticServer
let outDirs: string[]
let page: Page
let watch: PageWatch

beforeAll(async () => {
  const project = planProject({ siteUrl: SITE_URL })
  outDirs = []
  // Two builds of the same decks into two folders: meetings.ics must keep its UIDs.
  for (const name of ['first', 'second']) {
    const result = await build({ root: project.root, outDir: join(tempDir('plan'), name), today: TODAY })
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    outDirs.push(result.outDir)
  }
  browser = await launchBrowser()
  server = await serveDir(outDirs[0]!)
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  watch = watchPage(page)
  await page.goto(`${server.url}plan/`)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The visible text of a department's row header, spaces collapsed. */
const rowHeader = (name: string) => page.locator('table.plan tbody th.dept', { has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) })

describe('plan/index.html on a laptop (1366×768)', () => {
  it('is reached from the index page and loads without errors or requests elsewhere', async () => {
    await page.goto(server.url)
    await page.getByRole('link', { name: 'Redaktionsplan' }).click()
    await page.waitForURL(/\/plan\/(index\.html)?$/)
    expect(await page.locator('h1').textContent()).toBe('Muster Maschinenbau GmbH: Redaktionsplan')
    expect(watch.errors).toEqual([])
    expect(watch.foreignRequests).toEqual([])
  })

  it('has a column per month, six back and six ahead, today’s month marked with today’s date and a line', async () => {
    const months = await page.locator('table.plan thead th.month').allTextContents()
    expect(months).toHaveLength(13)
    expect(months[0]).toBe('Juni 2026')
    expect(months[12]).toBe('Juni 2027')
    expect(await page.locator('th.month.current').textContent()).toBe('Dez. 2026 Heute 05.12.')
    const line = await page.locator('td.current').first().evaluate((td) => getComputedStyle(td, '::before').borderLeftStyle)
    expect(line).toBe('dashed')
  })

  it('opens scrolled to today’s month, clear of the sticky department column', async () => {
    const box = (selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect)
    const [scroller, dept, today] = await Promise.all([box('.plan-scroll'), box('thead th.dept'), box('th.month.current')])
    expect(today.left).toBeGreaterThanOrEqual(dept.right)
    expect(today.right).toBeLessThanOrEqual(scroller.right)
    await page.screenshot({ path: join(shots, 'plan-1366.png') })
    // Scrolled to the end, the department names stay where they were.
    await page.locator('.plan-scroll').evaluate((e) => e.scrollTo({ left: e.scrollWidth }))
    expect((await box('tbody th.dept')).left).toBe(dept.left)
    await page.locator('.plan-scroll').evaluate((e) => e.scrollTo({ left: 0 }))
  })

  it('with many departments, the month row stays in view next to the last one', async () => {
    const long = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    const longWatch = watchPage(long)
    await long.goto(`${server.url}plan/`)
    // Sixty departments: the rows of the plan, eight times over.
    await long.locator('table.plan tbody').evaluate((tbody) => {
      const rows = [...tbody.children]
      for (let i = 0; i < 7; i++) for (const row of rows) tbody.append(row.cloneNode(true))
    })
    await long.locator('table.plan tbody tr').last().evaluate((row) => row.scrollIntoView({ block: 'end' }))
    const seen = await long.evaluate(() => {
      const month = document.querySelector('th.month.current')!.getBoundingClientRect()
      const last = document.querySelector('table.plan tbody tr:last-child')!.getBoundingClientRect()
      const onTop = document.elementFromPoint(month.left + month.width / 2, month.top + month.height / 2)
      return { top: month.top, bottom: month.bottom, lastBottom: last.bottom, height: innerHeight, header: onTop?.closest('th.month.current') !== null }
    })
    expect(seen.top).toBeGreaterThanOrEqual(0)
    expect(seen.bottom).toBeLessThan(seen.lastBottom)
    expect(seen.lastBottom).toBeLessThanOrEqual(seen.height + 1) // sub-pixel rounding
    expect(seen.header).toBe(true) // drawn on top, not covered by the rows scrolled under it
    await long.screenshot({ path: join(shots, 'plan-long.png') })
    expect(longWatch.errors).toEqual([])
    await long.close()
  })

  it('on a phone too, opens at today’s month clear of the department column', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await phone.goto(`${server.url}plan/`)
    const box = (selector: string) => phone.locator(selector).first().evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect)
    const [scroller, dept, today] = await Promise.all([box('.plan-scroll'), box('thead th.dept'), box('th.month.current')])
    expect(today.left).toBeGreaterThanOrEqual(dept.right)
    expect(today.right).toBeLessThanOrEqual(scroller.right)
    await phone.close()
  })

  it('flags overdue and never-visited departments in words, and audiences missing from the list', async () => {
    expect(await page.locator('tr.stale .name').allTextContents()).toEqual(['Personal', 'Einkauf'])
    expect(await page.locator('tr.never .name').allTextContents()).toEqual(['Engineering', 'Marketing'])
    expect(await rowHeader('Personal').innerText()).toMatch(/ÜBERFÄLLIG[\s\S]*Zuletzt: 10\.09\.2026 · vor 12 Wochen[\s\S]*Nächster Termin: 10\.12\.2026/)
    expect(await rowHeader('Marketing').innerText()).toMatch(/NOCH NIE BESUCHT/)
    expect(await rowHeader('Vertrieb').innerText()).not.toMatch(/ÜBERFÄLLIG|NOCH NIE/)
    expect(await rowHeader('Geschäftsführung').innerText()).toContain('Nicht in der Abteilungsliste')
  })

  it('shows each deck in its cell with title, date and tasks, linking to the deck', async () => {
    const cell = page.locator('tr', { has: page.locator('.name', { hasText: /^Vertrieb$/ }) }).locator('td').nth(8) // Feb 2027
    expect(await cell.innerText()).toBe('Vertrieb: Update Februar\n04.02. · 4 Aufgaben')
    await cell.getByRole('link').click()
    await page.waitForURL(/\/vertrieb\/2027-02-04-update\/(index\.html)?$/)
    await page.goBack()
  })

  it('links meetings.ics with its address for Outlook', async () => {
    const link = page.getByRole('link', { name: 'Alle Termine als Kalender (Outlook)' })
    const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href)
    expect(response.status()).toBe(200)
    expect(await response.text()).toContain('BEGIN:VCALENDAR')
    expect(await page.locator('p.subscribe').innerText()).toContain(`file://: in Outlook „Kalender hinzufügen → Aus dem Internet“ mit der Adresse dieses Links: ${SITE_URL}meetings.ics`)
  })
})

describe('plan/index.html printed', () => {
  it('is one A4 landscape page with all thirteen months, nothing cut off', async () => {
    // A screen in dark mode still prints dark text on white.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
    await page.setViewportSize({ width: 1047, height: 740 }) // 277 mm × 196 mm at 96 dpi: the page inside its margins
    const paper = await page.locator('tbody tr.fresh th.dept').first().evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color])
    expect(paper).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)'])
    const fits = await page.locator('.plan-scroll').evaluate((e) => ({ scroll: e.scrollWidth, width: e.clientWidth, last: e.querySelector('thead th:last-child')!.getBoundingClientRect().right }))
    expect(fits.scroll).toBeLessThanOrEqual(fits.width)
    expect(fits.last).toBeLessThanOrEqual(1047)
    const pdf = join(shots, 'plan.pdf')
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true })
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
    await page.setViewportSize({ width: 1366, height: 768 })
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    expect(info).toMatch(/^Pages:\s+1$/m)
    expect(info).toMatch(/^Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)$/m)
    execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdf, join(shots, 'plan-print')])
    // The printed text is real text: every month and every department can be found in it.
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    for (const word of ['JUNI 2026', 'DEZ. 2026', 'JUNI 2027', 'Geschäftsführung', 'Marketing', 'Messe-']) expect(text).toContain(word)
  })
})

describe('plan/index.html in English', () => {
  it('uses the site’s language for every label', async () => {
    const decks: Deck[] = JSON.parse(readFileSync(join(outDirs[0]!, 'decks.json'), 'utf8')).map((d: { slug: string; title: string; date: string; audience: string; homework: unknown[] }) => ({
      file: `${d.slug}.md`,
      slug: d.slug,
      meta: { title: d.title, date: d.date, audience: d.audience, duration: 5, theme: 'default', lang: 'en' },
      slides: [],
      homework: d.homework as Deck['homework'],
      durationAt: { line: 1, col: 1 },
      defaultHomework: false,
    }))
    const site = SiteOptions.parse({ lang: 'en', departments: ['Vertrieb', 'Marketing'] })
    const html = renderPlan(decks, { site, base: '/', today: TODAY, stamp: '20261205T120000Z', assets: { deckJs: [], deckCss: {}, pageCss: [], image: (p) => p } })
    const english = await browser.newPage()
    await english.setContent(html)
    expect(await english.locator('html').getAttribute('lang')).toBe('en')
    expect(await english.locator('h1').textContent()).toBe('updeck: Editorial plan')
    expect(await english.locator('th.month.current').textContent()).toBe('Dec 2026 Today 5 Dec')
    expect(await english.locator('tr.never th.dept').first().innerText()).toMatch(/Marketing\s+Never visited/)
    expect(await english.locator('tr.stale th.dept').filter({ hasText: 'Personal' }).innerText()).toMatch(/Personal\s+Overdue\s+Last: 10 Sep 2026 · 12 weeks ago/)
    expect(await english.locator('td').filter({ hasText: 'Update Februar' }).innerText()).toBe('Vertrieb: Update Februar 4 Feb · 4 tasks')
    await english.close()
  })
})

describe('meetings.ics', () => {
  const read = (dir: string) => readFileSync(join(dir, 'meetings.ics'), 'utf8')
  const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
  const decks = () => JSON.parse(readFileSync(join(outDirs[0]!, 'decks.json'), 'utf8')) as { slug: string; title: string; date: string; audience: string; path: string }[]

  it('is a calendar named after the site with one all-day event per deck on its date', () => {
    const calendar = new ICAL.Component(ICAL.parse(read(outDirs[0]!)))
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Muster Maschinenbau GmbH: Termine')
    const all = events(read(outDirs[0]!))
    expect(all).toHaveLength(decks().length)
    expect(all.length).toBe(11)
    for (const deck of decks()) {
      const event = all.find((e) => e.uid === `${deck.slug.replace(/\//g, '.')}@intranet.example.com`)!
      expect(event, deck.slug).toBeDefined()
      expect(event.startDate.isDate).toBe(true)
      expect(event.startDate.toString()).toBe(deck.date)
      expect(event.summary).toBe(`${deck.title} (${deck.audience})`)
      expect(event.component.getFirstPropertyValue('url')).toBe(`${SITE_URL}${deck.path}`)
      expect(event.description).toContain(`${SITE_URL}${deck.path}`)
    }
  })

  it('keeps unique UIDs across builds, and a later build’s events are not older', () => {
    const [first, second] = outDirs.map((dir) => events(read(dir)))
    const uids = first!.map((e) => e.uid)
    expect(new Set(uids).size).toBe(uids.length)
    expect(second!.map((e) => e.uid)).toEqual(uids)
    const sequence = (e: ICAL.Event) => Number(e.component.getFirstPropertyValue('sequence'))
    expect(sequence(second![0]!)).toBeGreaterThanOrEqual(sequence(first![0]!))
    expect(sequence(first![0]!)).toBeGreaterThan(0)
  })
})
