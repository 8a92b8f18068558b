// How big each QR code is on the homework slide, and whether a URL still scans at that size.
import { byteCapacity, qrVersion } from './qr.ts'

/*
 * The arithmetic (prose and tables: docs/qr-sizing.md).
 *
 * Modules. A version-v code is 17 + 4v modules a side, plus a 4-module quiet zone each side:
 * 25 + 4v in all (v4: 41, v6: 49, v10: 65). Its tile on the slide is `qrTileSize` px, so one
 * module is tile / (25 + 4v) px. reveal.js runs at 1920×1080 with margin 0, so on a full-HD
 * projector one slide px is one screen px.
 *
 * Seats. A 2 m wide image shows 1920 px: 1.04 mm per px. A phone's main camera (26 mm equivalent)
 * sees about 69° = 1.21 rad across; scanners decode the video frame, ~1920 px wide, so one camera
 * pixel covers 1.21 / 1920 = 0.63 mrad (a 4000 px still: 0.30 mrad). Decoders need at least
 * 2 camera px per module; with some room for shake and focus we aim at 2.2 px = 1.4 mrad.
 *   8 px/module  =  8.3 mm:  8.3 mm / 1.4 mrad ≈ 6 m   (front and middle of a meeting room)
 *  12 px/module  = 12.5 mm: 12.5 mm / 1.4 mrad ≈ 9 m   (the back row)
 * So 1–3 tasks, where the codes can be big, promise the back row (12 px); 4–6 tasks promise 6 m (8 px).
 *
 * Test. A 1920×1080 screenshot of the slide, scaled to 25 % (480×270), must decode code by code
 * (test/unit/homework-layout.test.ts on a drawn slide, the e2e test on the built one): 8 px become
 * 2 px per module, the decoder's floor, i.e. what the phone sees at the distance above.
 */

const SLIDE = { width: 1920, height: 1080 }
/** The layout the homework slide's CSS draws; change both together. Sizes in slide px. */
export const HOMEWORK_LAYOUT = {
  title: 120, // slide heading and its margin
  pad: 24, // left, right and bottom edge of the slide
  colGap: 48,
  rowGap: 16,
  caption: 80, // task title above the code: 2 lines of 32 px type at line-height 1.25 (1–3 tasks)
  captionTwoRows: 40, // 4–6 tasks: 1 line, so that a version-5 code (45 modules × 8 px) fits
  link: 34, // short link below the code: 1 line of 28 px type at line-height 1.2
  gap: 6, // between caption and code, and code and link
} as const

/** Rows and columns of tasks: one row for 1–3, two rows of 2–3 for 4–6. */
export function homeworkGrid(taskCount: number): { rows: number; cols: number } {
  checkCount(taskCount)
  return taskCount <= 3 ? { rows: 1, cols: taskCount } : { rows: 2, cols: Math.ceil(taskCount / 2) }
}

/**
 * Edge of each QR tile (quiet zone included) in slide px: as big as the grid cell allows.
 * @example qrTileSize(3) // 592
 */
export function qrTileSize(taskCount: number): number {
  const { rows, cols } = homeworkGrid(taskCount)
  const L = HOMEWORK_LAYOUT
  const cellWidth = (SLIDE.width - 2 * L.pad - (cols - 1) * L.colGap) / cols
  const cellHeight = (SLIDE.height - L.title - L.pad - (rows - 1) * L.rowGap) / rows
  const caption = rows === 1 ? L.caption : L.captionTwoRows
  return Math.floor(Math.min(cellWidth, cellHeight - caption - L.link - 2 * L.gap))
}

/** The module size the slide promises: 12 px (back row) for 1–3 tasks, 8 px (~6 m) for 4–6. */
export function minPxPerModule(taskCount: number): number {
  checkCount(taskCount)
  return taskCount <= 3 ? 12 : 8
}

/** The largest QR version whose modules are still `minPxPerModule` px on the tile. */
export function maxQrVersion(taskCount: number): number {
  const modules = Math.floor(qrTileSize(taskCount) / minPxPerModule(taskCount))
  return Math.max(1, Math.min(40, Math.floor((modules - 25) / 4)))
}

export type Scannable =
  | { ok: true; version: number; pxPerModule: number }
  | { ok: false; version: number; pxPerModule: number; maxChars: number }

/**
 * Whether `text` as a QR code on a slide with `taskCount` tasks meets `minPxPerModule`.
 * On failure `maxChars` is about how long the text may be (ASCII; each byte of UTF-8 counts).
 * Text beyond any QR code's capacity reports version 40, the largest there is.
 * @example checkScannable('https://www.xing.com/profile', 6) // { ok: true, version: 3, pxPerModule: 9.02… }
 */
export function checkScannable(text: string, taskCount: number): Scannable {
  const tile = qrTileSize(taskCount)
  const maxVersion = maxQrVersion(taskCount)
  let version = 40
  try {
    version = qrVersion(text, maxVersion).version
  } catch {
    // qrcode throws when the data exceeds version 40: certainly too long.
  }
  const pxPerModule = tile / (25 + 4 * version)
  if (version <= maxVersion && pxPerModule >= minPxPerModule(taskCount)) return { ok: true, version, pxPerModule }
  return { ok: false, version, pxPerModule, maxChars: byteCapacity(maxVersion) }
}

function checkCount(taskCount: number): void {
  if (!Number.isInteger(taskCount) || taskCount < 1 || taskCount > 6) {
    throw new RangeError(`homework layout: taskCount must be 1..6, got ${taskCount}`)
  }
}
