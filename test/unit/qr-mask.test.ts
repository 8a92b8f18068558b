// bestMask stands in for qrcode's own choice of mask pattern, and qrCode for qrcode's whole drawing:
// every code must come out module for module as qrcode draws it from the plain text.
import fc from 'fast-check'
import { create, type QRCodeMaskPattern } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrCode, QUIET_ZONE, type EcLevel } from '../../src/core/qr.ts'
import MaskPattern from 'qrcode/lib/core/mask-pattern.js'
import { bestMask, maskPoints } from '../../src/core/qr-mask.ts'
import { shareUrl } from '../../src/core/share-url.ts'

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789ABCXYZ $%*+-./:abcxyz?=&äöüß€🎉'.match(/./gsu)!), minLength: 1, maxLength: 300 }),
  fc.tuple(fc.stringMatching(/^[a-z0-9-]{1,40}$/), fc.string({ minLength: 1, maxLength: 200 })).map(([slug, words]) => shareUrl('x', words, `https://example.com/news/${slug}`)),
)
const level = fc.constantFrom<EcLevel>('L', 'M')
const drawnWith = fc.integer({ min: 0, max: 7 }) as fc.Arbitrary<QRCodeMaskPattern>

/** The dark modules of qrCode's SVG, row by row, read back from its path of horizontal runs. */
function modulesOfSvg(svg: string, size: number): number[] {
  const modules = new Array<number>(size * size).fill(0)
  for (const [, x, y, run] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(run); i++) modules[(Number(y) - QUIET_ZONE) * size + Number(x) - QUIET_ZONE + i] = 1
  }
  return modules
}

/** qrcode's own points for its symbol drawn with pattern p: the sum getBestMask compares. */
function qrcodePoints(t: string, l: EcLevel, p: number): number {
  const { modules } = create(t, { errorCorrectionLevel: l, maskPattern: p as QRCodeMaskPattern })
  return MaskPattern.getPenaltyN1(modules) + MaskPattern.getPenaltyN2(modules) + MaskPattern.getPenaltyN3(modules) + MaskPattern.getPenaltyN4(modules)
}

describe('maskPoints: the penalty points qrcode gives each pattern', () => {
  it('for random texts, pattern by pattern', () => {
    fc.assert(
      fc.property(text, level, drawnWith, (t, l, first) => {
        const points = maskPoints(create(t, { errorCorrectionLevel: l, maskPattern: first }).modules, l, first)
        expect(points).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((p) => qrcodePoints(t, l, p)))
      }),
      { numRuns: 200 },
    )
  })

  it('for sizes at and around the 32-module word edge, and large versions', () => {
    // Versions 3–5 are 29, 33 and 37 modules a side; 7 and 14 carry version information.
    for (const t of ['https://x.com', 'https://www.xing.com/profile', 'https://www.linkedin.com/company/muster', 'x'.repeat(120), '🎉'.repeat(100), 'https://example.com/'.padEnd(1200, 'a1B')]) {
      for (const l of ['L', 'M'] as const) {
        const points = maskPoints(create(t, { errorCorrectionLevel: l, maskPattern: 3 }).modules, l, 3)
        expect(points, `${l} ${t.slice(0, 30)}`).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((p) => qrcodePoints(t, l, p)))
      }
    }
  })
})

describe('bestMask: the mask pattern qrcode chooses', () => {
  it('for random texts, whichever pattern the symbol was first drawn with', () => {
    fc.assert(
      fc.property(text, level, drawnWith, (t, l, first) => {
        const own = create(t, { errorCorrectionLevel: l })
        const chosen = bestMask(create(t, { errorCorrectionLevel: l, maskPattern: first }).modules, l, first)
        expect(chosen.mask).toBe(own.maskPattern)
        expect(Array.from(chosen.data)).toEqual(Array.from(own.modules.data))
      }),
      { numRuns: 300 },
    )
  })

  it('for large versions (format and version information in place)', () => {
    for (const t of ['x'.repeat(400), 'https://example.com/'.padEnd(1200, 'a1B'), '🎉'.repeat(300)]) {
      const own = create(t, { errorCorrectionLevel: 'M' })
      expect(own.version).toBeGreaterThanOrEqual(7)
      const chosen = bestMask(create(t, { errorCorrectionLevel: 'M', maskPattern: 5 }).modules, 'M', 5)
      expect([chosen.mask, Array.from(chosen.data)]).toEqual([own.maskPattern, Array.from(own.modules.data)])
    }
  })
})

describe('qrCode draws what qrcode draws from the plain text', () => {
  it('module for module, with its version', () => {
    fc.assert(
      fc.property(text, level, (t, l) => {
        const own = create(t, { errorCorrectionLevel: l })
        const code = qrCode(t, l)
        expect(code.version).toBe(own.version)
        expect(modulesOfSvg(code.svg, own.modules.size)).toEqual(Array.from(own.modules.data))
      }),
      { numRuns: 200 },
    )
  })
})
