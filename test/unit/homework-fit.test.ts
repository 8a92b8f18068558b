// Issue 9: every homework fits. Decks as a new user writes them, parsed with and without a site address.
import { describe, expect, it } from 'vitest'
import { layoutHomework } from '../../src/core/homework-layout.ts'
import type { SiteOptionsInput } from '../../src/core/frontmatter.ts'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { qrCode } from '../../src/core/qr.ts'
import { renderHomeworkSlide } from '../../src/core/render-homework.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'

const SENTENCE_55 = 'Unser neues Werk in Leipzig ist eröffnet – schaut rein!'
const PAGE_40 = 'https://example.com/news/werk-leipzig-26'
const SENTENCE_160 = 'Wir sind auf der LogiMAT 2027 in Stuttgart und zeigen unsere neue Verpackungslinie live: 120 Kartons pro Minute, Formatwechsel in unter zehn Minuten. Stand B15!'
const OTHERS = [
  '  - { kind: profile, title: Xing-Profil aktualisieren, url: "https://www.xing.com/profile" }',
  '  - { kind: follow, title: Unserer LinkedIn-Seite folgen, url: "https://www.linkedin.com/company/muster-maschinenbau-gmbh" }',
  '  - { kind: blog, title: Beitrag für den Blog vorschlagen, url: "https://example.com/blog/beitrag-vorschlagen" }',
  '  - { kind: link, title: Umfrage ausfüllen, url: "https://example.com/umfrage/social-media-2027" }',
  '  - { kind: account, title: Mastodon-Konto anlegen, url: "https://mastodon.social/auth/sign_up" }',
]
const share = (network: string, text: string, url: string) => `  - kind: share\n    network: ${network}\n    title: Neuigkeit teilen\n    text: "${text}"\n    url: ${url}`
const deckText = (tasks: string[]) => `---\ntitle: Update\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n${tasks.join('\n')}\n---\n\n# Eins\n`
const parse = (tasks: string[], site: SiteOptionsInput = {}) =>
  parseDeck(deckText(tasks), 'vertrieb/update.md', { themes: THEMES, site: siteConfig({ mastodonInstance: 'mastodon.social', ...site }) })

/** px per module of every code, as the slide draws it: tile ÷ modules. */
function moduleSizes(tasks: string[], site: SiteOptionsInput = {}): number[] {
  const { deck, diagnostics } = parse(tasks, site)
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  const html = renderHomeworkSlide(deck!, undefined)
  return [...html.matchAll(/<svg width="([\d.]+)" height="[\d.]+" [^>]*viewBox="0 0 (\d+) \d+"/g)].map((m) => Number(m[1]) / Number(m[2]))
}

describe('without a site address', () => {
  it('a 3-task deck with a Mastodon share of a 55-character text and a 40-character page builds, every code ≥ 12 px per module', () => {
    expect(SENTENCE_55).toHaveLength(55)
    expect(PAGE_40).toHaveLength(40)
    const sizes = moduleSizes([OTHERS[0]!, share('mastodon', SENTENCE_55, PAGE_40), OTHERS[1]!])
    expect(sizes).toHaveLength(3)
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12)
  })

  it('a 4-task deck with a 160-character share text builds, every code ≥ 8 px per module', () => {
    expect(SENTENCE_160).toHaveLength(160)
    for (const network of ['x', 'mastodon']) {
      const sizes = moduleSizes([share(network, SENTENCE_160, 'https://example.com/news/logimat'), ...OTHERS.slice(0, 3)])
      expect(sizes).toHaveLength(4)
      for (const size of sizes) expect(size, network).toBeGreaterThanOrEqual(8)
    }
  })

  it('6 tasks with a 160-character X share: the build fails, naming the task and --site-url', () => {
    const { deck, diagnostics } = parse([...OTHERS.slice(0, 3), share('x', SENTENCE_160, 'https://example.com/news/logimat'), ...OTHERS.slice(3)])
    expect(deck).toBeUndefined()
    expect(diagnostics).toHaveLength(1)
    const [d] = diagnostics
    expect(`${d!.file}:${d!.line}:${d!.col} ${d!.field}`).toBe('vertrieb/update.md:12:11 homework.4.text')
    expect(d!.message).toMatch(/^too long for a QR code that scans from the back of the room \(\d+ characters, QR version \d+, [\d.]+ px per module where 8 are needed\): use a shorter text \(the code holds about \d+ characters here\), fewer tasks, or --site-url/)
    expect(d!.message).toContain("colleagues' phones must reach that address: an intranet-only site does not help phones on mobile data")
  })
})

describe('with a site address', () => {
  const site = { siteUrl: 'https://intranet.example.com/decks' }
  const tasks = [...OTHERS.slice(0, 3), share('x', SENTENCE_160, 'https://example.com/news/logimat'), ...OTHERS.slice(3)]

  it('the same 6-task deck builds, and only the long share is forwarded, with a notice', () => {
    const { deck, diagnostics } = parse(tasks, site)
    const forwarded = deck!.homework.map((t) => t.forward !== undefined)
    expect(forwarded).toEqual([false, false, false, true, false, false])
    const task = deck!.homework[3]!
    expect(task.target).toMatch(/^https:\/\/intranet\.example\.com\/decks\/go\/[0-9a-z]{10}\/$/)
    expect(task.forward).toMatch(/^https:\/\/x\.com\/intent\/post\?text=Wir%20sind/)
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.field}: ${d.message} (${d.severity})`)).toEqual([
      `vertrieb/update.md:9:5 homework.4: "Neuigkeit teilen" is forwarded through ${task.target} (the share link is too long to scan from the back) (notice)`,
    ])
    for (const size of moduleSizes(tasks, site)) expect(size).toBeGreaterThanOrEqual(8)
  })

  it('the slide prints the forwarding address under that code, whole, to be typed', () => {
    const { deck } = parse(tasks, site)
    const html = renderHomeworkSlide(deck!, undefined)
    const id = /go\/(\w+)\//.exec(deck!.homework[3]!.target)![1]
    expect(html).toContain(`<p class="updeck-link updeck-address"><span class="updeck-url">intranet.example.com/decks/<br>go/${id}</span></p>`)
  })

  it("shortLinks: true forwards every task without a notice; false never, and then it is an error naming shortLinks", () => {
    const all = parse(tasks, { ...site, shortLinks: true })
    expect(all.deck!.homework.every((t) => t.forward)).toBe(true)
    expect(all.diagnostics).toEqual([])
    const none = parse(tasks, { ...site, shortLinks: false })
    expect(none.deck).toBeUndefined()
    expect(none.diagnostics[0]!.message).toContain("or shortLinks: 'auto' in vite.config.ts")
  })
})

describe('the slide draws the layout', () => {
  it('gives each task its cell and each code its tile, all at one module size', () => {
    const { deck } = parse([OTHERS[0]!, share('mastodon', SENTENCE_55, PAGE_40), OTHERS[1]!])
    const html = renderHomeworkSlide(deck!, undefined)
    const layout = layoutHomework(deck!.homework.map((t) => qrCode(t.target, t.qrLevel).modules))
    const cells = [...html.matchAll(/style="left:([\d.]+)px;top:([\d.]+)px;width:([\d.]+)px"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]) }))
    expect(cells).toEqual(layout.cells.map(({ x, y, width }) => ({ x, y, width })))
    expect(html).toContain(`data-rows="1" data-px-per-module="${layout.pxPerModule}"`)
  })

  it('keeps a short link whole beside a due date, or puts the date on its own line where the column is narrow', () => {
    const due = (task: string, date: string) => task.replace(' }', `, due: ${date} }`)
    const { deck } = parse([due(OTHERS[0]!, '2026-12-17'), OTHERS[1]!, OTHERS[2]!, share('x', SENTENCE_160.slice(0, 120), PAGE_40)])
    const html = renderHomeworkSlide(deck!, undefined)
    // Four codes in one row leave the Xing column too narrow for "xing.com/profile · bis 17.12.2026".
    expect(html).toContain('<p class="updeck-link updeck-due-below"><span class="updeck-url">xing.com/profile</span><span class="updeck-due">bis 17.12.2026</span></p>')
    expect(html).toMatch(/<li class="updeck-task updeck-kind-profile updeck-two-lines"/)
    // One task alone has room for both on one line.
    const alone = renderHomeworkSlide(parse([due(OTHERS[0]!, '2026-12-17')]).deck!, undefined)
    expect(alone).toContain('<p class="updeck-link"><span class="updeck-url">xing.com/profile</span> · <span class="updeck-due">bis 17.12.2026</span></p>')
  })
})
