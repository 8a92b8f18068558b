// Where each QR code sits on the homework slide and how big it is: one module size for all codes.

/*
 * The arithmetic (prose, tables and worked examples: docs/qr-sizing.md).
 *
 * Modules. A version-v code is 17 + 4v modules a side, plus a 4-module quiet zone each side:
 * 25 + 4v in all (v3: 37, v6: 49, v10: 65). reveal.js runs at 1920×1080 with margin 0, so on a
 * full-HD projector one slide px is one screen px.
 *
 * Seats. A 2 m wide image shows 1920 px: 1.04 mm per px. A phone's main camera (26 mm equivalent)
 * sees about 69° = 1.21 rad across; scanners decode the video frame, ~1920 px wide, so one camera
 * pixel covers 1.21 / 1920 = 0.63 mrad. Decoders need at least 2 camera px per module; with some
 * room for shake and focus we aim at 2.2 px = 1.4 mrad.
 *   8 px/module  =  8.3 mm:  8.3 mm / 1.4 mrad ≈ 6 m   (front and middle of a meeting room)
 *  12 px/module  = 12.5 mm: 12.5 mm / 1.4 mrad ≈ 9 m   (the back row)
 * So 1–3 tasks, where the codes can be big, promise the back row (12 px); 4–6 tasks promise 6 m (8 px).
 *
 * One module size. A phone at a given seat reads a code when its modules are big enough, whatever
 * the code's version. So every code on a slide gets the same px per module, and each tile is that
 * times its own modules: a short link gets a small tile, a long share link a large one, and one long
 * link no longer shrinks the others. Of the arrangements (one row; for 4–6 tasks also two rows),
 * the one whose common module size is largest wins. Whole px: on a full-HD projector every module
 * is then whole screen pixels, crisp and regular for the decoder.
 */

const SLIDE = { width: 1920, height: 1080 }
/** The layout the homework slide's CSS draws; change both together. Sizes in slide px. */
export const HOMEWORK_LAYOUT = {
  title: 120, // slide heading and its margin
  pad: 24, // left, right and bottom edge of the slide
  colGap: 48,
  rowGap: 16,
  caption: 80, // task title above the code in one row: 2 lines of 32 px type at line-height 1.25
  captionTwoRows: 40, // in two rows: 1 line of 30 px type, so that the codes stay large
  link: 34, // short link (and due date) below the code: 1 line of 28 px type at line-height 1.2
  gap: 6, // between caption and code, and code and link
  minColumn: 300, // a column is never narrower: room for the short link or "bis 17.12.2026"
  linkCharPx: 17.5, // a generous average width of one character of the 28 px link type (0.62 em)
} as const

/** Characters of " · bis 17.12.2026", the due date beside a link. */
const DUE_CHARS = 17

/** The task area below the title band, inside the slide's edges. */
export const TASK_AREA = {
  width: SLIDE.width - 2 * HOMEWORK_LAYOUT.pad,
  height: SLIDE.height - HOMEWORK_LAYOUT.title - HOMEWORK_LAYOUT.pad,
} as const

/** One code as the layout sees it. */
export interface CodeBox {
  /** Modules a side, quiet zone included. */
  modules: number
  /** Narrowest column for the text around it. @default HOMEWORK_LAYOUT.minColumn */
  minWidth?: number
  /** Height of the text below it: one line, or two for a forwarding address. @default HOMEWORK_LAYOUT.link */
  link?: number
  /**
   * Width the link and due date need on one line; a narrower column puts the due date on a second
   * line (and the layout reserves it), so neither is cut to "xin…". @default 0 (always one line)
   */
  oneLine?: number
}

/** A code's text as the layout sees it, every field given (one object shape, see box()). */
export type TextBox = Omit<Required<CodeBox>, 'modules'>

/**
 * The text below a task's code as the layout sees it: a forwarding address (two whole lines), or
 * the short link with its due date beside it or, where the column is too narrow, below it.
 */
export function textBox(label: string, due: boolean, address?: string): TextBox {
  if (address !== undefined) return addressBox(address, due)
  return { minWidth: 0, link: HOMEWORK_LAYOUT.link, oneLine: due ? Math.ceil(([...label].length + DUE_CHARS) * HOMEWORK_LAYOUT.linkCharPx) : 0 }
}

/**
 * A forwarded task's text below its code: the address must stay whole to be typed, so it takes two
 * lines (`intranet.example.com/decks/` and `go/<id>`, the due date beside the latter) and a column
 * wide enough for both.
 */
export function addressBox(address: string, due: boolean): TextBox {
  const split = address.lastIndexOf('go/')
  const lines = [address.slice(0, split), `${address.slice(split)}${due ? ' '.repeat(DUE_CHARS) : ''}`]
  const chars = Math.max(...lines.map((l) => [...l].length))
  return { minWidth: Math.ceil(chars * HOMEWORK_LAYOUT.linkCharPx), link: 2 * HOMEWORK_LAYOUT.link, oneLine: 0 }
}

/**
 * A code and its text in the one shape the layout computes with. Made here only: objects of one
 * shape keep V8's optimized layout code from being thrown away and compiled again (a box spread
 * from texts of three shapes made three).
 */
export function codeBox(modules: number, text: TextBox): Required<CodeBox> {
  return box(modules, text.minWidth, text.link, text.oneLine)
}

function box(modules: number, minWidth: number, link: number, oneLine: number): Required<CodeBox> {
  return { modules, minWidth, link, oneLine }
}

/** `c` with its defaults filled in, in the one shape. */
function fullBox(c: number | CodeBox): Required<CodeBox> {
  if (typeof c === 'number') return box(c, HOMEWORK_LAYOUT.minColumn, HOMEWORK_LAYOUT.link, 0)
  return box(c.modules, Math.max(c.minWidth ?? 0, HOMEWORK_LAYOUT.minColumn), c.link ?? HOMEWORK_LAYOUT.link, c.oneLine ?? 0)
}

/** One task's place in the task area (whole slide px): its column and, inside it, the code's tile. */
export interface TaskCell {
  x: number
  y: number
  /** Column width: at least the tile and the task's minimum; titles and links use all of it. */
  width: number
  /** Edge of the code's square tile, quiet zone included: `pxPerModule` × its modules. */
  tile: number
  /** True when the due date goes on its own line below the link (see CodeBox.oneLine). */
  dueBelow: boolean
}

export interface HomeworkLayout {
  /** 1 or 2. */
  rows: number
  /** Height of the caption above each code in this arrangement: `caption` or `captionTwoRows`. */
  caption: number
  /**
   * The module size every code on the slide shares: whole px, so that on a full-HD projector each
   * module is whole screen pixels (crisp, and what decoders read best). 0 when nothing fits.
   */
  pxPerModule: number
  /** What the slide promises: `minPxPerModule(taskCount)`. */
  promise: number
  /** True when `pxPerModule` ≥ `promise`. */
  ok: boolean
  /** One per task, in task order. */
  cells: TaskCell[]
}

/** The module size the slide promises: 12 px (back row) for 1–3 tasks, 8 px (~6 m) for 4–6. */
export function minPxPerModule(taskCount: number): number {
  checkCount(taskCount)
  return taskCount <= 3 ? 12 : 8
}

/**
 * Layouts already computed, by their boxes: fitting a deck's codes tries the same few sizes again
 * and again (and so do decks with the same tasks), and the slide draws the layout the fit chose.
 * Callers share the objects and must not change them. Bounded, like qr.ts's caches.
 */
const layouts = new Map<string, HomeworkLayout>()

/**
 * The homework slide for codes of `modules` modules a side (quiet zone included), in task order.
 * @example layoutHomework([57, 41, 41]).pxPerModule // 12: a Mastodon share beside two profile links
 */
export function layoutHomework(codes: readonly (number | CodeBox)[]): HomeworkLayout {
  checkCount(codes.length)
  const boxes: Required<CodeBox>[] = []
  for (let i = 0; i < codes.length; i++) {
    const box = fullBox(codes[i]!)
    if (!Number.isInteger(box.modules) || box.modules < 21) throw new RangeError(`homework layout: a QR code has at least 21 modules a side, got ${box.modules}`)
    boxes.push(box)
  }
  let key = ''
  for (const b of boxes) key += `${b.modules},${b.minWidth},${b.link},${b.oneLine};`
  let layout = layouts.get(key)
  if (!layout) {
    if (layouts.size >= 1_000) layouts.clear()
    const { boxes: chosen, rows, px } = bestLayout(boxes)
    layout = place(chosen, rows, px)
    layouts.set(key, layout)
  }
  return layout
}

/**
 * `layoutHomework(codes).pxPerModule` without placing the cells: what a search among sizes compares.
 * Hot code builds its arrays by push, not map: V8 makes an array of another kind from a map it has
 * inlined into optimized code than from one it has not, and each new kind a function meets throws
 * its optimized code away (measured: most of the layout's recompilations).
 */
export function layoutPxPerModule(codes: readonly CodeBox[]): number {
  checkCount(codes.length)
  const boxes: Required<CodeBox>[] = []
  for (let i = 0; i < codes.length; i++) boxes.push(fullBox(codes[i]!))
  return bestLayout(boxes).px
}

function bestLayout(boxes: Required<CodeBox>[]): { boxes: Required<CodeBox>[]; rows: readonly (readonly number[])[]; px: number } {
  // A due date below its link must not cost module size: where the extra line would make the
  // codes smaller, the date stays beside the link and the link gives way ("xing.com/pro… · bis …").
  const withLines = bestArrangement(boxes)
  const oneLine: Required<CodeBox>[] = []
  for (const b of boxes) oneLine.push(box(b.modules, b.minWidth, b.link, 0))
  const packed = bestArrangement(oneLine)
  return packed.px > withLines.px ? { boxes: oneLine, ...packed } : { boxes, ...withLines }
}

/** The arrangement with the largest common module size. */
function bestArrangement(boxes: Required<CodeBox>[]): { rows: readonly (readonly number[])[]; px: number } {
  const [first, ...others] = ARRANGEMENTS[boxes.length]!
  let best = { rows: first!, px: largestModule(first!, boxes) }
  for (const rows of others) {
    const px = largestModule(rows, boxes)
    // Ties keep the earlier arrangement: one row before two, the fuller first row before the other.
    if (px > best.px) best = { rows, px }
  }
  return best
}

/** Per task count: one row; for 4–6 tasks also two rows, as even as can be (5 tasks: 3 + 2 or 2 + 3). */
const ARRANGEMENTS: readonly (readonly (readonly number[])[])[][] = [0, 1, 2, 3, 4, 5, 6].map((n) => {
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)
  const result = [[range(0, n)]]
  if (n >= 4) for (const k of new Set([Math.ceil(n / 2), Math.floor(n / 2)])) result.push([range(0, k), range(k, n)])
  return result
})

/** Height of a row of tasks at `px` per module: caption, the tallest code with its text, gaps. */
function rowHeight(row: readonly number[], boxes: readonly Required<CodeBox>[], px: number, caption: number): number {
  let tallest = -Infinity
  for (const i of row) {
    const b = boxes[i]!
    tallest = Math.max(tallest, px * b.modules + linkHeight(b, Math.max(px * b.modules, b.minWidth)))
  }
  return caption + 2 * HOMEWORK_LAYOUT.gap + tallest
}

/** The text's height in a column `width` wide: a second line when the due date does not fit beside the link. */
function linkHeight(b: Required<CodeBox>, width: number): number {
  return b.oneLine > width ? b.link + HOMEWORK_LAYOUT.link : b.link
}

/** Width of a row at `px` per module: each column the wider of its tile and its minimum, and gaps. */
function rowWidth(row: readonly number[], boxes: readonly Required<CodeBox>[], px: number): number {
  let sum = (row.length - 1) * HOMEWORK_LAYOUT.colGap
  for (const i of row) sum += Math.max(px * boxes[i]!.modules, boxes[i]!.minWidth)
  return sum
}

/** Whether `rows` fit the task area at `px` per module. */
function fits(rows: readonly (readonly number[])[], boxes: readonly Required<CodeBox>[], px: number, caption: number): boolean {
  let height = (rows.length - 1) * HOMEWORK_LAYOUT.rowGap
  for (const row of rows) {
    if (rowWidth(row, boxes, px) > TASK_AREA.width) return false
    height += rowHeight(row, boxes, px, caption)
  }
  return height <= TASK_AREA.height
}

/** The largest whole px per module at which `rows` fit the task area; 0 if none does. */
function largestModule(rows: readonly (readonly number[])[], boxes: readonly Required<CodeBox>[]): number {
  const caption = rows.length === 1 ? HOMEWORK_LAYOUT.caption : HOMEWORK_LAYOUT.captionTwoRows
  let largest = 0
  for (const b of boxes) largest = Math.max(largest, b.modules)
  let px = Math.floor(TASK_AREA.height / largest)
  // Above these bounds no px fits, so the search may start below them: each column is at least
  // its tile wide, and each row at least as high as its caption, its largest tile and a link line.
  let fixedHeight = (rows.length - 1) * HOMEWORK_LAYOUT.rowGap
  let tallest = 0
  for (const row of rows) {
    let modules = 0
    let rowLargest = 0
    let link = Infinity
    for (const i of row) {
      modules += boxes[i]!.modules
      rowLargest = Math.max(rowLargest, boxes[i]!.modules)
      link = Math.min(link, boxes[i]!.link)
    }
    px = Math.min(px, Math.floor((TASK_AREA.width - (row.length - 1) * HOMEWORK_LAYOUT.colGap) / modules))
    fixedHeight += caption + 2 * HOMEWORK_LAYOUT.gap + link
    tallest += rowLargest
  }
  px = Math.max(0, Math.min(px, Math.floor((TASK_AREA.height - fixedHeight) / tallest)))
  while (px > 0 && !fits(rows, boxes, px, caption)) px--
  return px
}

/** Positions in whole px: rows centred in the task area, columns sharing a row's spare width equally. */
function place(boxes: Required<CodeBox>[], rows: readonly (readonly number[])[], px: number): HomeworkLayout {
  const L = HOMEWORK_LAYOUT
  const caption = rows.length === 1 ? L.caption : L.captionTwoRows
  const drawn = Math.max(px, 1) // nothing fits: still a drawable (refused) layout
  const total = rows.reduce((sum, row) => sum + rowHeight(row, boxes, drawn, caption), 0) + (rows.length - 1) * L.rowGap
  const cells: TaskCell[] = []
  let y = Math.max(0, Math.floor((TASK_AREA.height - total) / 2))
  for (const row of rows) {
    const widths = row.map((i) => Math.max(drawn * boxes[i]!.modules, boxes[i]!.minWidth))
    const spare = Math.max(0, Math.floor((TASK_AREA.width - rowWidth(row, boxes, drawn)) / row.length))
    let x = 0
    row.forEach((i, k) => {
      cells[i] = { x, y, width: widths[k]! + spare, tile: drawn * boxes[i]!.modules, dueBelow: boxes[i]!.oneLine > widths[k]! + spare }
      x += widths[k]! + spare + L.colGap
    })
    y += rowHeight(row, boxes, drawn, caption) + L.rowGap
  }
  const promise = minPxPerModule(boxes.length)
  return { rows: rows.length, caption, pxPerModule: px, promise, ok: px >= promise, cells }
}

function checkCount(taskCount: number): void {
  if (!Number.isInteger(taskCount) || taskCount < 1 || taskCount > 6) {
    throw new RangeError(`homework layout: taskCount must be 1..6, got ${taskCount}`)
  }
}
