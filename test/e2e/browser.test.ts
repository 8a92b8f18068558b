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
/** Realistic tasks that fit six to a slide (≤ 78 bytes each, see docs/qr-sizing.md). */
const TASKS = [
  '  - { kind: profile, title: "Xing-Profil aktualisieren: Foto, Position, Skills", url: "https://www.xing.com/profile" }',
  '  - { kind: share, network: x, title: "Neuigkeit teilen 🎉", text: "Werk Leipzig eröffnet!", url: "https://ex.am/l" }',
  '  - { kind: link, title: "Umlaut-Domain öffnen", url: "https://bücher.example/Straße" }',
  '  - { kind: follow, title: "Unserer Seite folgen", url: "https://www.linkedin.com/company/muster" }',
  '  - { kind: blog, title: "Beitrag für den Blog schreiben", url: "https://example.com/blog/neu" }',
  '  - { kind: account, title: "Mastodon-Konto anlegen", url: "https://mastodon.social/auth/sign_up" }',
]
const matrixDeck = (theme: string, tasks: number) =>
  `---\ntitle: Matrix ${theme} ${tasks}\ndate: 2026-12-03\naudience: Test\ntheme: ${theme}\nhomework:\n${TASKS.slice(0, tasks).join('\n')}\n---\n\n# ${theme}, ${tasks} Aufgaben\n\nFließtext mit einem [Link](https://example.com) und \`Code\`.\n`

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
  for (const theme of THEMES) for (const n of [1, 3, 6]) writeFileSync(join(decksDir, 'matrix', `${theme}-${n}.md`), matrixDeck(theme, n))
  const result = await buildTo({ decksDir, base: BASE })
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
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
 * margin. Returns the URLs the codes link to, which they must encode.
 */
async function expectHomeworkScans(page: Page, name: string): Promise<string[]> {
  await page.waitForSelector('section.updeck-homework.present')
  await page.waitForTimeout(600) // the slide transition
  const targets = await page.locator('section.updeck-homework a.updeck-qr').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
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

describe('homework codes scan from a 1920×1080 screenshot, and from it scaled to 25 %', () => {
  for (const theme of THEMES) {
    for (const n of [1, 3, 6]) {
      it(`${theme} theme, ${n} task(s)`, async () => {
        await withPage({ width: 1920, height: 1080 }, async (page) => {
          await openDeck(page, `${server.url}matrix/${theme}-${n}/`)
          await page.keyboard.press('End')
          const targets = await expectHomeworkScans(page, `${theme}-${n}`)
          expect(targets).toHaveLength(n)
        })
      })
    }
  }
})
