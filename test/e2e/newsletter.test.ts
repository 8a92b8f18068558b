// Newsletter snippets and the page script (issue 12, items 2 and 4): newsletter.html read by a real
// HTML parser, newsletter.txt, the one notice without a site address; in Chromium the homework
// page's copy button (read back from the clipboard) and the index's department filter and title search.
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { shareUrl } from '../../src/core/share-url.ts'
import { dev } from '../../src/index.ts'
import { launchBrowser, watchPage } from '../helpers/browser.ts'
import { buildTo, listFiles, tempDir, TODAY } from '../helpers/build-fixture.ts'
import { serveDir, type StaticServer } from '../helpers/serve.ts'
import { ROOT } from '../helpers/site.ts'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const SITE = 'https://intranet.example.com/decks/'
const VERTRIEB = 'vertrieb/2026-12-03-social-media-update'
const ENGLISH = 'team/release'
/** An English deck with a slide without a heading, markup in a heading, a XING share task and long German compounds. */
const ENGLISH_DECK = `---
title: Release 2.0 & what comes next
date: 2026-12-20
audience: Team
lang: en
homework:
  - kind: share
    network: xing
    title: Share the release
    text: Release 2.0 is out
    url: https://example.com/release
    due: 2026-12-24
  - kind: link
    title: Rechtsschutzversicherungsgesellschaftenangestelltenvertretungsleitfaden
    url: https://example.com/leitfaden
---

# Release 2.0

Out now.

---

Just a paragraph, no heading.

---

## Roadmap *2027*

---

# Rechtsschutzversicherungsgesellschaftenangestelltenvertretung
`

const run = promisify(execFile)

/** Every element under `node`, a <template>'s content included. */
function elements(node: Node): Element[] {
  const found: Element[] = []
  const walk = (n: Node) => {
    if ('tagName' in n) found.push(n)
    if ('childNodes' in n) n.childNodes.forEach(walk)
    if ('content' in n && n.content) walk(n.content)
  }
  walk(node)
  return found
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value
const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '')

interface DeckTask { kind: string; url: string; network?: 'linkedin' | 'x' | 'xing' | 'mastodon'; text?: string }

/** What each task's button must open, from the deck file itself: its URL, or its share intent. */
function taskLinks(decksDir: string, slug: string): string[] {
  const file = readFileSync(join(decksDir, `${slug}.md`), 'utf8')
  const front = parseYaml(/^---\n([^]*?)\n---/.exec(file)![1]!) as { homework: DeckTask[] }
  return front.homework.map((t) => (t.kind === 'share' ? shareUrl(t.network!, t.text!, t.url) : new URL(t.url).href))
}

let decksDir: string
let withSite: string
let noSite: string
let noSiteStderr: string
let withSiteNotes: string[] | undefined
let slugs: string[]

beforeAll(async () => {
  decksDir = join(tempDir('newsletter'), 'decks')
  cpSync(join(ROOT, 'decks'), decksDir, { recursive: true })
  mkdirSync(join(decksDir, 'team'))
  writeFileSync(join(decksDir, `${ENGLISH}.md`), ENGLISH_DECK)
  // Relative links (base ./): the same build serves from 127.0.0.1 and opens from file://.
  const built = await buildTo({ decksDir, base: './', siteUrl: SITE })
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  withSite = built.outDir
  withSiteNotes = built.notes
  // Through the command line, to count what it prints.
  noSite = join(tempDir('newsletter-nosite'), 'site')
  const cli = await run(process.execPath, ['src/cli/run.mjs', 'src/cli/main.ts', 'build', '--decks', decksDir, '--out', noSite, '--today', TODAY], { cwd: ROOT })
  noSiteStderr = cli.stderr
  slugs = listFiles(noSite).filter((f) => f.endsWith('/newsletter.html')).map((f) => f.slice(0, -'/newsletter.html'.length))
}, 120_000)

describe('newsletter.html, read by an HTML parser', () => {
  it('exists for every deck, beside newsletter.txt', () => {
    expect(slugs.sort()).toEqual(['engineering/2027-01-14-tech-blog', 'personal/2026-12-10-employer-branding', ENGLISH, VERTRIEB])
    for (const out of [withSite, noSite]) for (const slug of slugs) expect(listFiles(out)).toContain(`${slug}/newsletter.txt`)
  })

  for (const [label, out] of [['with a site address', () => withSite], ['without one', () => noSite]] as const) {
    it(`is e-mail-safe ${label}: no script, style or link, inline styles only, 600 px, web-safe fonts, bgcolor beside each background`, () => {
      for (const slug of slugs) {
        const all = elements(parse(readFileSync(join(out(), slug, 'newsletter.html'), 'utf8')))
        const names = new Set(all.map((e) => e.tagName))
        for (const banned of ['script', 'style', 'link', 'iframe', 'object', 'embed', 'form', 'img']) expect(names, `${slug} <${banned}>`).not.toContain(banned)
        for (const el of all) {
          expect(attr(el, 'class'), `${slug} <${el.tagName} class>`).toBeUndefined()
          expect(el.attrs.filter((a) => a.name.startsWith('on')).map((a) => a.name), slug).toEqual([])
          const style = attr(el, 'style') ?? ''
          expect(style, slug).not.toMatch(/url\(|@import|@font-face/i)
          for (const [, fonts] of style.matchAll(/font-family:([^;]*)/g)) expect(fonts!.split(',').map((f) => f.trim()), slug).toEqual(['Arial', 'Helvetica', 'sans-serif'])
          // Outlook's Word engine ignores background-color in CSS on cells; it reads bgcolor.
          const background = /background-color:(#[0-9a-f]{6})/i.exec(style)?.[1]
          if (background) expect(attr(el, 'bgcolor'), `${slug} <${el.tagName}>`).toBe(background)
        }
        const snippet = all.find((e) => e.tagName === 'table' && attr(e, 'width') === '600')!
        expect(snippet, slug).toBeDefined()
        expect(attr(snippet, 'style')).toContain('width:600px')
      }
    })
  }

  it('lists each slide\'s first heading as a bullet, in order, skipping slides without one', () => {
    for (const slug of slugs) {
      const slides = elements(parse(readFileSync(join(withSite, slug, 'index.html'), 'utf8'))).filter((e) => e.tagName === 'section' && attr(e, 'data-line'))
      const headings = slides.flatMap((s) => {
        const h = elements(s).find((e) => /^h[1-6]$/.test(e.tagName))
        return h ? [text(h).replace(/\s+/g, ' ').trim()] : []
      })
      const bullets = elements(parse(readFileSync(join(withSite, slug, 'newsletter.html'), 'utf8'))).filter((e) => e.tagName === 'li').map((li) => text(li))
      expect(bullets, slug).toEqual(headings)
      expect(bullets.length, slug).toBeGreaterThan(1)
    }
    const english = elements(parse(readFileSync(join(withSite, ENGLISH, 'newsletter.html'), 'utf8'))).filter((e) => e.tagName === 'li').map(text)
    expect(english).toEqual(['Release 2.0', 'Roadmap 2027', 'Rechtsschutzversicherungsgesellschaftenangestelltenvertretung'])
  })

  it('with a site address: every link is absolute https:, each task a button to its link (a share task to its share intent), and the deck and homework page are linked', () => {
    for (const slug of slugs) {
      const links = elements(parse(readFileSync(join(withSite, slug, 'newsletter.html'), 'utf8'))).filter((e) => e.tagName === 'a')
      const hrefs = links.map((a) => attr(a, 'href')!)
      for (const href of hrefs) expect(new URL(href).protocol, `${slug}: ${href}`).toBe('https:')
      const buttons = links.filter((a) => attr(a.parentNode as Element, 'bgcolor')).map((a) => attr(a, 'href'))
      expect(buttons, slug).toEqual(taskLinks(decksDir, slug))
      const site = hrefs.filter((h) => h.startsWith(SITE))
      expect(new Set(site), slug).toEqual(new Set([`${SITE}${slug}/`, `${SITE}${slug}/homework/`]))
      expect(hrefs.length, slug).toBe(buttons.length + site.length)
    }
  })

  it('without a site address: the task buttons only, no link to the site, and no relative link', () => {
    for (const slug of slugs) {
      const hrefs = elements(parse(readFileSync(join(noSite, slug, 'newsletter.html'), 'utf8'))).filter((e) => e.tagName === 'a').map((a) => attr(a, 'href')!)
      expect(hrefs, slug).toEqual(taskLinks(decksDir, slug))
      for (const href of hrefs) expect(new URL(href).protocol, href).toBe('https:')
    }
  })

  it('speaks the deck\'s language', () => {
    const german = readFileSync(join(withSite, VERTRIEB, 'newsletter.html'), 'utf8')
    expect(german).toContain('Die Themen')
    expect(german).toContain('Auf LinkedIn teilen')
    expect(german).toContain('Präsentation ansehen')
    const english = readFileSync(join(withSite, ENGLISH, 'newsletter.html'), 'utf8')
    expect(english).toContain('<html lang="en">')
    expect(english).toContain('Share on XING')
    expect(english).toContain('by Thu, 24 Dec 2026')
    expect(english).toContain('Release 2.0 &amp; what comes next')
  })
})

describe('newsletter.txt', () => {
  it('has the title, the headings as "- " bullets and every task\'s link, wrapped at 72 columns (a word is never cut)', () => {
    for (const [out, site] of [[withSite, true], [noSite, false]] as const) {
      for (const slug of slugs) {
        const txt = readFileSync(join(out, slug, 'newsletter.txt'), 'utf8')
        const bullets = elements(parse(readFileSync(join(out, slug, 'newsletter.html'), 'utf8'))).filter((e) => e.tagName === 'li').map(text)
        // Longer only where one word is: a link, or a German compound.
        for (const line of txt.split('\n')) if (!line.includes('https://') && !/^(- | {2})?\S+$/.test(line)) expect(line.length, `${slug}: ${line}`).toBeLessThanOrEqual(72)
        for (const bullet of bullets) expect(txt.replace(/\n {2}/g, ' '), slug).toContain(`- ${bullet}`)
        for (const link of taskLinks(decksDir, slug)) expect(txt, slug).toContain(link)
        expect(txt.includes(`${SITE}${slug}/`), slug).toBe(site)
        expect(txt.includes('http://'), slug).toBe(false)
      }
    }
    const english = readFileSync(join(noSite, ENGLISH, 'newsletter.txt'), 'utf8')
    expect(english).toMatch(/^Release 2\.0 & what comes next\nTeam · Sun, 20 Dec 2026/)
    expect(english).toContain('\n- Share the release (Share a post · by Thu, 24 Dec 2026)\n  This is the text you share: “Release 2.0 is out”\n  Share on XING: https://www.xing.com/spi/shares/new?url=https%3A%2F%2Fexample.com%2Frelease\n')
  })
})

describe('without a site address', () => {
  it('the build says once, not once per deck, that the snippets leave the site\'s links out', () => {
    expect(slugs.length).toBe(4)
    expect(noSiteStderr.match(/newsletter snippets/g)).toHaveLength(1)
    expect(noSiteStderr).toMatch(/leave out the links to the presentation and its homework page.*set --site-url/)
    expect(withSiteNotes).toEqual([])
  })
})

describe('in Chromium', () => {
  let browser: Browser
  let server: StaticServer
  const contexts: BrowserContext[] = []
  const open = async (options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })
    contexts.push(context)
    return context.newPage()
  }
  const visibleTitles = (page: Page) => page.locator('li.deck:visible h4').allInnerTexts()
  const readClipboard = (page: Page) =>
    page.evaluate(async () => {
      const [item] = await navigator.clipboard.read()
      return { types: [...item!.types], html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() }
    })

  beforeAll(async () => {
    server = await serveDir(withSite)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  for (const where of ['served', 'file://'] as const) {
    it(`the homework page's "copy for newsletter" button puts the snippet on the clipboard as HTML and as text (${where})`, async () => {
      const url = where === 'served' ? `${server.url}${VERTRIEB}/homework/` : pathToFileURL(join(withSite, VERTRIEB, 'homework/index.html')).href
      const page = await open({ permissions: ['clipboard-read', 'clipboard-write'] })
      const watch = watchPage(page)
      await page.goto(url)
      await page.getByRole('button', { name: 'Für den Newsletter kopieren' }).click()
      await expect.poll(() => page.locator('.copy-status').innerText()).toBe('Kopiert')
      const clip = await readClipboard(page)
      expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']))
      expect(clip.text).toBe(readFileSync(join(withSite, VERTRIEB, 'newsletter.txt'), 'utf8'))
      const pasted = elements(parse(clip.html))
      expect(pasted.some((e) => e.tagName === 'table' && attr(e, 'width') === '600')).toBe(true)
      expect(pasted.filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'))).toEqual(expect.arrayContaining([...taskLinks(decksDir, VERTRIEB), `${SITE}${VERTRIEB}/`]))
      for (const banned of ['script', 'link']) expect(pasted.map((e) => e.tagName)).not.toContain(banned)
      expect(watch.errors).toEqual([])
      expect(watch.foreignRequests.filter((u) => !u.startsWith('file:'))).toEqual([])
    })
  }

  it('without the async clipboard API the button copies a selected copy of the snippet instead', async () => {
    const page = await open({ permissions: ['clipboard-read', 'clipboard-write'] })
    await page.addInitScript(() => {
      delete (window as { ClipboardItem?: unknown }).ClipboardItem
    })
    await page.goto(`${server.url}${VERTRIEB}/homework/`)
    await page.getByRole('button', { name: 'Für den Newsletter kopieren' }).click()
    await expect.poll(() => page.locator('.copy-status').innerText()).toBe('Kopiert')
    const clip = await readClipboard(page)
    expect(clip.text).toContain('Social Media im Vertrieb – Update Dezember')
    expect(elements(parse(clip.html)).filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'))).toEqual(expect.arrayContaining(taskLinks(decksDir, VERTRIEB)))
  })

  it('from file:// with the clipboard refused and copying blocked, the button says so, without an uncaught error', async () => {
    const page = await open()
    const watch = watchPage(page)
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { write: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) } })
      document.execCommand = () => {
        throw new DOMException('blocked', 'SecurityError')
      }
    })
    await page.goto(pathToFileURL(join(withSite, VERTRIEB, 'homework/index.html')).href)
    await page.getByRole('button', { name: 'Für den Newsletter kopieren' }).click()
    await expect.poll(() => page.locator('.copy-status').innerText()).toMatch(/^Kopieren nicht möglich/)
    expect(watch.errors).toEqual([])
  })

  it('newsletter.html stays 600 px wide, even with long German compounds in a heading and a task', async () => {
    const page = await open({ viewport: { width: 800, height: 900 } })
    for (const slug of slugs) {
      await page.goto(`${server.url}${slug}/newsletter.html`)
      const width = await page.locator('table[width="600"]').evaluate((t) => t.getBoundingClientRect().width)
      expect(width, slug).toBe(600)
      expect(await page.locator('li', { hasText: 'Rechtsschutz' }).count()).toBe(slug === ENGLISH ? 1 : 0)
    }
  })

  it('the index filters its cards by department and searches their titles, and remembers both in the address', async () => {
    const page = await open()
    const watch = watchPage(page)
    await page.goto(server.url)
    const all = await visibleTitles(page)
    expect(all).toHaveLength(4)
    await page.getByLabel('Titel suchen').fill('social')
    expect(await visibleTitles(page)).toEqual(['Social Media im Vertrieb – Update Dezember'])
    await page.getByLabel('Titel suchen').fill('')
    await page.getByLabel('Abteilung').selectOption('Team')
    expect(await visibleTitles(page)).toEqual(['Release 2.0 & what comes next'])
    // Case and accents do not count: "RELEASE" finds it, a word from another title does not.
    await page.getByLabel('Titel suchen').fill('RELEASE')
    expect(await visibleTitles(page)).toEqual(['Release 2.0 & what comes next'])
    await page.getByLabel('Titel suchen').fill('Vertrieb')
    expect(await visibleTitles(page)).toEqual([])
    expect(await page.locator('p.no-match').isVisible()).toBe(true)
    expect(new URL(page.url()).hash).toBe('#department=Team&q=Vertrieb')
    // A department's heading goes with its last card.
    await page.getByLabel('Titel suchen').fill('')
    expect(await page.locator('section.audience:visible h3').allTextContents()).toEqual(['Team'])
    await page.reload()
    expect(await page.getByLabel('Abteilung').inputValue()).toBe('Team')
    expect(await visibleTitles(page)).toEqual(['Release 2.0 & what comes next'])
    await page.getByLabel('Abteilung').selectOption('')
    expect((await visibleTitles(page)).sort()).toEqual(all.sort())
    expect(watch.errors).toEqual([])
  })

  it('the filter works from file:// too', async () => {
    const page = await open()
    const watch = watchPage(page)
    await page.goto(`${pathToFileURL(join(withSite, 'index.html')).href}#department=Vertrieb`)
    expect(await visibleTitles(page)).toEqual(['Social Media im Vertrieb – Update Dezember'])
    await page.getByLabel('Abteilung').selectOption('Personal')
    expect(await visibleTitles(page)).toHaveLength(1)
    expect(await visibleTitles(page)).not.toContain('Social Media im Vertrieb – Update Dezember')
    expect(watch.errors).toEqual([])
  })

  it('a broken address (a cut percent sequence, a lone %) neither throws nor hides cards', async () => {
    const page = await open()
    const watch = watchPage(page)
    const index = pathToFileURL(join(withSite, 'index.html')).href
    for (const hash of ['#department=%E0%A4%A', '#%', '#department=%FF%&q', '#department=Nirgendwo']) {
      await page.goto(`${index}${hash}`)
      await page.reload() // a navigation to another hash of the same page would only fire hashchange
      expect(await visibleTitles(page), hash).toHaveLength(4)
      expect(await page.getByLabel('Abteilung').inputValue(), hash).toBe('')
    }
    expect(watch.errors).toEqual([])
  })

  it('the dev server serves the same page script: the filter and the copy button work there', async () => {
    const server = await dev({ root: ROOT, decksDir, today: TODAY, port: 6200 + Math.floor(Math.random() * 300) })
    try {
      const url = server.resolvedUrls!.local[0]!
      const page = await open({ permissions: ['clipboard-read', 'clipboard-write'] })
      const watch = watchPage(page)
      await page.goto(url)
      await page.getByLabel('Titel suchen').fill('tech blog')
      expect(await visibleTitles(page)).toEqual(['Writing for the Muster Tech Blog'])
      await page.goto(`${url}${VERTRIEB}/homework/`)
      await page.getByRole('button', { name: 'Für den Newsletter kopieren' }).click()
      await expect.poll(() => page.locator('.copy-status').innerText()).toBe('Kopiert')
      expect((await readClipboard(page)).text).toContain('Social Media im Vertrieb – Update Dezember')
      expect(watch.errors).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('without JavaScript every card shows, no dead control, and the homework page links the snippet\'s files', async () => {
    const page = await open({ javaScriptEnabled: false })
    await page.goto(`${server.url}#department=Team&q=release`)
    expect(await visibleTitles(page)).toHaveLength(4)
    expect(await page.getByLabel('Titel suchen').isVisible()).toBe(false)
    await page.goto(`${server.url}${VERTRIEB}/homework/`)
    expect(await page.getByRole('button', { name: 'Für den Newsletter kopieren' }).isVisible()).toBe(false)
    await page.getByRole('link', { name: 'newsletter.html' }).click()
    expect(page.url()).toBe(`${server.url}${VERTRIEB}/newsletter.html`)
    expect(await page.locator('h1').innerText()).toBe('Social Media im Vertrieb – Update Dezember')
  })
})
