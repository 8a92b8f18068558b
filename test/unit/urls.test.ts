// displayUrl: the short label under a QR code and on a homework button; siteHref: links between pages.
import { describe, expect, it } from 'vitest'
import { displayUrl, siteHref } from '../../src/core/urls.ts'

/** `example.com/` plus 27 letters: the 40th character of the label is the first of `tail`. */
const at40 = (tail: string) => `https://example.com/${'a'.repeat(27)}${tail}`

describe('displayUrl', () => {
  it.each([
    ['host and path, without www and trailing slash', 'https://www.example.com/news/', 'example.com/news'],
    ['an internationalised domain and an encoded path, readable', 'https://xn--bcher-kva.example/Stra%C3%9Fe', 'bücher.example/Straße'],
    ['a label of 42 characters, whole', at40('bbb'), `example.com/${'a'.repeat(27)}bbb`],
    ['a longer label, cut to 40 characters and …', at40('bbbb'), `example.com/${'a'.repeat(27)}b…`],
    ['42 characters but more UTF-16 units (an emoji last), whole', at40('bb😀'), `example.com/${'a'.repeat(27)}bb😀`],
    ['a long label of emoji, cut after 40 characters', at40('😀'.repeat(30)), `example.com/${'a'.repeat(27)}😀…`],
    ['an emoji at the cut, kept whole (not half a surrogate pair)', at40('😀-und-noch-mehr'), `example.com/${'a'.repeat(27)}😀…`],
    ['a family emoji (ZWJ sequence) at the cut, kept whole', at40('👩‍👩‍👧-und-noch-mehr'), `example.com/${'a'.repeat(27)}👩‍👩‍👧…`],
    ['a letter with a combining accent at the cut, kept with its accent', at40('e\u0301-und-noch-mehr'), `example.com/${'a'.repeat(27)}e\u0301…`],
    ['a flag (two regional indicators) at the cut, kept whole', at40('🇩🇪-und-noch-mehr'), `example.com/${'a'.repeat(27)}🇩🇪…`],
  ])('%s', (_name, url, expected) => {
    const label = displayUrl(url)
    expect(label).toBe(expected)
    // No lone surrogate: half an emoji shows as �.
    expect(label).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
  })
})

describe('siteHref', () => {
  it.each([
    ['the index from a deck, by its file (a folder link from file:// shows a listing)', './', 'vertrieb/x/index.html', '', '../../index.html'],
    ['a homework page from the index', './', 'index.html', 'vertrieb/x/homework/', 'vertrieb/x/homework/index.html'],
    ['an asset from a homework page', './', 'vertrieb/x/homework/index.html', 'assets/page.css', '../../../assets/page.css'],
    ['a deck named in another script, percent-encoded', './', 'index.html', 'עדכון/', '%D7%A2%D7%93%D7%9B%D7%95%D7%9F/index.html'],
    ['under a base path: the folder address, as a server serves it', '/intern/decks/', 'index.html', 'vertrieb/x/', '/intern/decks/vertrieb/x/'],
    ['the root under a base path', '/intern/decks/', 'vertrieb/x/index.html', '', '/intern/decks/'],
  ])('%s', (_name, base, from, target, expected) => {
    expect(siteHref(base, from, target)).toBe(expected)
  })
})
