// The newsletter's pure parts: headings taken from rendered slides, and text wrapped at 72 columns.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5'
import type { Deck, Task } from '../../src/core/model.ts'
import { newsletterNotes, newsletterSnippet, slideHeadings, textColumns, wrapText } from '../../src/core/render-newsletter.ts'
import { shareUrl } from '../../src/core/share-url.ts'
import type { RenderedSlides } from '../../src/core/render-slides.ts'
import { siteConfig } from '../helpers/site.ts'

const slides = (...html: string[]): RenderedSlides => ({ slides: html.map((h, i) => ({ line: i + 1, html: h, notesHtml: '', words: 1 })), details: [], images: [], diagnostics: [] })

describe('slideHeadings', () => {
  it('takes the first heading of each slide as text, and skips slides without one', () => {
    const rendered = slides(
      '<h1>Q4 &amp; <em>2027</em></h1>\n<h2>not this</h2>',
      '<p>No heading here</p>',
      '<p>Text first</p>\n<h3 id="x">Then  a\nheading</h3>',
      '<pre><code>&lt;h1&gt;code, not a heading&lt;/h1&gt;</code></pre>',
      '<h2><img src="x.png" alt=""></h2>',
    )
    expect(slideHeadings(rendered)).toEqual(['Q4 & 2027', 'Then a heading'])
  })
})

describe('wrapText', () => {
  it('keeps every line within 72 columns unless one word is longer, and keeps every word in order', () => {
    const word = fc.stringMatching(/^[a-zäöü][a-zäöü:/.?=%&-]{0,89}$/)
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), (words) => {
        const wrapped = wrapText(words.join(' '), '- ', '  ')
        for (const line of wrapped.split('\n')) if (line.length > 72) expect(line).toMatch(/^(- | {2})\S+$/)
        expect(wrapped.slice(2).split(/\s+/)).toEqual(words)
      }),
      { numRuns: 300, seed: 12 },
    )
  })

  it('counts columns as a mail client shows them: CJK breaks between its characters within 72, emoji count two, not their UTF-16 length', () => {
    const japanese = '日本語のタイトルとても長いテキストがここに入ります。日本語のタイトルとても長いテキスト'
    const lines = wrapText(`<script>x</script> ${japanese} (Folgen)`, '- ', '  ').split('\n')
    for (const line of lines) expect(textColumns(line), line).toBeLessThanOrEqual(72)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.every((l) => !l.startsWith('  。'))).toBe(true) // no line starts with a full stop
    expect(lines.map((l) => l.slice(2)).join('')).toBe(`<script>x</script> ${japanese} (Folgen)`) // every character kept, in order
    expect(textColumns('日本')).toBe(4)
    // A family (ZWJ sequence) and a flag take two columns each, though their UTF-16 lengths are 8 and 4.
    expect(textColumns('👩‍👩‍👧 🇩🇪')).toBe(5)
    const emoji = wrapText('👩‍👩‍👧 🇩🇪 '.repeat(20))
    for (const line of emoji.split('\n')) expect(textColumns(line)).toBeLessThanOrEqual(72)
    expect(textColumns(emoji.split('\n')[0]!)).toBeGreaterThan(66) // filled, not wrapped at a third of the width
    // A URL is never cut, whatever it holds.
    expect(wrapText('https://example.com/日本語のタイトルとても長いテキストがここに入ります日本語のタイトルとても長いテキスト')).not.toContain('\n')
  })

  it('counts Latin text as its length, as the grapheme count of the same text with an emoji after it shows', () => {
    // textColumns takes a shortcut for text of one-column letters; an emoji forces the full count.
    // Letters, combining marks and punctuation (no prepended mark, which would take the space).
    const latin = fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x5ff }), fc.integer({ min: 0x2000, max: 0x20ff })).map((c) => String.fromCharCode(c)), maxLength: 80 })
    fc.assert(
      fc.property(latin, (text) => {
        expect(textColumns(text)).toBe(textColumns(`${text} 🎉`) - 3)
      }),
      { numRuns: 2000 },
    )
    expect(textColumns('Grüße – „Beiträge“ … 25 € • Ærø')).toBe(31)
  })

  it('indents the lines after the first', () => {
    // "- " and 14 words of 4 letters make 71 columns; a 15th would make 76.
    expect(wrapText(`${'word '.repeat(20)}end`, '- ', '  ')).toBe(`- ${'word '.repeat(14).trim()}\n  ${'word '.repeat(6)}end`)
  })
})

describe('newsletterNotes', () => {
  it('says one thing without a site address, nothing with one', () => {
    expect(newsletterNotes(siteConfig())).toHaveLength(1)
    expect(newsletterNotes(siteConfig({ siteUrl: 'https://intranet.example.com/decks/' }))).toEqual([])
  })
})

describe('newsletterSnippet with hostile text', () => {
  type Node = DefaultTreeAdapterMap['node']
  const all = (node: Node): DefaultTreeAdapterMap['element'][] => [...('tagName' in node ? [node as DefaultTreeAdapterMap['element']] : []), ...('childNodes' in node ? node.childNodes.flatMap(all) : [])]
  const textOf = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '')

  it('shows markup, quotes and entities as text: no element or attribute comes from a deck', () => {
    const hostile = '<script>alert(1)</script> "><img src=x onerror=alert(2)> &amp; \'q\' 👩‍👩‍👧 🇩🇪 שלום'
    const url = 'https://example.com/a?b=1&c="2"'
    const share = shareUrl('linkedin', hostile, url)
    const tasks: Task[] = [
      { kind: 'link', title: hostile, url, target: url, links: { qr: url, slide: url, 'homework-page': url, newsletter: url }, line: 1, qrLevel: 'M' },
      { kind: 'share', network: 'linkedin', text: hostile, title: hostile, url, target: share, links: { qr: share, slide: share, 'homework-page': share, newsletter: share }, line: 2, qrLevel: 'M' },
    ]
    const deck: Deck = {
      file: 'x.md',
      slug: 'x',
      meta: { title: hostile, date: '2026-12-03', audience: hostile, presenter: hostile, duration: 5, theme: 'default', lang: 'de' },
      slides: [],
      homework: tasks,
      durationAt: { line: 1, col: 1 },
      defaultHomework: false,
    }
    const site = siteConfig({ siteUrl: 'https://intranet.example.com/decks/' })
    const { html } = newsletterSnippet(deck, slides(`<h1>${hostile.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</h1>`), { site, base: './', today: '2026-12-05', stamp: '20261205T120000Z', assets: { deckJs: [], deckCss: {}, pageCss: [], image: (p) => p } })
    const elements = all(parseFragment(html))
    expect(new Set(elements.map((e) => e.tagName))).toEqual(new Set(['table', 'tbody', 'tr', 'td', 'p', 'h1', 'h2', 'ul', 'li', 'a']))
    for (const e of elements) for (const a of e.attrs) expect(['style', 'bgcolor', 'role', 'width', 'cellpadding', 'cellspacing', 'border', 'align', 'href', 'target', 'dir']).toContain(a.name)
    expect(textOf(elements.find((e) => e.tagName === 'h1')!)).toBe(hostile)
    expect(textOf(elements.find((e) => e.tagName === 'li')!)).toBe(hostile)
    const hrefs = elements.flatMap((e) => e.attrs.filter((a) => a.name === 'href').map((a) => a.value))
    expect(hrefs).toEqual(expect.arrayContaining([url, share]))
    expect(elements[0]!.attrs.find((a) => a.name === 'width')!.value).toBe('600')
  })
})
