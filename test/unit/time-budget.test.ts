// The speaking-time model: words at the site's rate, a minimum per slide, a homework allowance.
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
