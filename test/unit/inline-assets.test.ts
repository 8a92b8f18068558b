// One-file decks, the string work: inline code that cannot end its element, CSS urls as data:,
// font faces by the characters a deck uses, image tokens, and "did you mean" for deck addresses.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { closeMatches } from '../../src/core/close-matches.ts'
import { dataUri, dropUnusedFontFaces, inlineCssUrls, inlineScript, inlineStyle, parseUnicodeRange } from '../../src/core/inline-assets.ts'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { exportPolicy, renderDeckFile } from '../../src/core/render-deck-file.ts'
import { renderSlides } from '../../src/core/render-slides.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'

const LATIN = '@font-face{font-family:"S";font-weight:400;src:url(./latin.woff2)format("woff2");unicode-range:U+??,U+131,U+2000-206F}'
const LATIN_EXT = '@font-face{font-family:"S";font-weight:400;src:url(./latin-ext.woff2)format("woff2");unicode-range:U+100-2BA,U+1E00-1E9F}'
const NO_RANGE = '@font-face{font-family:"T";src:url(./t.woff2)}'
const CSS = `${LATIN_EXT}${LATIN}${NO_RANGE}body{font-family:S}`

describe('inlineScript and inlineStyle', () => {
  it.each([
    ['a string that closes the element', 'x="</script>"', 'x="<\\/script>"'],
    ['upper case, as the HTML parser reads it', 'x="</SCRIPT >"', 'x="<\\/SCRIPT >"'],
    ['a regular expression', '/<\\/script/.test(a)||/<\/script>/', '/<\\/script/.test(a)||/<\\/script>/'],
    ['an HTML comment opener, which would start the parser\'s escaped state', 'x="<!--<script>"', 'x="\\x3C!--<script>"'],
  ])('%s', (_, js, safe) => {
    expect(inlineScript(js)).toBe(safe)
    // Still the same program: the escaped string means the same characters.
    if (js.startsWith('x=')) expect(new Function(`let x;${inlineScript(js)};return x`)()).toBe(new Function(`let x;${js};return x`)())
  })

  it('a stylesheet cannot close its <style>', () => {
    expect(inlineStyle('a::after{content:"</style><script>"}')).toBe('a::after{content:"<\\/style><script>"}')
  })
})

describe('parseUnicodeRange', () => {
  it.each([
    ['U+0100-02BA', [[0x100, 0x2ba]]],
    ['U+??', [[0, 0xff]]],
    ['u+4??, U+131', [[0x400, 0x4ff], [0x131, 0x131]]],
    ['U+20A0-20AB,U+20AD-20C4', [[0x20a0, 0x20ab], [0x20ad, 0x20c4]]],
  ])('%s', (value, ranges) => expect(parseUnicodeRange(value)).toEqual(ranges))

  it('an unreadable range is undefined, so that its face is kept', () => {
    expect(parseUnicodeRange('U+1?-20')).toBeUndefined()
    expect(parseUnicodeRange('latin')).toBeUndefined()
  })
})

describe('dropUnusedFontFaces', () => {
  it('German text needs the latin subset only (ä, ß and – are in it)', () => {
    expect(dropUnusedFontFaces(CSS, 'Größe – Übersicht')).toBe(`${LATIN}${NO_RANGE}body{font-family:S}`)
  })

  it('Polish text needs latin and latin-ext', () => {
    expect(dropUnusedFontFaces(CSS, 'Łódź')).toBe(CSS)
  })

  it('text of neither subset keeps only the face without a range', () => {
    expect(dropUnusedFontFaces(CSS, '営業')).toBe(`${NO_RANGE}body{font-family:S}`)
  })
})

describe('inlineCssUrls', () => {
  it('replaces relative urls, keeps data: URIs and fragment references', () => {
    const css = 'a{background:url(data:image/gif;base64,R0)}b{src:url("./f.woff2")}c{mask:url(#m)}'
    expect(inlineCssUrls(css, (ref) => (ref === './f.woff2' ? 'data:font/woff2;base64,AA' : undefined))).toBe(
      'a{background:url(data:image/gif;base64,R0)}b{src:url(data:font/woff2;base64,AA)}c{mask:url(#m)}',
    )
  })

  it('throws on a file it cannot inline: a one-file page must not request it', () => {
    expect(() => inlineCssUrls('a{background:url(https://example.com/x.png)}', () => undefined)).toThrow('"https://example.com/x.png", which cannot be inlined')
  })

  it('dataUri encodes bytes as base64', () => {
    expect(dataUri('image/png', new Uint8Array([1, 2, 3]))).toBe('data:image/png;base64,AQID')
  })
})

describe('renderDeckFile', () => {
  const deckText = (body: string) => `---\ntitle: Bilder\ndate: 2026-12-03\naudience: Test\nhomework:\n  - { kind: link, title: Lesen, url: "https://example.com" }\n---\n\n${body}\n`
  const render = (body: string, images: Record<string, string>) => {
    const deck = parseDeck(deckText(body), 'team/bilder.md', { themes: THEMES, site: siteConfig() }).deck!
    const ctx = { site: siteConfig(), base: '/', today: '2026-12-01', stamp: '20261201T000000Z', assets: { deckJs: [], deckCss: {}, pageCss: [], image: () => '' } }
    return renderDeckFile(deck, renderSlides(deck), ctx, { js: 'console.log("</script>")', css: 'body{}', images: new Map(Object.entries(images)) })
  }

  it('puts each image in as its data: URI, also when the deck\'s text looks like the renderer\'s tokens', () => {
    const html = render('![A](img/a.png) updeck-inline-image-0. ![B](img/b.svg)\n\n[x](updeck-inline-image-1.)', { 'team/img/a.png': 'data:image/png;base64,AA', 'team/img/b.svg': 'data:image/svg+xml;base64,BB' })
    expect(html).toContain('<img src="data:image/png;base64,AA" alt="A">')
    expect(html).toContain('<img src="data:image/svg+xml;base64,BB" alt="B">')
    expect(html).toContain('updeck-inline-image-0. ')
    expect(html).toContain('href="updeck-inline-image-1."')
  })

  it('allows exactly its one script by hash', () => {
    const html = render('# Hallo', {})
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1]!
    expect(script).toBe('console.log("<\\/script>")')
    expect(exportPolicy(script)).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`)
    expect(html).toContain(exportPolicy(script))
  })

})

describe('closeMatches', () => {
  const known = ['engineering/2027-01-14-tech-blog', 'personal/2026-12-10-employer-branding', 'vertrieb/2026-12-03-social-media-update']
  it.each([
    ['vertrieb/social-media-update', ['vertrieb/2026-12-03-social-media-update']],
    ['vertrieb/2026-12-03-social-media-updat', ['vertrieb/2026-12-03-social-media-update']],
    ['engineering', ['engineering/2027-01-14-tech-blog']],
    ['personal/2026-12-10-employer-branding.md', ['personal/2026-12-10-employer-branding']],
    ['marketing/launch', []],
  ])('%s', (given, expected) => expect(closeMatches(given, known)).toEqual(expected))
})
