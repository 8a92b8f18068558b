// The newsletter's pure parts: headings taken from rendered slides, and text wrapped at 72 columns.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { newsletterNotes, slideHeadings, wrapText } from '../../src/core/render-newsletter.ts'
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
