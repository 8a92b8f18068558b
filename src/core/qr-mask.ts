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

/** The 15 bits of format information per level and pattern (lib/core/format-info.js), computed once. */
const FORMAT_BITS = { L: [0, 1, 2, 3, 4, 5, 6, 7].map((p) => FormatInfo.getEncodedBits(ECLevel.L, p)), M: [0, 1, 2, 3, 4, 5, 6, 7].map((p) => FormatInfo.getEncodedBits(ECLevel.M, p)) }

/** The format information of `level` and pattern `p`, where lib/core/qrcode.js setupFormatInfo puts it. */
function writeFormat(data: Uint8Array, size: number, level: EcLevel, p: number): void {
  const bits = FORMAT_BITS[level][p]!
  for (let i = 0; i < 15; i++) {
    const mod = (bits >> i) & 1
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i
    data[row * size + 8] = mod
    const col = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1
    data[8 * size + col] = mod
  }
  data[(size - 8) * size + 8] = 1 // the dark module
}

/**
 * The penalty points of a masked symbol: qrcode's four rules (lib/core/mask-pattern.js
 * getPenaltyN1..N4) with the same points. N1: a run of 5 or more modules of one colour in a row or
 * column, 3 plus 1 per module beyond 5. N2: 3 for each 2×2 block of one colour. N3: 40 for each
 * 1:1:3:1:1 finder-like pattern with four light modules on one side (the last 11 modules as bits).
 * N4: 10 for each 5 % the share of dark modules is away from half.
 *
 * One pass over the rows reads each row and column once. Whether a module continues a run is as
 * likely as not, so runs are counted without branching on it: the run length resets by arithmetic,
 * and a run earns its points as it grows (3 at its 5th module, 1 for each further one).
 */
function penalty(data: Uint8Array, size: number): number {
  let runs = 0
  let blocks = 0
  let finders = 0
  let dark = 0
  for (let i = 0; i < size; i++) {
    let rowRun = 0
    let rowLast = 0
    let rowBits = 0
    let colRun = 0
    let colLast = 0
    let colBits = 0
    const rowStart = i * size
    for (let j = 0; j < size; j++) {
      const inRow = data[rowStart + j]! // row i, column j
      const inCol = data[j * size + i]! // row j, column i
      dark += inRow
      rowRun = rowRun * (inRow ^ rowLast ^ 1) + 1 // 1 at j = 0, as rowRun starts at 0
      colRun = colRun * (inCol ^ colLast ^ 1) + 1
      rowLast = inRow
      colLast = inCol
      if (rowRun >= 5) runs += rowRun === 5 ? 3 : 1
      if (colRun >= 5) runs += colRun === 5 ? 3 : 1
      rowBits = ((rowBits << 1) & 0x7ff) | inRow
      colBits = ((colBits << 1) & 0x7ff) | inCol
      if (j >= 10) {
        if (rowBits === 0x5d0 || rowBits === 0x05d) finders++
        if (colBits === 0x5d0 || colBits === 0x05d) finders++
      }
    }
    if (i < size - 1) {
      // Blocks between row i and row i + 1: the sum of each column's pair, and of its neighbour's.
      let left = data[rowStart]! + data[rowStart + size]!
      for (let j = 1; j < size; j++) {
        const right = data[rowStart + j]! + data[rowStart + size + j]!
        blocks += ((left + right) & 3) === 0 ? 1 : 0 // 0 or 4 dark modules
        left = right
      }
    }
  }
  return runs + blocks * 3 + finders * 40 + Math.abs(Math.ceil((dark * 100) / data.length / 5) - 10) * 10
}

/** `data` with pattern `flip` applied, into `out`. */
function applyFlips(data: Uint8Array, flip: Uint8Array, out: Uint8Array): Uint8Array {
  for (let k = 0; k < data.length; k++) out[k] = data[k]! ^ flip[k]!
  return out
}

/**
 * The modules qrcode's `create` draws, from a symbol it drew with mask pattern `drawnWith` (so it
 * skipped its own search): the data unmasked, each pattern scored with its format information in
 * place, and the one with the fewest points applied, the first among equals as in qrcode's
 * getBestMask. Returns the chosen pattern and the modules, row by row.
 */
export function bestMask(modules: BitMatrix, level: EcLevel, drawnWith: number): { mask: number; data: Uint8Array } {
  const { size, reservedBit: reserved } = modules
  const flips = flipsOf(size, reserved)
  const unmasked = applyFlips(modules.data, flips[drawnWith]!, new Uint8Array(size * size))
  const trial = new Uint8Array(size * size)
  let best = 0
  let fewest = Infinity
  for (let p = 0; p < PATTERNS.length; p++) {
    applyFlips(unmasked, flips[p]!, trial)
    writeFormat(trial, size, level, p)
    const points = penalty(trial, size)
    if (points < fewest) {
      fewest = points
      best = p
    }
  }
  const data = applyFlips(unmasked, flips[best]!, trial)
  writeFormat(data, size, level, best)
  return { mask: best, data }
}
