// Property-based tests: whatever text a deck holds, parsing never throws, every diagnostic points
// into the file, and no page runs script from it (issue 8, item 12). `npm test` runs a fixed seed;
// `npm run fuzz` runs FUZZ_RUNS cases from a random seed, which fast-check prints on failure.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildSite } from '../../src/core/build-site.ts'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { renderSlides } from '../../src/core/render-slides.ts'
import { splitDeck } from '../../src/core/split-deck.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'
import { deckText, hostileText } from './fuzz-arbitraries.ts'

const runs = Number(process.env.FUZZ_RUNS ?? 300)
const params = process.env.FUZZ_RUNS ? { numRuns: runs } : { numRuns: runs, seed: 20261208 }
/** Long runs get time in proportion (vitest's default is a minute per test). */
const timeout = Math.max(60_000, runs * 100)
const site = siteConfig({ siteUrl: 'https://intranet.example.com/decks/', mastodonInstance: 'mastodon.social' })
const ctx = { themes: THEMES, site }
const assets = { deckJs: ['assets/deck.js'], deckCss: { default: ['assets/deck.css'] }, pageCss: ['assets/page.css'], image: (p: string) => `assets/${p}` }

const fileLines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length

function expectInFile(text: string, diagnostics: { line: number; col: number }[]): void {
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1)
    expect(d.line).toBeLessThanOrEqual(fileLines(text))
    expect(d.col).toBeGreaterThanOrEqual(1)
  }
}

/** Decodes what a browser would in an attribute value, then strips what URL parsing ignores. */
function attributeUrl(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&colon;/gi, ':').replace(/&tab;|&newline;/gi, '').replace(/&amp;/g, '&')
    .replace(/[\u0000-\u0020]/g, '')
    .toLowerCase()
}

/** Every real tag of the page (escaped text has no `<`) with its attributes. */
function* tags(html: string): Generator<{ name: string; attrs: [string, string][] }> {
  for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const attrs = [...tag[2]!.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)]
    yield { name: tag[1]!.toLowerCase(), attrs: attrs.map((a) => [a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']) }
  }
}

function expectNoScript(html: string): void {
  // Our own deck script is the one script a page may hold.
  const page = html.replace(/<script defer src="[^"]*assets\/deck\.js"><\/script>/g, '')
  expect(page).not.toMatch(/<script/i)
  for (const { name, attrs } of tags(page)) {
    expect(['script', 'iframe', 'object', 'embed', 'base', 'form']).not.toContain(name)
    for (const [attr, value] of attrs) {
      expect(attr, `<${name} ${attr}=…>`).not.toMatch(/^on/)
      if (/^(href|src|xlink:href|action|formaction|data)$/.test(attr)) expect(attributeUrl(value), `<${name} ${attr}="${value}">`).not.toMatch(/^(javascript|vbscript):/)
    }
  }
}

describe('any deck text', () => {
  it('splitDeck never throws and every slide starts inside the file', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const split = splitDeck(text)
        const lines = 'yaml' in split ? split.slides.map((s) => ({ line: s.line, col: 1 })) : [split]
        expectInFile(text, lines)
      }),
      params,
    )
  }, timeout)

  it('parseDeck never throws and every diagnostic points into the file', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, deckText), (text) => {
        const parsed = parseDeck(text, 'x.md', ctx)
        expectInFile(text, parsed.diagnostics)
        if (parsed.deck) expectInFile(text, renderSlides(parsed.deck).diagnostics)
      }),
      params,
    )
  }, timeout)

  it('no page built from a deck that parses holds script, an on… attribute or a javascript: URL from it', () => {
    fc.assert(
      fc.property(deckText, (text) => {
        const parsed = parseDeck(text, 'x.md', ctx)
        if (!parsed.deck) return
        const rendered = renderSlides(parsed.deck)
        const pages = buildSite([{ deck: parsed.deck, rendered }], { site, base: '/', today: '2026-12-05', stamp: '20261205T000000Z', assets })
        for (const page of pages.filter((p) => p.path.endsWith('.html'))) expectNoScript(page.content)
      }),
      params,
    )
  }, timeout)

  it('the generators do reach decks that parse, with hostile values', () => {
    const samples = fc.sample(deckText, { numRuns: 200, seed: 1 })
    expect(samples.filter((t) => parseDeck(t, 'x.md', ctx).deck).length).toBeGreaterThan(40)
  })
})
