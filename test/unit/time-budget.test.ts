// The speaking-time model: words at the site's rate, a minimum per slide, a homework allowance.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HOMEWORK_SECONDS, MIN_SECONDS_PER_SLIDE, estimateSeconds, slideTimings } from '../../src/core/time-budget.ts'
import { countWords } from '../../src/core/render-slides.ts'

describe('countWords', () => {
  const cases: [string, number][] = [
    ['# Hallo Welt', 2],
    ['- eins\n- zwei\n- drei', 3],
    ['Größere Reichweite für Stellenanzeigen 👋', 4],
    ['| a | b |\n|---|---|\n| 1 | 2 |', 4],
    ['![Ein Bild](img/x.png) und [ein Link](https://example.com)', 3],
    ['```js\nconst x = 1\n```', 3],
  ]
  for (const [text, n] of cases) it(`${JSON.stringify(text)} has ${n} words`, () => expect(countWords(text)).toBe(n))

  // countWords counts in one pass; a word is still what split(/\s+/) gives, counted when it has a
  // letter or digit of any script (text without images, links or fences, which are dropped first).
  it('counts the words split(/\\s+/) gives that hold a letter or digit, whatever the script or space', () => {
    const chars = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff', '\u200b', 'a', 'Z', '9', 'ä', 'ß', 'é', '\u0301', '𝐀', '𠀀', '\ud800', '\udc00', '!', '-', '—', '·', '👋', '٣', '中', 'й', '\u0000', '\x7f', '€']
    const split = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...chars), maxLength: 40 }), (text) => {
        expect(countWords(text)).toBe(split(text))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('slideTimings and estimateSeconds', () => {
  it('speaks words at the rate and gives every slide a minimum', () => {
    expect(slideTimings([{ words: 240 }, { words: 0 }, { words: 60 }], 120)).toEqual([120, MIN_SECONDS_PER_SLIDE, 30])
  })
  it('adds the homework slide allowance', () => {
    expect(estimateSeconds([{ words: 240 }, { words: 0 }], 120)).toBe(120 + MIN_SECONDS_PER_SLIDE + HOMEWORK_SECONDS)
  })
  it('follows the speaking rate set for the site', () => {
    expect(estimateSeconds([{ words: 300 }], 150)).toBe(120 + HOMEWORK_SECONDS)
  })
})
