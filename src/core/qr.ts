// QR codes as inline SVG: black modules on a white tile that carries its own quiet zone.
import { create } from 'qrcode'
import { escapeHtml } from './escape-html.ts'

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
 * Encoding is most of a build's time (qrcode scores all 8 mask patterns), and each task's URL is
 * encoded for the size check, the slide and the homework page: encode each text and level once.
 */
const symbols = new Map<string, ReturnType<typeof create>>()

function symbol(text: string, level: EcLevel): ReturnType<typeof create> {
  const key = `${level}${text}`
  let found = symbols.get(key)
  if (!found) {
    if (symbols.size >= 10_000) symbols.clear()
    found = create(text, { errorCorrectionLevel: level })
    symbols.set(key, found)
  }
  return found
}

/** Edge in modules (quiet zone included) of `text`'s code at `level`; undefined beyond version 40. */
export function qrModules(text: string, level: EcLevel): number | undefined {
  try {
    return symbol(text, level).modules.size + 2 * QUIET_ZONE
  } catch {
    return undefined // qrcode throws when the data exceeds version 40 at this level
  }
}

const capacities = new Map<number, number>()

/** Bytes of text a version holds at level L: about how long a link may be at that version. */
export function byteCapacity(version: number): number {
  const known = capacities.get(version)
  if (known !== undefined) return known
  // Binary search through qrcode itself rather than a copied table (v4: 78, v10: 271).
  let lo = 0
  let hi = 2953 // version 40, level L
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (create('a'.repeat(mid), { errorCorrectionLevel: 'L' }).version <= version) lo = mid
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
  const code = symbol(text, level)
  const { size, data } = code.modules
  const modules = size + 2 * QUIET_ZONE
  let path = ''
  for (let y = 0; y < size; y++) {
    // One subpath per horizontal run of dark modules keeps the path short.
    for (let x = 0; x < size; ) {
      if (!data[y * size + x]) {
        x++
        continue
      }
      const start = x
      while (x < size && data[y * size + x]) x++
      path += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${modules} ${modules}" ` +
    `shape-rendering="crispEdges" role="img" aria-label="${escapeHtml(text)}">` +
    `<rect width="${modules}" height="${modules}" fill="#fff"/>` +
    `<path fill="#000" d="${path}"/></svg>`
  return { svg, version: code.version, modules, level }
}
