// QR codes as inline SVG: black modules on a white tile that carries its own quiet zone.
// qrcode's core only: its package entry also loads the PNG, terminal and UTF-8 renderers (pngjs, zlib),
// which every thread of a build would compile at start for nothing.
import QRCode from 'qrcode/lib/core/qrcode.js'
import { escapeHtml } from './escape-html.ts'
import { bestMask } from './qr-mask.ts'
import { qrEncodings, type QrEncoding } from './qr-segments.ts'
import { remember } from './remember.ts'

/** Modules of white around the symbol (ISO/IEC 18004 asks for 4). Part of the SVG, never CSS. */
export const QUIET_ZONE = 4

export type EcLevel = 'L' | 'M'

export interface QrCode {
  /** `<svg>` without width and height: the layout sets its size; the viewBox is in modules. */
  svg: string
  version: number
  /** Edge length in modules, quiet zone included: 17 + 4 × version + 2 × 4. */
  modules: number
  level: EcLevel
}

/*
 * Error correction: M (15 % of codewords recoverable) unless only L (7 %) fits the size budget.
 * A projected code is never torn or dirty; what it suffers is blur, moiré and a glare spot, which
 * M's extra margin absorbs. But the limit that decides whether a phone in the back row reads it is
 * the size of one module, and L holds about 25 % more bytes per version (v4: 78 vs 62, v5: 106 vs
 * 84). One version less means 4 modules less per side, so each module grows by about 10 % on the
 * same tile (v5 → v4 at 45 → 41 modules). So: M while the slide keeps its promise, else L for the
 * largest codes, which buys a whole version of module size. The rule: fit-homework.ts; numbers in
 * docs/qr-sizing.md.
 */

/**
 * Drawing a code is the costly part of a deck (segments, error correction, 8 mask patterns scored),
 * and each task's URL is sized for the layout (at both levels), drawn on the slide and again on the
 * homework page. A size
 * needs only the version, which the segments give (qr-segments.ts) without drawing the symbol; a
 * drawn code is kept for the next page that shows it. Both caches are bounded: a build of a
 * thousand decks must not keep every symbol.
 */
const encodings = new Map<string, { encodings: Record<EcLevel, QrEncoding> | undefined }>()
/** Drawn codes per level, by text: a task's target is one string object, whose hash the map keeps (a `${level}${text}` key was a new string to hash on every look-up). */
const codes: Record<EcLevel, Map<string, QrCode>> = { L: new Map(), M: new Map() }

/** qrcode's segments for the text and their version; undefined for a text qrcode refuses (see qrEncoding). Both levels at once (qrEncodings). */
function encodingOf(text: string, level: EcLevel): QrEncoding | undefined {
  return remember(encodings, 10_000, text, () => ({ encodings: qrEncodings(text) })).encodings?.[level]
}

/** Edge in modules (quiet zone included) of `text`'s code at `level`; undefined beyond version 40. */
export function qrModules(text: string, level: EcLevel): number | undefined {
  const encoding = encodingOf(text, level)
  if (encoding) return encoding.version === undefined ? undefined : 17 + 4 * encoding.version + 2 * QUIET_ZONE
  try {
    return qrCode(text, level).modules
  } catch {
    return undefined // qrcode throws on an empty or broken (lone surrogate) text
  }
}

const capacities = new Map<number, number>()

/** Bytes of text a version holds at level L: about how long a link may be at that version. */
export function byteCapacity(version: number): number {
  const known = capacities.get(version)
  if (known !== undefined) return known
  // Binary search through qrcode's own version choice rather than a copied table (v4: 78, v10: 271).
  let lo = 0
  let hi = 2953 // version 40, level L
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if ((qrModules('a'.repeat(mid), 'L')! - 2 * QUIET_ZONE - 17) / 4 <= version) lo = mid
    else hi = mid - 1
  }
  capacities.set(version, lo)
  return lo
}

/**
 * The QR code for `text` at error correction `level` as an SVG string: one path for the dark
 * modules, a white background covering the quiet zone (so a dark theme can not eat it), crisp
 * edges, and `text` as its label. The homework layout picks the level (see fit-homework.ts).
 * @example qrCode('https://www.xing.com/profile').svg // '<svg xmlns=… viewBox="0 0 37 37" …>'
 */
export function qrCode(text: string, level: EcLevel = 'M'): QrCode {
  return remember(codes[level], 1_000, text, () => drawCode(text, level))
}

/** "h<n>v1h-<n>z", the rest of a run's subpath, made once per length (at most 177 modules). */
const runPaths: string[] = []
const runPath = (n: number) => (runPaths[n] ??= `h${n}v1h-${n}z`)

function drawCode(text: string, level: EcLevel): QrCode {
  // Drawn with a fixed mask, which skips qrcode's own scoring of the 8 patterns; bestMask picks as it does.
  const code = QRCode.create(encodingOf(text, level)?.segments ?? text, { errorCorrectionLevel: level, maskPattern: 0 })
  const { size } = code.modules
  const { data } = bestMask(code.modules, level, 0)
  const modules = size + 2 * QUIET_ZONE
  // One subpath per horizontal run of dark modules keeps the path short: "M<x> <y>h<n>v1h-<n>z".
  // Collected and joined, not appended: `+=` made a tree of hundreds of string pieces per code, which
  // the cache kept and V8's young-generation GC copied piece by piece (a quarter of a build's GC time).
  const subpaths: string[] = []
  for (let y = 0; y < size; y++) {
    const row = y * size
    const top = ` ${y + QUIET_ZONE}`
    for (let x = 0; x < size; ) {
      if (!data[row + x]) {
        x++
        continue
      }
      const start = x
      while (x < size && data[row + x]) x++
      subpaths.push(`M${start + QUIET_ZONE}${top}${runPath(x - start)}`)
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${modules} ${modules}" ` +
    `shape-rendering="crispEdges" role="img" aria-label="${escapeHtml(text)}">` +
    `<rect width="${modules}" height="${modules}" fill="#fff"/>` +
    `<path fill="#000" d="${subpaths.join('')}"/></svg>`
  return { svg, version: code.version, modules, level }
}
