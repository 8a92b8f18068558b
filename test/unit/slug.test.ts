// Slugs: one address per deck whatever the file system wrote, and a working one for every script.
import { describe, expect, it } from 'vitest'
import { deckSlug, slugify } from '../../src/core/slug.ts'

describe('slugify', () => {
  const cases: [string, string, string][] = [
    ['German letters', 'Über uns – März', 'ueber-uns-maerz'],
    ['decomposed (NFD) German letters, as macOS writes them', 'U\u0308ber uns – Ma\u0308rz', 'ueber-uns-maerz'],
    ['ß', 'Straßenbau', 'strassenbau'],
    ['Latin accents', 'Café résumé', 'cafe-resume'],
    ['decomposed Latin accents', 'Cafe\u0301', 'cafe'],
    ['Latin letters without a decomposition', 'Łódź Øresund Æble', 'lodz-oresund-aeble'],
    ['Hebrew', 'עדכון מכירות', 'עדכון-מכירות'],
    ['Japanese', '営業チーム 東京', '営業チーム-東京'],
    ['Japanese voiced kana, half-width and decomposed', 'ｶﾞイド か\u3099', 'ガイド-が'],
    ['Cyrillic keeps й', 'Привет й', 'привет-й'],
    ['Devanagari keeps its vowel signs', 'हिन्दी', 'हिन्दी'],
    ['emoji only', '🎉🎉', ''],
    ['emoji around words', '🎉 Party 🎉', 'party'],
  ]
  for (const [what, input, slug] of cases) {
    it(`${what}: ${JSON.stringify(input)} → ${JSON.stringify(slug)}`, () => expect(slugify(input)).toBe(slug))
  }

  it('gives the same deck the same address in NFC and NFD', () => {
    const name = 'Vertrieb/Grüße aus Köln.md'
    expect(deckSlug(name.normalize('NFD'))).toBe(deckSlug(name))
    expect(deckSlug(name)).toBe('vertrieb/gruesse-aus-koeln')
  })
})
