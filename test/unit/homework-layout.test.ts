import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addressBox, HOMEWORK_LAYOUT as L, layoutHomework, layoutPxPerModule, minPxPerModule, TASK_AREA, textBox, type HomeworkLayout } from '../../src/core/homework-layout.ts'
import { fitHomework } from '../../src/core/fit-homework.ts'
import { qrCode } from '../../src/core/qr.ts'
import { shareUrl } from '../../src/core/share-url.ts'
import { decodeRegions, renderPng, scalePng, type Region } from '../helpers/decode-qr.ts'

const v = (version: number) => 25 + 4 * version

describe('codes of one size', () => {
  it.each([
    // tasks, rows, whole px per module for version-3 codes (37 modules)
    [1, 1, 21], // 810 px high at most: the height limits one code (21.9)
    [2, 1, 21],
    [3, 1, 16], // 3 × 37 modules in 1776 px
    [4, 1, 11], // 11.7
    [5, 2, 10], // two rows: 748 px for two codes' height (10.1)
    [6, 2, 10],
  ])('%i task(s): %i row(s), %i px per module', (n, rows, px) => {
    const layout = layoutHomework(Array(n).fill(37))
    expect(layout).toMatchObject({ rows, pxPerModule: px, promise: minPxPerModule(n), ok: true })
  })

  it.each([0, 7])('refuses %i tasks', (n) => {
    expect(() => minPxPerModule(n)).toThrow(RangeError)
    expect(() => layoutHomework(Array(n).fill(37))).toThrow(RangeError)
  })

  it.each([2.5, Number.NaN])('refuses %s as a task count', (n) => {
    expect(() => minPxPerModule(n)).toThrow(RangeError)
  })

  it('refuses sizes that no QR code has', () => {
    expect(() => layoutHomework([37, 20])).toThrow(RangeError)
  })
})

/** Every code's tile ÷ its modules, as the slide draws them. */
const moduleSizes = (layout: HomeworkLayout, modules: number[]) => layout.cells.map((c, i) => c.tile / modules[i]!)

function expectDrawable(layout: HomeworkLayout, modules: number[], link: number = L.link): void {
  for (const size of moduleSizes(layout, modules)) expect(size).toBe(layout.pxPerModule)
  for (const cell of layout.cells) for (const value of [cell.x, cell.y, cell.width, cell.tile]) expect(Number.isInteger(value), "whole px").toBe(true)
  const rowHeight = layout.caption + 2 * L.gap + link
  for (const [i, a] of layout.cells.entries()) {
    expect(a.width, `column ${i + 1} holds its code`).toBeGreaterThanOrEqual(a.tile)
    expect(a.width).toBeGreaterThanOrEqual(L.minColumn)
    expect(a.x).toBeGreaterThanOrEqual(0)
    expect(a.y).toBeGreaterThanOrEqual(0)
    expect(a.x + a.width).toBeLessThanOrEqual(TASK_AREA.width)
    expect(a.y + rowHeight + a.tile).toBeLessThanOrEqual(TASK_AREA.height)
    for (const b of layout.cells.slice(i + 1)) {
      const apart = a.x + a.width + L.colGap <= b.x || b.x + b.width + L.colGap <= a.x || a.y + rowHeight + a.tile + L.rowGap <= b.y || b.y + rowHeight + b.tile + L.rowGap <= a.y
      expect(apart, `tasks ${i + 1} and ${layout.cells.indexOf(b) + 1} overlap`).toBe(true)
    }
  }
}

describe('one module size for every code on the slide, as large as the arrangements allow', () => {
  it('a 3-task deck with a 170-character Mastodon share: 12 px (12.8 before whole px), not 10.4 (issue 9)', () => {
    const modules = [v(4), v(8), v(4)]
    const layout = layoutHomework(modules)
    expect(layout).toMatchObject({ rows: 1, ok: true, pxPerModule: 12 })
    expect((TASK_AREA.width - 2 * L.colGap) / (v(4) + v(8) + v(4))).toBeCloseTo(12.8, 1)
    expect(layout.cells[1]!.tile).toBeGreaterThan(layout.cells[0]!.tile)
    expectDrawable(layout, modules)
  })

  it('a 4-task deck with a 160-character share text: one row at 9–10 px', () => {
    const modules = [v(10), v(3), v(4), v(3)]
    const layout = layoutHomework(modules)
    expect(layout.rows).toBe(1)
    expect(layout.pxPerModule).toBeGreaterThanOrEqual(9)
    expect(layout.pxPerModule).toBeLessThanOrEqual(10)
    expectDrawable(layout, modules)
  })

  it('takes two rows when they give larger modules, with the fuller row first', () => {
    const layout = layoutHomework([37, 37, 37, 37, 37])
    expect(layout.rows).toBe(2)
    expect(layout.cells.map((c) => c.y > layout.cells[0]!.y)).toEqual([false, false, false, true, true])
  })

  it('never gives a column less than minColumn, nor a forwarding address less than its two lines', () => {
    const modules = [29, 29, 29, 29, 29, 29]
    const box = addressBox('intranet.example.com/decks/go/0123456789', true)
    // The longer of its two lines: go/<id> beside a 17-character due date.
    expect(box.minWidth).toBe(Math.ceil('go/0123456789 · bis 17.12.2026'.length * L.linkCharPx))
    expect(box.link).toBe(2 * L.link)
    const layout = layoutHomework(modules.map((m) => ({ modules: m, ...box })))
    expect(layout.ok).toBe(true)
    for (const cell of layout.cells) expect(cell.width).toBeGreaterThanOrEqual(box.minWidth!)
    expectDrawable(layout, modules, box.link)
  })

  it('puts a due date below its link only in a column too narrow for both, and reserves that line', () => {
    const box = textBox('xing.com/profile', true)
    expect(box.oneLine).toBe(Math.ceil('xing.com/profile · bis 17.12.2026'.length * L.linkCharPx))
    expect(textBox('xing.com/profile', false)).toEqual({ minWidth: 0, link: L.link, oneLine: 0 })
    const narrow = layoutHomework([{ modules: 37, ...box }, 61, 61, 61])
    expect(narrow.cells[0]!.width).toBeLessThan(box.oneLine!)
    expect(narrow.cells[0]!.dueBelow).toBe(true)
    expect(narrow.cells.slice(1).map((c) => c.dueBelow)).toEqual([false, false, false])
    expectDrawable(narrow, [37, 61, 61, 61], 2 * L.link)
    expect(layoutHomework([{ modules: 37, ...box }]).cells[0]!.dueBelow).toBe(false)
  })

  it('never gives up module size for that line: where height is short, the date stays beside the link', () => {
    // Six codes in two rows fill the height: a second text line would cost a px per module.
    const modules = [45, 45, 45, 45, 45, 45]
    const plain = layoutHomework(modules)
    const dated = layoutHomework(modules.map((m) => ({ modules: m, ...textBox('example.com/intranet/personal/empfehlung', true) })))
    expect(dated.pxPerModule).toBe(plain.pxPerModule)
    expect(dated.cells.map((c) => c.dueBelow)).toEqual([false, false, false, false, false, false])
  })

  it.each([1, 2, 3, 4, 5, 6])('%i task(s) of mixed sizes: always drawable, modules all alike', (n) => {
    for (let seed = 0; seed < 40; seed++) {
      const modules = Array.from({ length: n }, (_, i) => v(1 + ((seed * 7 + i * 5) % 12)))
      expectDrawable(layoutHomework(modules), modules)
    }
  })
})

/** The homework slide drawn as the CSS does from the layout, on a dark theme's background. */
function drawSlide(codes: string[], levels: ('L' | 'M')[]): { svg: string; tiles: Region[] } {
  const qr = codes.map((c, i) => qrCode(c, levels[i]))
  const layout = layoutHomework(qr.map((q) => q.modules))
  const tiles = layout.cells.map((cell) => ({ x: L.pad + cell.x + (cell.width - cell.tile) / 2, y: L.title + cell.y + layout.caption + L.gap, width: cell.tile, height: cell.tile }))
  const svgs = qr.map((q, i) => q.svg.replace('<svg ', `<svg x="${tiles[i]!.x}" y="${tiles[i]!.y}" width="${tiles[i]!.width}" height="${tiles[i]!.width}" `))
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080"><rect width="1920" height="1080" fill="#1b1b1b"/>${svgs.join('')}</svg>`, tiles }
}

describe('the module size is the largest whole px at which an arrangement fits, found by trying each', () => {
  type Box = { modules: number; minWidth: number; link: number; oneLine: number }
  /** Whether the rows fit the task area at px, by the rules of the module's header comment, written out. */
  const fitsAt = (rows: Box[][], px: number) => {
    const caption = rows.length === 1 ? L.caption : L.captionTwoRows
    const column = (b: Box) => Math.max(px * b.modules, Math.max(b.minWidth, L.minColumn))
    const widths = rows.map((row) => row.reduce((sum, b) => sum + column(b), 0) + (row.length - 1) * L.colGap)
    const heights = rows.map((row) => caption + 2 * L.gap + Math.max(...row.map((b) => px * b.modules + b.link + (b.oneLine > column(b) ? L.link : 0))))
    return widths.every((w) => w <= TASK_AREA.width) && heights.reduce((a, b) => a + b) + (rows.length - 1) * L.rowGap <= TASK_AREA.height
  }
  const largestBy = (boxes: Box[]) => {
    const splits = boxes.length >= 4 ? [boxes.length, Math.ceil(boxes.length / 2), Math.floor(boxes.length / 2)] : [boxes.length]
    let best = 0
    for (const k of splits) {
      const rows = [boxes.slice(0, k), boxes.slice(k)].filter((r) => r.length)
      for (let px = Math.floor(TASK_AREA.height / Math.max(...boxes.map((b) => b.modules))); px > best; px--) if (fitsAt(rows, px)) best = px
    }
    return best
  }
  const box = fc.record({ modules: fc.oneof(fc.integer({ min: 21, max: 80 }), fc.integer({ min: 21, max: 185 })), minWidth: fc.integer({ min: 0, max: 700 }), link: fc.constantFrom(L.link, 2 * L.link), oneLine: fc.integer({ min: 0, max: 1000 }) })

  it('for random codes and texts', () => {
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 6 }), (boxes) => {
        // A due date that would cost module size stays beside its link: the better of both.
        const expected = Math.max(largestBy(boxes), largestBy(boxes.map((b) => ({ ...b, oneLine: 0 }))))
        expect(layoutHomework(boxes).pxPerModule).toBe(expected)
        expect(layoutPxPerModule(boxes)).toBe(expected)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('a 1920×1080 slide scaled to 25 % still scans, at the limit of the promise', () => {
  const words = 'Unser neues Werk in Leipzig ist eröffnet: 200 Arbeitsplätze, Ausbildung ab 2027 und ein Tag der offenen Tür am 14. März für alle Familien.'.split(' ')
  const share = (n: number) => shareUrl('x', words.slice(0, n).join(' '), 'https://example.com/news/leipzig')
  const short = ['https://www.xing.com/profile', 'https://www.linkedin.com/company/muster-maschinenbau-gmbh', 'https://example.com/blog/neu', 'https://mastodon.social/auth/sign_up', 'https://example.com/umfrage']
  it.each([1, 2, 3, 4, 5, 6])('%i task(s): the longest share that fits beside short links', (n) => {
    let targets: string[] = []
    for (let count = 1; count <= words.length; count++) {
      const trial = [share(count), ...short.slice(0, n - 1)]
      if (!fitHomework(trial, { shortLinks: false }).layout.ok) break
      targets = trial
    }
    expect(targets).toHaveLength(n)
    const fit = fitHomework(targets, { shortLinks: false })
    expect(fit.layout.pxPerModule).toBeGreaterThanOrEqual(minPxPerModule(n))
    const { svg, tiles } = drawSlide(fit.codes, fit.levels)
    // A phone aims at one code: each is searched in its own tile plus a margin, at a quarter of the size.
    const regions = tiles.map((t) => ({ x: (t.x - t.width * 0.1) / 4, y: (t.y - t.height * 0.1) / 4, width: (t.width * 1.2) / 4, height: (t.height * 1.2) / 4 }))
    expect(decodeRegions(scalePng(renderPng(svg, 1920), 0.25), regions)).toEqual(targets)
  })
})
