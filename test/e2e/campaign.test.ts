// A site built with campaign tags: the codes scan to exactly the tagged URLs, each medium is tagged
// as itself, and nobody else's link is touched.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ICAL from 'ical.js'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SiteOptions } from '../../src/core/frontmatter.ts'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { buildTo } from '../helpers/build-fixture.ts'
import { decodeSvg } from '../helpers/decode-qr.ts'
import { ROOT } from '../helpers/site.ts'
import { tempProject } from '../helpers/temp-project.ts'

const OWN = 'https://blog.example.com/werk?ref=intern#bilder'
const TAGS = (medium: string) => `utm_source=intranet&utm_medium=${medium}&utm_campaign=vertrieb/update`
const tagged = (medium: string) => `https://blog.example.com/werk?ref=intern&${TAGS(medium)}#bilder`
const XING = 'https://www.xing.com/profile/Jana_Hoffmann'
const SHARE = 'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fwww.example.com%2Fnews'

const DECK = `---
title: Update
date: 2026-12-03
audience: Vertrieb
homework:
  - { kind: blog, title: Werk lesen, url: "${OWN}", due: 2026-12-10 }
  - { kind: profile, title: Profil pflegen, url: "${XING}" }
  - { kind: share, network: linkedin, title: Teilen, text: Neu, url: "https://www.example.com/news" }
---

# Update

Alles auf [unserer Seite](https://www.example.com/werk) und bei [Partnern](https://partner.example.net/).
`

/** A temporary project whose vite.config.ts sets `options` on updeck(), with DECK as its one deck. */
function project(options: object): { root: string; decksDir: string } {
  const made = tempProject()
  writeFileSync(join(made.root, 'vite.config.ts'), `import { updeck } from ${JSON.stringify(join(ROOT, 'src/index.ts'))}\n\nexport default { plugins: [updeck(${JSON.stringify(options)})] }\n`)
  writeFileSync(join(made.decksDir, 'vertrieb/update.md'), DECK)
  return made
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Parses `html` with Chromium's HTML parser (DOMParser: nothing runs, nothing loads); `pick` runs on the document. */
async function parseHtml<T>(html: string, pick: string): Promise<T> {
  const page = await browser.newPage()
  try {
    return (await page.evaluate(([text, body]) => new Function('doc', body!)(new DOMParser().parseFromString(text!, 'text/html')), [html, pick])) as T
  } finally {
    await page.close()
  }
}

interface Code {
  href: string
  svg: string
}

describe('a site built with campaign tags', () => {
  let outDir: string
  beforeAll(async () => {
    const { root, decksDir } = project({ campaign: { domains: ['example.com'], source: 'intranet' } })
    const result = await buildTo({ root, decksDir })
    expect(result.diagnostics).toEqual([])
    outDir = result.outDir
  }, 120_000)
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8')

  it('the homework slide\'s codes decode to exactly the tagged URL; a click on one is tagged slide', async () => {
    const codes = await parseHtml<Code[]>(read('vertrieb/update/index.html'), `return [...doc.querySelectorAll('section.updeck-homework a.updeck-qr')].map((a) => ({ href: a.getAttribute('href'), svg: a.querySelector('svg').outerHTML }))`)
    expect(codes.map((c) => decodeSvg(c.svg, 600))).toEqual([tagged('qr'), XING, SHARE])
    expect(codes.map((c) => c.href)).toEqual([tagged('slide'), XING, SHARE])
  })

  it('links on the slides to own domains are tagged slide, others not', async () => {
    const hrefs = await parseHtml<string[]>(read('vertrieb/update/index.html'), `return [...doc.querySelectorAll('.slides section:not(.updeck-homework) a[href^="https:"]')].map((a) => a.getAttribute('href'))`)
    expect(hrefs).toEqual([`https://www.example.com/werk?${TAGS('slide')}`, 'https://partner.example.net/'])
  })

  it('decks.json shows what the codes encode, tags included', () => {
    const [deck] = JSON.parse(read('decks.json')) as { homework: { url: string; target?: string }[] }[]
    expect(deck!.homework.map((t) => t.url)).toEqual([tagged('qr'), XING, SHARE])
    expect(deck!.homework.some((t) => t.target)).toBe(false)
  })

  it('the homework page\'s buttons are tagged homework-page, its codes are the slide\'s (qr)', async () => {
    const page = await parseHtml<{ buttons: string[]; svgs: string[] }>(
      read('vertrieb/update/homework/index.html'),
      `return { buttons: [...doc.querySelectorAll('a.button')].map((a) => a.getAttribute('href')), svgs: [...doc.querySelectorAll('figure.qr svg')].map((s) => s.outerHTML) }`,
    )
    expect(page.buttons).toEqual([tagged('homework-page'), XING, SHARE])
    expect(page.svgs.map((svg) => decodeSvg(svg, 600))).toEqual([tagged('qr'), XING, SHARE])
  })

  it('the calendar file of a due task links like the homework page it comes from', () => {
    const event = new ICAL.Component(ICAL.parse(read('vertrieb/update/homework/task-1.ics'))).getFirstSubcomponent('vevent')!
    expect(event.getFirstPropertyValue('url')).toBe(tagged('homework-page'))
  })
})

describe('a tagged link that no longer fits the slide', () => {
  /** Long enough that the slide's code, with three tasks, only just holds it untagged. */
  const long = (n: number) => `https://blog.example.com/${'a'.repeat(n)}`

  it('goes through a forwarding page that leads on to the tagged URL', async () => {
    const site = SiteOptions.parse({ siteUrl: 'https://intranet.example.org/decks/' })
    const forwarded = (n: number) => !!parseDeck(DECK.replace(OWN, long(n)), 'vertrieb/update.md', { themes: ['default'], site }).deck!.homework[0]!.forward
    // The longest link the slide shows directly without tags, by bisection with the real fit.
    let [lo, hi] = [1, 3000]
    expect(!forwarded(lo) && forwarded(hi)).toBe(true)
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (forwarded(mid)) hi = mid
      else lo = mid
    }
    const url = long(lo)
    const { root, decksDir } = project({ campaign: { domains: ['example.com'] } })
    writeFileSync(join(decksDir, 'vertrieb/update.md'), DECK.replace(OWN, url))
    const result = await buildTo({ root, decksDir, siteUrl: 'https://intranet.example.org/decks/' })
    expect(result.ok).toBe(true)
    const [deck] = JSON.parse(readFileSync(join(result.outDir, 'decks.json'), 'utf8')) as { homework: { url: string; target?: string }[] }[]
    const task = deck!.homework[0]!
    const target = `${url}?utm_source=updeck&utm_medium=qr&utm_campaign=vertrieb/update`
    expect(task.url).toMatch(/^https:\/\/intranet\.example\.org\/decks\/go\/[0-9a-z]{10}\/$/)
    expect(task.target).toBe(target)
    expect(result.diagnostics.map((d) => d.message)).toEqual([`"Werk lesen" is forwarded through ${task.url} (the link is too long to scan from the back)`])
    const forwarding = readFileSync(join(result.outDir, new URL(task.url).pathname.replace('/decks/', ''), 'index.html'), 'utf8')
    const refresh = await parseHtml<string>(forwarding, `return doc.querySelector('meta[http-equiv="refresh"]').getAttribute('content')`)
    expect(refresh).toBe(`0; url=${target}`)
  }, 120_000)
})
