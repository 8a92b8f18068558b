// qrEncoding stands in for qrcode's own segment search: every code must come out module for module
// as qrcode draws it from the plain text, and the search must really be skipped for links.
import fc from 'fast-check'
import { create } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { byteCapacity, qrModules, type EcLevel } from '../../src/core/qr.ts'
import { qrEncoding } from '../../src/core/qr-segments.ts'
import { shareUrl } from '../../src/core/share-url.ts'

/** qrcode's symbol as data: what a scanner sees (version, mask, every module). */
function symbolOf(data: Parameters<typeof create>[0], level: EcLevel) {
  const code = create(data, { errorCorrectionLevel: level })
  return { version: code.version, mask: code.maskPattern, size: code.modules.size, modules: Array.from(code.modules.data) }
}

function sameAsQrcode(text: string, level: EcLevel): void {
  let expected: ReturnType<typeof symbolOf> | undefined
  try {
    expected = symbolOf(text, level)
  } catch {
    // too long for any version: neither path may claim a size
  }
  const encoding = qrEncoding(text, level)
  expect(encoding).toBeDefined()
  if (encoding) {
    expect(encoding.version).toBe(expected?.version)
    if (expected) expect(symbolOf(encoding.segments, level)).toEqual(expected)
  }
  expect(qrModules(text, level)).toBe(expected ? expected.size + 8 : undefined)
}

// Characters that change qrcode's choice: digits (numeric runs), A-Z and $%*+-./: (alphanumeric),
// lower case, umlauts, emoji and CJK (byte mode, several bytes each).
const char = fc.constantFrom(...'0123456789ABCDEFXYZ $%*+-./:abcxyz?=&_#äöüßÄÖÜ€…„“🎉👍🏽🇩🇪漢字'.match(/\p{RI}\p{RI}|\P{M}\p{M}*|./gsu)!)
const words = fc.array(char, { minLength: 1, maxLength: 120 }).map((cs) => cs.join(''))
const level = fc.constantFrom<EcLevel>('L', 'M')
const path = fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.stringMatching(/^[0-9]{1,8}$/), fc.stringMatching(/^[A-Z0-9%]{1,9}$/)), { maxLength: 6 })
const url = fc
  .tuple(fc.constantFrom('https://www.xing.com', 'https://example.com', 'HTTPS://EXAMPLE.COM', 'https://intranet.example.com/decks'), path, fc.option(fc.stringMatching(/^[a-z]{1,6}=[A-Za-z0-9%]{0,20}$/)))
  .map(([host, parts, query]) => `${host}/${parts.join('/')}${query ? `?${query}` : ''}`)
const share = fc
  .tuple(fc.constantFrom('linkedin', 'xing', 'x', 'mastodon') as fc.Arbitrary<'linkedin' | 'xing' | 'x' | 'mastodon'>, words, url)
  .map(([network, text, link]) => shareUrl(network, text, link, 'mastodon.social'))

describe('qrEncoding: the symbols qrcode draws from the plain text', () => {
  it('for random texts of digits, capitals, umlauts, emoji and CJK', () => {
    fc.assert(fc.property(words, level, sameAsQrcode), { numRuns: 400 })
  })

  it('for random links', () => {
    fc.assert(fc.property(url, level, sameAsQrcode), { numRuns: 400 })
  })

  it('for random share links (the text percent-encoded in the query)', () => {
    fc.assert(fc.property(share, level, sameAsQrcode), { numRuns: 200 })
  })

  it('for texts at the edge of a version class and beyond version 40', () => {
    for (const n of [1, 2, 3, 77, 78, 79, 270, 271, 272, 1000, 2331, 2953, 2954, 3000]) {
      sameAsQrcode('a'.repeat(n), 'L')
      sameAsQrcode(`https://x.de/${'1'.repeat(n)}`, 'M')
      sameAsQrcode('A1'.repeat(n), 'M')
    }
  })

  it('where one text needs versions of different count ranges at L and at M (one search each)', () => {
    // Runs of 4 to 7 digits among letters: whether a run is worth numeric mode depends on how many
    // bits count its characters, which grow from version 10 on.
    let straddling = 0
    for (let n = 12; n <= 40; n++) {
      const text = `https://x.de/${Array.from({ length: n }, (_, i) => `ab${'1234567'.slice(0, 4 + (i % 4))}`).join('')}`
      sameAsQrcode(text, 'L')
      sameAsQrcode(text, 'M')
      if (qrEncoding(text, 'L')!.version! <= 9 && qrEncoding(text, 'M')!.version! >= 10) straddling++
    }
    expect(straddling).toBeGreaterThan(0)
  })

  it('where two segmentations cost the same bits: the one qrcode picks', () => {
    // Found by comparing all segmentations: each of these has more than one of least cost.
    for (const text of ['c796', '454字', '657#', 'x+6.-9', '€cÜ=582', '🎉B681', 'Aß👍424']) {
      for (const l of ['L', 'M'] as const) sameAsQrcode(text, l)
    }
  })

  it('leaves to qrcode only an empty or broken text, which it refuses', () => {
    expect(qrEncoding('', 'M')).toBeUndefined()
    expect(qrEncoding('https://example.com/\ud83d', 'M')).toBeUndefined()
    expect(qrModules('', 'M')).toBeUndefined()
    expect(qrModules('https://example.com/\ud83d', 'M')).toBeUndefined()
    // Every other text is segmented here (else qrcode's search is not skipped at all).
    const links = [
      'https://www.xing.com/profile',
      'https://example.com/blog/tag-der-offenen-tuer-42?utm_source=updeck&utm_medium=slide&utm_campaign=vertrieb%2F2026-12-03',
      shareUrl('x', 'Wir feiern 🎉 das neue Werk in Görlitz – 25 Jahre!', 'https://example.com/news/2026/werk-goerlitz-7', 'mastodon.social'),
      'https://intranet.example.com/decks/go/e36milm9u5/',
    ]
    for (const link of links) expect(qrEncoding(link, 'M'), link).toBeDefined()
  })

  it('byteCapacity: the most bytes qrcode puts in a version at level L', () => {
    for (const version of [1, 4, 10, 27, 40]) {
      const n = byteCapacity(version)
      expect(create('a'.repeat(n), { errorCorrectionLevel: 'L' }).version).toBeLessThanOrEqual(version)
      if (version < 40) expect(create('a'.repeat(n + 1), { errorCorrectionLevel: 'L' }).version).toBe(version + 1)
    }
    expect([byteCapacity(4), byteCapacity(10)]).toEqual([78, 271])
  })
})
