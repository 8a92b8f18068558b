// What the fuzzer found, kept as plain cases: each once threw from the core or let input steer output.
import { describe, expect, it } from 'vitest'
import { buildSite } from '../../src/core/build-site.ts'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { renderSlides } from '../../src/core/render-slides.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'

const site = siteConfig()
const assets = { deckJs: ['assets/deck.js'], deckCss: { default: ['assets/deck.css'] }, pageCss: ['assets/page.css'], image: (p: string) => `assets/${p}` }
const deck = (body: string, task = '  - kind: profile\n    title: X\n    url: https://www.xing.com/profile') =>
  `---\ntitle: T\ndate: 2026-12-03\naudience: A\nhomework:\n${task}\n---\n\n${body}\n`
const parse = (text: string) => parseDeck(text, 'x.md', { themes: THEMES, site })

describe('fuzzer findings', () => {
  it('a character reference beyond Unicode in a link is refused, not thrown', () => {
    const { deck: parsed } = parse(deck('[x](&#x110000;)'))
    expect(renderSlides(parsed!).diagnostics.map((d) => d.message)).toEqual([])
    expect(() => renderSlides(parse(deck('[x](&#99999999999;javascript:alert(1))')).deck!)).not.toThrow()
  })

  it('half an emoji in a share text is a diagnostic, not an exception', () => {
    const text = deck('# x', '  - kind: share\n    network: x\n    title: Teilen\n    text: "Neu \\uD83D"\n    url: https://example.com/news')
    expect(parse(text).diagnostics.map((d) => d.field)).toEqual(['homework.1.text'])
  })

  it('a title attribute that looks like an image marker stays text', () => {
    for (const title of ['__UPDECK_ASSET__%__', '__UPDECK_ASSET__..%2Fsecret__']) {
      const parsed = parse(deck(`![x](a.png "${title}")`)).deck!
      const pages = buildSite([{ deck: parsed, rendered: renderSlides(parsed) }], { site, base: '/', today: '2026-12-05', stamp: '20261205T000000Z', assets })
      expect(pages.find((p) => p.path === 'x/index.html')!.content).toContain(`<img src="/assets/a.png" alt="x" title="${title}">`)
    }
  })
})
