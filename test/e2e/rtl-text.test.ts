// Right-to-left names and titles (Hebrew, Arabic) in the pages of issue 12, laid out by Chromium: a
// title's own punctuation stays at its end (the left), not thrown to the far side by the German or
// English text around it.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SiteOptions } from '../../src/core/frontmatter.ts'
import type { Deck, Task } from '../../src/core/model.ts'
import { newsletterSnippet, renderNewsletterPage } from '../../src/core/render-newsletter.ts'
import { renderIndex } from '../../src/core/render-index.ts'
import { renderPlan } from '../../src/core/render-plan.ts'
import type { SiteContext } from '../../src/core/site-context.ts'
import { launchBrowser, watchPage } from '../helpers/browser.ts'
import { TODAY } from '../helpers/build-fixture.ts'

const TITLE = 'שלום עולם!'
const AUDIENCE = 'שיווק (חדש)'
const url = 'https://example.com/'
const task: Task = { kind: 'follow', title: 'עקבו אחרינו!', url, target: url, links: { qr: url, slide: url, 'homework-page': url, newsletter: url }, line: 1, qrLevel: 'M' }
const deck: Deck = {
  file: 'shivuk.md',
  slug: 'shivuk',
  meta: { title: TITLE, date: '2026-12-03', audience: AUDIENCE, duration: 5, theme: 'default', lang: 'de' },
  slides: [],
  homework: [task],
  durationAt: { line: 1, col: 1 },
  defaultHomework: false,
}
const ctx: SiteContext = { site: SiteOptions.parse({ siteUrl: 'https://intranet.example.com/decks/' }), base: './', today: TODAY, stamp: '20261205T120000Z', assets: { deckJs: [], deckCss: {}, pageCss: [], image: (p) => p } }

let browser: Browser
let page: Page
beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(async () => {
  await browser?.close()
})

/**
 * Where, left to right, the first and the last character of `text` are drawn inside the first
 * element matching `selector` that holds it: for right-to-left text the last one (the "!" or ")")
 * must be left of the first.
 */
async function ends(selector: string, text: string): Promise<{ first: number; last: number }> {
  return page.evaluate(
    ([selector, text]) => {
      for (const element of document.querySelectorAll(selector!)) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(text!)
          if (at < 0) continue
          const x = (i: number) => {
            const range = document.createRange()
            range.setStart(node!, i)
            range.setEnd(node!, i + 1)
            return range.getBoundingClientRect().x
          }
          return { first: x(at), last: x(at + text!.length - 1) }
        }
      }
      throw new Error(`no ${text} in ${selector}`)
    },
    [selector, text],
  )
}

describe('right-to-left text keeps its punctuation at its end', () => {
  it('in the editorial plan: department and deck title', async () => {
    const watch = watchPage(page)
    await page.setContent(renderPlan([deck], ctx))
    for (const [selector, text] of [['th.dept', AUDIENCE], ['a.plan-deck', TITLE]] as const) {
      const { first, last } = await ends(selector, text)
      expect(last, `${selector}: ${text}`).toBeLessThan(first)
    }
    expect(watch.errors).toEqual([])
  })

  it('on the index: department heading and deck title', async () => {
    await page.setContent(renderIndex([deck], ctx))
    for (const [selector, text] of [['section.audience h3', AUDIENCE], ['li.deck h4', TITLE]] as const) {
      const { first, last } = await ends(selector, text)
      expect(last, `${selector}: ${text}`).toBeLessThan(first)
    }
  })

  it('in the newsletter: title and task title', async () => {
    const snippet = newsletterSnippet(deck, { slides: [], details: [], images: [], diagnostics: [] }, ctx)
    await page.setContent(renderNewsletterPage(deck, snippet))
    for (const [selector, text] of [['h1', TITLE], ['td p', task.title]] as const) {
      const { first, last } = await ends(selector, text)
      expect(last, `${selector}: ${text}`).toBeLessThan(first)
    }
  })
})
