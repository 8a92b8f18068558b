// Hostile deck content in a real browser: every page of the built site, every slide, and nothing
// runs, navigates away or calls another host (issue 8, item 11).
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, watchPage } from '../helpers/browser.ts'
import { buildTo, listFiles } from '../helpers/build-fixture.ts'
import { serveDir, type StaticServer } from '../helpers/serve.ts'
import { ROOT } from '../helpers/site.ts'

/** Decks whose titles, tasks, details and slides are full of markup that must stay text. */
const HOSTILE_DECKS = join(ROOT, 'test/fixtures/decks-hostile')

let browser: Browser
let server: StaticServer
let pages: string[]

beforeAll(async () => {
  const result = await buildTo({ decksDir: HOSTILE_DECKS })
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  pages = listFiles(result.outDir).filter((f) => f.endsWith('.html'))
  server = await serveDir(result.outDir)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

interface Incidents {
  dialogs: string[]
  violations: string[]
  navigations: string[]
}

/** Opens `path` with every way script could show itself watched; `visit` then walks the page. */
async function watched(path: string, visit: (page: Page) => Promise<void>): Promise<Incidents & ReturnType<typeof watchPage>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  const url = `${server.url}${path.replace(/index\.html$/, '')}`
  const incidents: Incidents = { dialogs: [], violations: [], navigations: [] }
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('framenavigated', (frame) => {
    const at = new URL(frame.url())
    if (frame === page.mainFrame() && at.origin + at.pathname !== new URL(url).origin + new URL(url).pathname) incidents.navigations.push(frame.url())
  })
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = [])
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`))
  })
  const watch = watchPage(page)
  try {
    await page.goto(url)
    await page.waitForLoadState('load')
    await visit(page)
    // Let deferred handlers (onload, onerror, ontoggle, autofocus) run before looking.
    await page.waitForTimeout(300)
    incidents.violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
    return { ...incidents, ...watch }
  } finally {
    await context.close()
  }
}

/** Walks a deck slide by slide through reveal.js to its homework slide. */
async function everySlide(page: Page): Promise<void> {
  await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
  const total = await page.locator('.reveal .slides > section').count()
  for (let i = 1; i < total; i++) {
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.locator('.reveal .slides > section').nth(i).getAttribute('class')).toContain('present')
  }
  await expect.poll(() => page.locator('.slides > section.present').getAttribute('class')).toContain('updeck-homework')
}

describe('hostile decks in Chromium', () => {
  it('the build has an index, two decks and their homework pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'hostile-values/index.html', 'hostile-values/homework/index.html', 'ueber-uns/2026-12-10-gruesse/index.html', 'ueber-uns/2026-12-10-gruesse/homework/index.html']))
  })

  it('no page runs script, is blocked by the policy, navigates away or asks another host', async () => {
    for (const path of pages) {
      const isDeck = /^(?!plan\/)[^]*\/index\.html$/.test(path) && !path.includes('/homework/') && path !== 'index.html'
      const seen = await watched(path, (page) => (isDeck ? everySlide(page) : Promise.resolve()))
      expect({ path, dialogs: seen.dialogs, violations: seen.violations, navigations: seen.navigations, foreign: seen.foreignRequests, errors: seen.errors }).toEqual({
        path, dialogs: [], violations: [], navigations: [], foreign: [], errors: [],
      })
    }
  })

  it('the hostile text is on the pages as text', async () => {
    const seen = await watched('hostile-values/index.html', async (page) => {
      await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
      expect(await page.locator('.reveal .slides > section').first().innerText()).toContain("<script>alert('raw html')</script>")
      expect(await page.title()).toContain('"><script>alert(\'title\')</script>')
    })
    expect(seen.dialogs).toEqual([])
  })
})
