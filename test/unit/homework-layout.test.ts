import { describe, expect, it } from 'vitest'
import {
  checkScannable,
  HOMEWORK_LAYOUT as L,
  homeworkGrid,
  maxQrVersion,
  minPxPerModule,
  qrTileSize,
} from '../../src/core/homework-layout.ts'
import { byteCapacity, qrCode } from '../../src/core/qr.ts'
import { shareUrl } from '../../src/core/share-url.ts'
import { decodePng, renderPng, scalePng } from '../helpers/decode-qr.ts'

describe('layout table', () => {
  it.each([
    // tasks, rows, cols, tile px, min px/module, max version
    [1, 1, 1, 810, 12, 10],
    [2, 1, 2, 810, 12, 10],
    [3, 1, 3, 592, 12, 6],
    [4, 2, 2, 374, 8, 5],
    [5, 2, 3, 374, 8, 5],
    [6, 2, 3, 374, 8, 5],
  ])('%i tasks: %i×%i grid, %i px tiles, %i px/module, up to version %i', (n, rows, cols, tile, min, version) => {
    expect(homeworkGrid(n)).toEqual({ rows, cols })
    expect(qrTileSize(n)).toBe(tile)
    expect(minPxPerModule(n)).toBe(min)
    expect(maxQrVersion(n)).toBe(version)
    expect(tile / (25 + 4 * version)).toBeGreaterThanOrEqual(min)
    expect(tile / (25 + 4 * (version + 1))).toBeLessThan(min)
  })

  it.each([0, 7, 2.5, Number.NaN])('refuses %s tasks', (n) => {
    expect(() => qrTileSize(n)).toThrow(RangeError)
  })

  it('knows the byte capacities at level L from ISO/IEC 18004 (v1–v10)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(byteCapacity)).toEqual([17, 32, 53, 78, 106, 134, 154, 192, 230, 271])
  })
})

describe('checkScannable', () => {
  it.each([
    ['a profile link', 'https://www.xing.com/profile', 6],
    ['a short link', 'https://intranet.example.com/decks/go/0abc123/', 6],
    ['a company page', 'https://www.linkedin.com/company/example-gmbh/', 6],
    ['a LinkedIn share URL', shareUrl('linkedin', '', 'https://example.com/news/leipzig'), 3],
    ['an X share URL with text', shareUrl('x', 'Unser neues Werk in Leipzig ist eröffnet!', 'https://example.com/news/leipzig'), 2],
  ])('passes %s', (_, url, tasks) => {
    const result = checkScannable(url, tasks)
    expect(result.ok, JSON.stringify(result)).toBe(true)
    expect(result.pxPerModule).toBeGreaterThanOrEqual(minPxPerModule(tasks))
  })

  it('fails a 2000-character URL and says how much would fit', () => {
    const url = `https://example.com/${'x'.repeat(1980)}`
    expect(checkScannable(url, 1)).toMatchObject({ ok: false, maxChars: 271 })
    const six = checkScannable(url, 6)
    expect(six).toMatchObject({ ok: false, maxChars: 106 })
    expect(six.version).toBeGreaterThan(30)
    expect(six.pxPerModule).toBeLessThan(3)
  })

  it('fails text beyond any QR code as version 40 instead of throwing', () => {
    expect(checkScannable('x'.repeat(4000), 1)).toMatchObject({ ok: false, version: 40, maxChars: 271 })
  })

  it('passes exactly up to maxChars and fails one byte later', () => {
    for (const n of [1, 3, 6]) {
      const max = byteCapacity(maxQrVersion(n))
      const url = (length: number) => `https://example.com/${'x'.repeat(length - 20)}`
      expect(checkScannable(url(max), n).ok).toBe(true)
      expect(checkScannable(url(max + 1), n)).toMatchObject({ ok: false, maxChars: max })
    }
  })
})

/** The homework slide drawn as the CSS will: tiles in the grid, on a dark theme's background. */
function slideSvg(urls: string[]): string {
  const n = urls.length
  const { rows, cols } = homeworkGrid(n)
  const tile = qrTileSize(n)
  const cellWidth = (1920 - 2 * L.pad - (cols - 1) * L.colGap) / cols
  const cellHeight = (1080 - L.title - L.pad - (rows - 1) * L.rowGap) / rows
  const tiles = urls.map((url, i) => {
    const x = L.pad + (i % cols) * (cellWidth + L.colGap) + (cellWidth - tile) / 2
    const y = L.title + Math.floor(i / cols) * (cellHeight + L.rowGap) + L.caption + L.gap
    return qrCode(url, maxQrVersion(n)).svg.replace('<svg ', `<svg x="${x}" y="${y}" width="${tile}" height="${tile}" `)
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080"><rect width="1920" height="1080" fill="#1b1b1b"/>${tiles.join('')}</svg>`
}

describe('a 1920×1080 screenshot scaled to 25 % still scans', () => {
  // The longest URLs that pass: every code at the smallest module size the layout allows.
  it.each([1, 2, 3, 4, 5, 6])('%i tasks at the size limit', (n) => {
    const max = byteCapacity(maxQrVersion(n))
    const urls = Array.from({ length: n }, (_, i) => `https://example.com/${i}/${'x'.repeat(max - 22)}`)
    for (const url of urls) expect(checkScannable(url, n).ok).toBe(true)
    const found = decodePng(scalePng(renderPng(slideSvg(urls), 1920), 0.25))
    expect(found.sort()).toEqual([...urls].sort())
  })
})
