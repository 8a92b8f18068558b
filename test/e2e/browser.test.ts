// The built site in headless Chromium: every deck runs, and every homework code scans from a screenshot.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { launchBrowser, openDeck, watchPage } from '../helpers/browser.ts'
import { buildTo, tempDir } from '../helpers/build-fixture.ts'
import { decodeRegions, scalePng, type Region } from '../helpers/decode-qr.ts'
import { serveDir, type StaticServer } from '../helpers/serve.ts'
import { checkSpeakerView } from './speaker-steps.ts'
import { ROOT, siteConfig, THEMES } from '../helpers/site.ts'

const BASE = '/intern/decks/'
const EXAMPLES = ['engineering/2027-01-14-tech-blog', 'personal/2026-12-10-employer-branding', 'vertrieb/2026-12-03-social-media-update']
const SITE_URL = 'https://intranet.example.com/decks/'
/** Mixed link lengths: profile and company links, umlaut domains, and share tasks with real sentences. */
const LINKS = [
  '  - { kind: profile, title: "Xing-Profil aktualisieren: Foto, Position, Skills", url: "https://www.xing.com/profile", due: 2026-12-17 }',
  '  - { kind: link, title: "Umlaut-Domain öffnen", url: "https://bücher.example/Straße" }',
  '  - { kind: follow, title: "Unserer Seite folgen", url: "https://www.linkedin.com/company/muster-maschinenbau-gmbh" }',
  '  - { kind: blog, title: "Beitrag für den Blog schreiben", url: "https://example.com/blog/beitrag-vorschlagen", due: 2027-01-15 }',
  '  - { kind: account, title: "Mastodon-Konto anlegen", url: "https://mastodon.social/auth/sign_up" }',
]
const SHARE = (network: string, text: string, url: string) => `  - { kind: share, network: ${network}, title: "Neuigkeit teilen 🎉", text: "${text}", url: "${url}" }`
/** Per task count, the share task's length: 1–3 tasks a Mastodon share of a 55-character sentence
 * (the example), 4 an X share of 160 characters (v11 at L), 5 a LinkedIn share, and 6 the
 * 160-character X share again, which does not fit six to a slide: it is forwarded through the site. */
const LONG = 'Wir sind auf der LogiMAT 2027 in Stuttgart und zeigen unsere neue Verpackungslinie live: 120 Kartons pro Minute, Formatwechsel in unter zehn Minuten. Stand B15!'
const SHARES: Record<number, string> = {
  1: SHARE('mastodon', 'Unser neues Werk in Leipzig ist eröffnet – schaut rein!', 'https://example.com/news/werk-leipzig-26'),
  2: SHARE('mastodon', 'Unser neues Werk in Leipzig ist eröffnet – schaut rein!', 'https://example.com/news/werk-leipzig-26'),
  3: SHARE('mastodon', 'Unser neues Werk in Leipzig ist eröffnet – schaut rein!', 'https://example.com/news/werk-leipzig-26'),
  4: SHARE('x', LONG, 'https://example.com/news/logimat-2027'),
  5: SHARE('linkedin', 'Ausbildung 2027: zwölf Plätze!', 'https://example.com/karriere/ausbildung-2027'),
  6: SHARE('x', LONG, 'https://example.com/news/logimat-2027'),
}
const matrixTasks = (n: number) => [SHARES[n]!, ...LINKS].slice(0, n)
const matrixDeck = (theme: string, tasks: number) =>
  `---\ntitle: Matrix ${theme} ${tasks}\ndate: 2026-12-03\naudience: Test\ntheme: ${theme}\nhomework:\n${matrixTasks(tasks).join('\n')}\n---\n\n# ${theme}, ${tasks} Aufgaben\n\nFließtext mit einem [Link](https://example.com) und \`Code\`.\n`

let browser: Browser
let server: StaticServer
let decksDir: string
let outDir: string
/** Screenshots of the homework slides stay here for a person to look at when a test fails. */
const shots = tempDir('shots')

beforeAll(async () => {
  decksDir = join(tempDir('browser'), 'decks')
  cpSync(join(ROOT, 'decks'), decksDir, { recursive: true })
  mkdirSync(join(decksDir, 'matrix'))
  for (const theme of THEMES) for (const n of [1, 2, 3, 4, 5, 6]) writeFileSync(join(decksDir, 'matrix', `${theme}-${n}.md`), matrixDeck(theme, n))
  const result = await buildTo({ decksDir, base: BASE, siteUrl: SITE_URL })
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  // Only the 160-character X share on the 6-task slides does not fit: one notice per theme.
  expect(result.diagnostics.map((d) => `${d.file} ${d.field} ${d.severity}`)).toEqual(THEMES.map((t) => `matrix/${t}-6.md homework.1 notice`))
  outDir = result.outDir
  server = await serveDir(result.outDir, BASE)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function withPage<T>(viewport: { width: number; height: number }, run: (page: Page, watch: ReturnType<typeof watchPage>) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  const watch = watchPage(page)
  try {
    const result = await run(page, watch)
    expect(watch.errors).toEqual([])
    expect(watch.foreignRequests).toEqual([])
    return result
  } finally {
    await context.close()
  }
}

describe('each example deck in Chromium', () => {
  for (const slug of EXAMPLES) {
    it(`${slug}: reveal.js runs every written slide plus the homework slide, whose codes scan`, async () => {
      const text = readFileSync(join(ROOT, 'decks', `${slug}.md`), 'utf8')
      const written = parseDeck(text, `${slug}.md`, { themes: THEMES, site: siteConfig({ mastodonInstance: 'mastodon.social' }) }).deck!.slides.length
      await withPage({ width: 1920, height: 1080 }, async (page) => {
        await openDeck(page, `${server.url}${slug}/`)
        expect(await page.locator('.reveal .slides > section').count()).toBe(written + 1)
        await page.keyboard.press('End')
        await expect.poll(() => page.locator('.slides > section.present').getAttribute('class')).toContain('updeck-homework')
        const decks = JSON.parse(readFileSync(join(outDir, 'decks.json'), 'utf8')) as { slug: string; homework: { url: string }[] }[]
        expect(await expectHomeworkScans(page, slug)).toEqual(decks.find((d) => d.slug === slug)!.homework.map((t) => t.url))
        await page.keyboard.press('Home')
        await expect.poll(() => page.locator('.slides > section').first().getAttribute('class')).toContain('present')
      })
    })
  }

  for (const slug of [EXAMPLES[0]!, EXAMPLES[2]!]) {
    it(`${slug}: the speaker view opens with S, shows the notes and moves the deck`, async () => {
      await withPage({ width: 1280, height: 720 }, async (page) => {
        await openDeck(page, `${server.url}${slug}/`)
        await checkSpeakerView(page, server.url)
      })
    })
  }

  it('the index lists every deck with links that open', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await page.goto(server.url)
      for (const slug of EXAMPLES) expect(await page.locator(`a[href="${BASE}${slug}/"]`).first().isVisible(), slug).toBe(true)
      await page.locator(`a[href="${BASE}${EXAMPLES[2]}/"]`).first().click()
      await page.waitForSelector('html.updeck-ready')
    })
  })

  it('the homework page fits a phone screen and offers a button per task', async () => {
    await withPage({ width: 390, height: 844 }, async (page) => {
      await page.goto(`${server.url}${EXAMPLES[1]}/homework/`)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      expect(await page.locator('a.button').count()).toBe(6)
      const box = await page.locator('a.button').first().boundingBox()
      expect(box!.height).toBeGreaterThanOrEqual(44)
    })
  })
})

/**
 * Screenshots the homework slide at 1920×1080 and decodes every code at full size and scaled to
 * 25 % (a phone at the back of the room). A phone aims at one code: each gets its own area plus a
 * margin. Returns what the slide says each code encodes (data-code), which they must encode.
 */
async function expectHomeworkScans(page: Page, name: string): Promise<string[]> {
  await page.waitForSelector('section.updeck-homework.present')
  await page.waitForTimeout(600) // the slide transition
  const targets = await page.locator('section.updeck-homework a.updeck-qr').evaluateAll((as) => as.map((a) => a.getAttribute('data-code')!))
  const boxes: Region[] = await page.locator('section.updeck-homework a.updeck-qr svg').evaluateAll((svgs) =>
    svgs.map((s) => {
      const r = s.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    }),
  )
  const around = (r: Region, k: number): Region => ({ x: (r.x - r.width * 0.1) * k, y: (r.y - r.height * 0.1) * k, width: r.width * 1.2 * k, height: r.height * 1.2 * k })
  const shot = await page.screenshot()
  writeFileSync(join(shots, `${name.replace(/\//g, '_')}.png`), shot)
  expect(decodeRegions(shot, boxes.map((b) => around(b, 1))), `${name} at full size`).toEqual(targets)
  expect(decodeRegions(scalePng(shot, 0.25), boxes.map((b) => around(b, 0.25))), `${name} at 25 %`).toEqual(targets)
  return targets
}

/** WCAG 2 contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe('every theme is readable: WCAG AA contrast computed from the built CSS in the browser', () => {
  for (const theme of THEMES) {
    it(`${theme}: body text and links ≥ 4.5:1, headings ≥ 3:1`, async () => {
      await withPage({ width: 1920, height: 1080 }, async (page) => {
        await openDeck(page, `${server.url}matrix/${theme}-1/`)
        const colours = await page.evaluate(() => {
          const background = (el: Element | null): string => {
            for (; el; el = el.parentElement) {
              const bg = getComputedStyle(el).backgroundColor
              if (bg && !/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg
            }
            return 'rgb(255, 255, 255)'
          }
          const of = (selector: string) => {
            const el = document.querySelector(`.slides > section.present ${selector}`)!
            return { fg: getComputedStyle(el).color, bg: background(el) }
          }
          return { p: of('p'), a: of('a'), h1: of('h1') }
        })
        expect(contrast(colours.p.fg, colours.p.bg), JSON.stringify(colours.p)).toBeGreaterThanOrEqual(4.5)
        expect(contrast(colours.a.fg, colours.a.bg), JSON.stringify(colours.a)).toBeGreaterThanOrEqual(4.5)
        expect(contrast(colours.h1.fg, colours.h1.bg), JSON.stringify(colours.h1)).toBeGreaterThanOrEqual(3)
      })
    })
  }
})

/** px per module of every code on the present slide, measured: rendered width ÷ modules (viewBox). */
async function moduleSizes(page: Page): Promise<number[]> {
  return page.locator('section.updeck-homework.present a.updeck-qr svg').evaluateAll((svgs) =>
    svgs.map((s) => s.getBoundingClientRect().width / Number(s.getAttribute('viewBox')!.split(' ')[2])),
  )
}

describe('homework codes scan from a 1920×1080 screenshot, and from it scaled to 25 %', () => {
  for (const theme of THEMES) {
    for (const n of [1, 2, 3, 4, 5, 6]) {
      it(`${theme} theme, ${n} task(s) of mixed lengths: one module size, ≥ ${n <= 3 ? 12 : 8} px`, async () => {
        await withPage({ width: 1920, height: 1080 }, async (page) => {
          await openDeck(page, `${server.url}matrix/${theme}-${n}/`)
          await page.keyboard.press('End')
          const targets = await expectHomeworkScans(page, `${theme}-${n}`)
          expect(targets).toHaveLength(n)
          const sizes = await moduleSizes(page)
          for (const size of sizes) {
            expect(size).toBeGreaterThanOrEqual(n <= 3 ? 12 : 8)
            expect(size).toBeCloseTo(sizes[0]!, 2)
          }
          // Titles, links and due dates stay inside their task, and a forwarding address is whole.
          const texts = await page.locator('section.updeck-homework.present li.updeck-task').evaluateAll((items) =>
            items.map((li) => {
              const box = li.getBoundingClientRect()
              const inside = (el: Element | null) => {
                if (!el) return true
                const r = el.getBoundingClientRect()
                return r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.bottom <= 1080
              }
              const address = li.querySelector('.updeck-address')
              return { due: inside(li.querySelector('.updeck-due')), link: inside(li.querySelector('.updeck-link')), whole: !address || address.scrollWidth <= address.clientWidth }
            }),
          )
          for (const text of texts) expect(text).toEqual({ due: true, link: true, whole: true })
        })
      })
    }
  }
})

describe('a forwarding page', () => {
  it('leads on to the task\'s URL without script: meta refresh, seen in Chromium (the network is stubbed)', async () => {
    const decks = JSON.parse(readFileSync(join(outDir, 'decks.json'), 'utf8')) as { slug: string; homework: { url: string; target?: string }[] }[]
    const task = decks.find((d) => d.slug === 'matrix/default-6')!.homework[0]!
    expect(task.url).toMatch(/^https:\/\/intranet\.example\.com\/decks\/go\/[0-9a-z]{10}\/$/)
    expect(task.target).toMatch(/^https:\/\/x\.com\/intent\/post\?text=Wir%20sind/)
    const context = await browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      const elsewhere: string[] = []
      // Never online: every request to another host is answered here.
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url())
        if (url.hostname === '127.0.0.1') return route.continue()
        elsewhere.push(route.request().url())
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title><p>stub</p>' })
      })
      // The code encodes the published address; here the same page is served from 127.0.0.1.
      const local = task.url.replace(SITE_URL, server.url)
      await page.goto(local)
      await page.waitForURL(task.target!)
      expect(page.url()).toBe(task.target)
      expect(elsewhere).toEqual([task.target])
      expect(await page.title()).toBe('stub')
    } finally {
      await context.close()
    }
  })

  it('shows the text being shared and a link, in the deck\'s language', () => {
    const decks = JSON.parse(readFileSync(join(outDir, 'decks.json'), 'utf8')) as { slug: string; homework: { url: string; target?: string }[] }[]
    const task = decks.find((d) => d.slug === 'matrix/dark-6')!.homework[0]!
    const html = readFileSync(join(outDir, new URL(task.url).pathname.replace('/decks/', ''), 'index.html'), 'utf8')
    expect(html).toContain('<p>Dieser Text wird geteilt:</p>')
    expect(html).toContain(LONG)
    expect(html).toContain(`Weiterleitung zu <a href="${task.target!.replace(/&/g, '&amp;')}">`)
  })
})
