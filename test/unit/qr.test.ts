import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { qrCode, qrModules, QUIET_ZONE } from '../../src/core/qr.ts'
import { shareUrl } from '../../src/core/share-url.ts'
import { decodeSvg } from '../helpers/decode-qr.ts'

const href = (url: string) => new URL(url).href

describe('qrCode decodes back to exactly its text', () => {
  const long = `https://example.com/${'abcdefghij'.repeat(28)}`.slice(0, 300)
  it.each([
    ['plain URL', 'https://www.xing.com/profile'],
    ['umlaut path, normalised', href('https://example.com/München/straße?q=Grüße')],
    ['IDN host, normalised (punycode)', href('https://bücher.example/ä')],
    ['emoji share URL', shareUrl('x', 'Wir feiern 🎉 das neue Werk in Leipzig!', 'https://example.com/news')],
    ['raw UTF-8 text', 'Grüße aus Köln 🎉'],
    ['300-character URL', long],
  ])('%s', (_, text) => {
    const code = qrCode(text)
    expect(decodeSvg(code.svg, code.modules * 4)).toBe(text)
  })

  it('the 300-character case really is 300 characters', () => {
    expect(`https://example.com/${'abcdefghij'.repeat(28)}`.slice(0, 300)).toHaveLength(300)
  })
})

describe('qrCode svg', () => {
  const code = qrCode('https://example.com/?a="b"&c=<d>')

  it('is one path of black modules on a white tile, sized by the layout', () => {
    expect(code.svg.match(/<path /g)).toHaveLength(1)
    expect(code.svg).toContain('fill="#000"')
    expect(code.svg).toContain(`<rect width="${code.modules}" height="${code.modules}" fill="#fff"/>`)
    expect(code.svg).toContain(`viewBox="0 0 ${code.modules} ${code.modules}"`)
    expect(code.svg).toContain('shape-rendering="crispEdges"')
    expect(code.svg).not.toMatch(/<svg[^>]*\s(width|height)=/)
  })

  it('is labelled with its text, escaped', () => {
    expect(code.svg).toContain('role="img"')
    expect(code.svg).toContain('aria-label="https://example.com/?a=&quot;b&quot;&amp;c=&lt;d&gt;"')
  })

  it('has no script, event handler or external reference, whatever the text', () => {
    const { svg } = qrCode('https://example.com/"><script>alert(1)</script><x onload="y')
    expect([...svg.matchAll(/<\/?(\w+)/g)].map((m) => m[1])).toEqual(['svg', 'rect', 'path', 'svg'])
    const attributes = [...svg.matchAll(/\s([\w:-]+)="[^"]*"/g)].map((m) => m[1])
    expect(new Set(attributes)).toEqual(
      new Set(['xmlns', 'viewBox', 'shape-rendering', 'role', 'aria-label', 'width', 'height', 'fill', 'd']),
    )
  })

  it('counts the quiet zone in its modules: 17 + 4 × version + 8', () => {
    expect(code.modules).toBe(17 + 4 * code.version + 2 * QUIET_ZONE)
  })

  it('draws no module inside the 4-module quiet zone', () => {
    const d = /d="([^"]+)"/.exec(code.svg)![1]!
    for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      expect(Number(x)).toBeGreaterThanOrEqual(QUIET_ZONE)
      expect(Number(y)).toBeGreaterThanOrEqual(QUIET_ZONE)
      expect(Number(x) + Number(run)).toBeLessThanOrEqual(code.modules - QUIET_ZONE)
      expect(Number(y) + 1).toBeLessThanOrEqual(code.modules - QUIET_ZONE)
    }
  })

  it('paints its quiet zone white even on a black page (a dark theme can not eat it)', () => {
    const scale = 10
    const image = new Resvg(code.svg, { fitTo: { mode: 'width', value: code.modules * scale }, background: 'black' }).render()
    const { width, pixels } = image
    const band = QUIET_ZONE * scale
    for (let y = 0; y < width; y++) {
      for (let x = 0; x < width; x++) {
        const inZone = x < band || y < band || x >= width - band || y >= width - band
        if (inZone) expect(pixels[(y * width + x) * 4], `pixel ${x},${y}`).toBe(255)
      }
    }
  })
})

describe('error correction level', () => {
  it('is M unless asked for L', () => {
    expect(qrCode('https://www.xing.com/profile')).toMatchObject({ level: 'M', version: 3 })
  })

  it('L holds more per version (50 bytes: M needs v4, L fits v3), and still decodes', () => {
    const text = `https://example.com/${'x'.repeat(30)}`
    expect(qrModules(text, 'M')).toBe(41)
    expect(qrModules(text, 'L')).toBe(37)
    expect(qrCode(text, 'L')).toMatchObject({ level: 'L', version: 3, modules: 37 })
    expect(decodeSvg(qrCode(text, 'L').svg, 37 * 4)).toBe(text)
  })

  it('reports no size for text beyond any QR code', () => {
    expect(qrModules('x'.repeat(4000), 'L')).toBeUndefined()
  })
})
