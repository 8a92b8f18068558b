// qrcode's choice of mask pattern, scored on flat arrays. qrcode tries all 8 patterns on its
// BitMatrix through a method call per module and per rule (lib/core/mask-pattern.js getBestMask):
// that was most of the time of drawing a code. Here the same four penalty rules, with the same
// points, run over a Uint8Array; the pattern with the fewest points wins, the first among equals.
import type { BitMatrix } from 'qrcode'
import ECLevel from 'qrcode/lib/core/error-correction-level.js'
import FormatInfo from 'qrcode/lib/core/format-info.js'
import type { EcLevel } from './qr.ts'

/** The eight mask patterns (ISO/IEC 18004 8.8.1; lib/core/mask-pattern.js getMaskAt): true flips the module at row i, column j. */
const PATTERNS: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
]

/**
 * For each pattern, 1 where it flips a module: everywhere it applies except the function modules
 * (finder, timing, alignment, format and version information), which depend only on the version.
 * Kept per symbol size: a build draws codes of a few sizes only.
 */
const flipsBySize = new Map<number, Uint8Array[]>()

function flipsOf(size: number, reserved: Uint8Array): Uint8Array[] {
  let flips = flipsBySize.get(size)
  if (!flips) {
    flips = PATTERNS.map((applies) => {
      const flip = new Uint8Array(size * size)
      for (let row = 0, k = 0; row < size; row++) {
        for (let col = 0; col < size; col++, k++) flip[k] = !reserved[k] && applies(row, col) ? 1 : 0
      }
      return flip
    })
    flipsBySize.set(size, flips)
  }
  return flips
}

/** The format information of `level` and pattern `p`, where lib/core/qrcode.js setupFormatInfo puts it. */
function writeFormat(data: Uint8Array, size: number, level: EcLevel, p: number): void {
  const bits = FormatInfo.getEncodedBits(ECLevel[level], p)
  for (let i = 0; i < 15; i++) {
    const mod = (bits >> i) & 1
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i
    data[row * size + 8] = mod
    const col = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1
    data[8 * size + col] = mod
  }
  data[(size - 8) * size + 8] = 1 // the dark module
}

/** Points for runs of 5 or more same-coloured modules in a row or column: 3, plus 1 per module beyond 5. */
function penaltyN1(data: Uint8Array, size: number): number {
  let points = 0
  for (let row = 0; row < size; row++) {
    let sameInRow = 0
    let sameInCol = 0
    let lastInRow = -1
    let lastInCol = -1
    for (let col = 0; col < size; col++) {
      let module = data[row * size + col]!
      if (module === lastInRow) sameInRow++
      else {
        if (sameInRow >= 5) points += 3 + (sameInRow - 5)
        lastInRow = module
        sameInRow = 1
      }
      module = data[col * size + row]!
      if (module === lastInCol) sameInCol++
      else {
        if (sameInCol >= 5) points += 3 + (sameInCol - 5)
        lastInCol = module
        sameInCol = 1
      }
    }
    if (sameInRow >= 5) points += 3 + (sameInRow - 5)
    if (sameInCol >= 5) points += 3 + (sameInCol - 5)
  }
  return points
}

/** 3 points for each 2×2 block of one colour. */
function penaltyN2(data: Uint8Array, size: number): number {
  let points = 0
  for (let row = 0; row < size - 1; row++) {
    for (let col = 0, k = row * size; col < size - 1; col++, k++) {
      const sum = data[k]! + data[k + 1]! + data[k + size]! + data[k + size + 1]!
      if (sum === 4 || sum === 0) points++
    }
  }
  return points * 3
}

/** 40 points for each 1:1:3:1:1 finder-like pattern with four light modules on one side, in rows and columns. */
function penaltyN3(data: Uint8Array, size: number): number {
  let points = 0
  for (let row = 0; row < size; row++) {
    let inRow = 0
    let inCol = 0
    for (let col = 0; col < size; col++) {
      inRow = ((inRow << 1) & 0x7ff) | data[row * size + col]!
      if (col >= 10 && (inRow === 0x5d0 || inRow === 0x05d)) points++
      inCol = ((inCol << 1) & 0x7ff) | data[col * size + row]!
      if (col >= 10 && (inCol === 0x5d0 || inCol === 0x05d)) points++
    }
  }
  return points * 40
}

/** 10 points for each 5 % the share of dark modules is away from half. */
function penaltyN4(data: Uint8Array): number {
  let dark = 0
  for (let k = 0; k < data.length; k++) dark += data[k]!
  return Math.abs(Math.ceil((dark * 100) / data.length / 5) - 10) * 10
}

/**
 * The modules qrcode's `create` draws, from a symbol it drew with mask pattern `drawnWith` (so it
 * skipped its own search): the data unmasked, each pattern scored with its format information in
 * place, and the best one applied. Returns the chosen pattern and the modules, row by row.
 */
export function bestMask(modules: BitMatrix, level: EcLevel, drawnWith: number): { mask: number; data: Uint8Array } {
  const { size, reservedBit: reserved } = modules
  const flips = flipsOf(size, reserved)
  const xor = (a: Uint8Array, b: Uint8Array) => {
    const out = new Uint8Array(a.length)
    for (let k = 0; k < a.length; k++) out[k] = a[k]! ^ b[k]!
    return out
  }
  const unmasked = xor(modules.data, flips[drawnWith]!)
  let best = { mask: 0, data: unmasked, points: Infinity }
  for (let p = 0; p < PATTERNS.length; p++) {
    const data = xor(unmasked, flips[p]!)
    writeFormat(data, size, level, p)
    const points = penaltyN1(data, size) + penaltyN2(data, size) + penaltyN3(data, size) + penaltyN4(data)
    if (points < best.points) best = { mask: p, data, points }
  }
  return { mask: best.mask, data: best.data }
}
