// qrcode's choice of mask pattern, scored on bits. qrcode tries all 8 patterns on its BitMatrix
// through a method call per module and per rule (lib/core/mask-pattern.js getBestMask): that was
// most of the time of drawing a code. Here the same four penalty rules, with the same points, run
// on each row and column packed into 32-bit words, 32 modules per operation; the pattern with the
// fewest points wins, the first among equals.
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

/** A symbol's modules as bits: row i in `rows`, column j in `cols`, `words` 32-bit words each, module k at bit k % 32 of word k / 32. */
interface Packed {
  rows: Int32Array
  cols: Int32Array
}

function pack(data: Uint8Array, size: number, words: number): Packed {
  const rows = new Int32Array(size * words)
  const cols = new Int32Array(size * words)
  for (let i = 0, k = 0; i < size; i++) {
    // Without a branch per module: a dark module is as likely as a light one.
    for (let j = 0; j < size; j++, k++) {
      const dark = data[k]!
      rows[i * words + (j >> 5)]! |= dark << (j & 31)
      cols[j * words + (i >> 5)]! |= dark << (i & 31)
    }
  }
  return { rows, cols }
}

/**
 * What depends only on the symbol's size, kept per size (a build draws codes of a few sizes): for
 * each pattern, 1 where it flips a module, which is everywhere it applies except the function
 * modules (finder, timing, alignment, format and version information), as bytes and packed; the
 * cells that writeFormat writes, packed; and what it writes there for each level and pattern.
 */
interface SizeTables {
  flips: Uint8Array[]
  packedFlips: Packed[]
  formatCells: Packed
  /** By level: [L, M] (an index, so that the first code at a new level finds the same code path, see levelIndex). */
  formats: [Packed[], Packed[]]
}

const levelIndex = (level: EcLevel) => (level === 'L' ? 0 : 1)

const tablesBySize = new Map<number, SizeTables>()

function tablesOf(size: number, reserved: Uint8Array): SizeTables {
  let tables = tablesBySize.get(size)
  if (!tables) {
    const words = (size + 31) >> 5
    const flips = PATTERNS.map((applies) => {
      const flip = new Uint8Array(size * size)
      for (let row = 0, k = 0; row < size; row++) {
        for (let col = 0; col < size; col++, k++) flip[k] = !reserved[k] && applies(row, col) ? 1 : 0
      }
      return flip
    })
    const cells = new Uint8Array(size * size)
    for (const k of formatCellsOf(size)) cells[k] = 1
    const formatOf = (level: EcLevel) =>
      PATTERNS.map((_, p) => {
        const format = new Uint8Array(size * size)
        writeFormat(format, size, level, p)
        return pack(format, size, words)
      })
    tables = { flips, packedFlips: flips.map((flip) => pack(flip, size, words)), formatCells: pack(cells, size, words), formats: [formatOf('L'), formatOf('M')] }
    tablesBySize.set(size, tables)
  }
  return tables
}

/** The modules writeFormat writes, as indices row by row. */
function formatCellsOf(size: number): number[] {
  const cells = [(size - 8) * size + 8]
  for (let i = 0; i < 15; i++) cells.push((i < 6 ? i : i < 8 ? i + 1 : size - 15 + i) * size + 8, 8 * size + (i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1))
  return cells
}

/** Set bits of a 32-bit word. */
function ones(v: number): number {
  v -= (v >>> 1) & 0x55555555
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

/** Word `cur` of a line moved k modules along (1 ≤ k ≤ 31): bit j holds module j − k, taken from `prev`, the word before, where j < k. */
function back(cur: number, prev: number, k: number): number {
  return (cur << k) | (prev >>> (32 - k))
}

/**
 * The N1 and N3 points of one row or column (`words` words from `at`; `last` masks the modules of
 * the last word). Bit j of each mask below stands for "at module j": `same`, module j has the colour
 * of module j − 1; `run5` and `run6`, a run of 5 (6) or more ends at j; `finder`, the 1:1:3:1:1
 * pattern dark-light-dark-dark-dark-light-dark ends at j; `light4`, four light modules end at j.
 * Modules before the line's start are 0 (light) in the words but never count as light: `lightBits`
 * has them 0 too, so no pattern reaches outside the line.
 */
function linePoints(line: Int32Array, at: number, words: number, last: number): number {
  let runs = 0
  let finders = 0
  let px = 0, pLight = 0, pSame = 0, pSame2 = 0, pFinder = 0, pLight4 = 0
  for (let w = 0; w < words; w++) {
    const valid = w === words - 1 ? last : -1
    const x = line[at + w]!
    const light = ~x & valid
    const same = ~(x ^ back(x, px, 1)) & valid & (w === 0 ? ~1 : -1) // module 0 continues no run
    const same2 = same & back(same, pSame, 1)
    const run5 = same2 & back(same2, pSame2, 2)
    const run6 = run5 & back(same, pSame, 4)
    // A run earns 3 at its 5th module and 1 for each further one.
    runs += 3 * ones(run5) - 2 * ones(run6)
    const finder = x & back(light, pLight, 1) & back(x, px, 2) & back(x, px, 3) & back(x, px, 4) & back(light, pLight, 5) & back(x, px, 6)
    const light4 = light & back(light, pLight, 1) & back(light, pLight, 2) & back(light, pLight, 3)
    // qrcode's two 11-module patterns (0x5d0 and 0x05d): four light after the finder, or before it.
    finders += ones((back(finder, pFinder, 4) & light4) | (finder & back(light4, pLight4, 7)))
    px = x
    pLight = light
    pSame = same
    pSame2 = same2
    pFinder = finder
    pLight4 = light4
  }
  return runs + 40 * finders
}

/**
 * The penalty points of a masked symbol: qrcode's four rules (lib/core/mask-pattern.js
 * getPenaltyN1..N4) with the same points. N1: a run of 5 or more modules of one colour in a row or
 * column, 3 plus 1 per module beyond 5. N2: 3 for each 2×2 block of one colour. N3: 40 for each
 * 1:1:3:1:1 finder-like pattern with four light modules on one side (11 modules in a row or
 * column). N4: 10 for each 5 % the share of dark modules is away from half.
 */
function penalty({ rows, cols }: Packed, size: number): number {
  const words = (size + 31) >> 5
  const last = size & 31 ? (1 << (size & 31)) - 1 : -1
  let points = 0
  let blocks = 0
  let dark = 0
  for (let i = 0; i < size; i++) {
    points += linePoints(rows, i * words, words, last) + linePoints(cols, i * words, words, last)
    let pUpper = 0, pLower = 0
    for (let w = 0; w < words; w++) {
      const upper = rows[i * words + w]!
      dark += ones(upper)
      if (i === size - 1) continue
      // A block between rows i and i + 1 ends at column j: both rows keep their colour from j − 1, and agree.
      const lower = rows[(i + 1) * words + w]!
      const valid = (w === words - 1 ? last : -1) & (w === 0 ? ~1 : -1)
      blocks += ones(~(upper ^ back(upper, pUpper, 1)) & ~(lower ^ back(lower, pLower, 1)) & ~(upper ^ lower) & valid)
      pUpper = upper
      pLower = lower
    }
  }
  return points + blocks * 3 + Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10) * 10
}

/**
 * The penalty points of each of the 8 patterns for a symbol qrcode drew with mask pattern
 * `drawnWith`: the data unmasked, then each pattern applied with its format information in place.
 * Returns them in pattern order.
 */
export function maskPoints(modules: BitMatrix, level: EcLevel, drawnWith: number): number[] {
  const { size, reservedBit: reserved } = modules
  const { packedFlips, formatCells, formats } = tablesOf(size, reserved)
  // The unmasked symbol without its format information; each trial puts its own in.
  const base = pack(modules.data, size, (size + 31) >> 5)
  const drawn = packedFlips[drawnWith]!
  for (let k = 0; k < base.rows.length; k++) {
    base.rows[k] = (base.rows[k]! ^ drawn.rows[k]!) & ~formatCells.rows[k]!
    base.cols[k] = (base.cols[k]! ^ drawn.cols[k]!) & ~formatCells.cols[k]!
  }
  const trial: Packed = { rows: new Int32Array(base.rows.length), cols: new Int32Array(base.cols.length) }
  const formatOf = formats[levelIndex(level)]!
  // A loop, not a map: see homework-layout.ts layoutPxPerModule.
  const points: number[] = []
  for (let p = 0; p < packedFlips.length; p++) {
    const flip = packedFlips[p]!
    const format = formatOf[p]!
    for (let k = 0; k < base.rows.length; k++) {
      trial.rows[k] = base.rows[k]! ^ flip.rows[k]! ^ format.rows[k]!
      trial.cols[k] = base.cols[k]! ^ flip.cols[k]! ^ format.cols[k]!
    }
    points.push(penalty(trial, size))
  }
  return points
}

/**
 * The modules qrcode's `create` draws, from a symbol it drew with mask pattern `drawnWith` (so it
 * skipped its own search): the pattern with the fewest points (maskPoints) applied, the first among
 * equals as in qrcode's getBestMask. Returns the chosen pattern and the modules, row by row.
 */
export function bestMask(modules: BitMatrix, level: EcLevel, drawnWith: number): { mask: number; data: Uint8Array } {
  const { size, data: drawn } = modules
  const points = maskPoints(modules, level, drawnWith)
  let best = 0
  for (let p = 1; p < points.length; p++) if (points[p]! < points[best]!) best = p
  const { flips } = tablesOf(size, modules.reservedBit)
  const was = flips[drawnWith]!
  const now = flips[best]!
  const data = new Uint8Array(size * size)
  for (let k = 0; k < data.length; k++) data[k] = drawn[k]! ^ was[k]! ^ now[k]!
  writeFormat(data, size, level, best)
  return { mask: best, data }
}
