// The segments qrcode would choose for a text (numeric, alphanumeric and byte runs), found by the
// same search on the same graph with a proper priority queue. A build encodes hundreds of URLs, and
// qrcode's search (dijkstrajs re-sorts its whole queue on every push, and its graph is an object of
// string keys) cost more than drawing the codes.
import type { QRCodeSegment } from 'qrcode'
import ECLevel from 'qrcode/lib/core/error-correction-level.js'
import QrMode from 'qrcode/lib/core/mode.js'
import Version from 'qrcode/lib/core/version.js'
import type { EcLevel } from './qr.ts'

type Mode = 'numeric' | 'alphanumeric' | 'byte'

/** qrcode's character count bits per mode, for versions 1–9, 10–26 and 27–40 (lib/core/mode.js). */
const COUNT_BITS: Record<Mode, readonly [number, number, number]> = { numeric: [10, 12, 14], alphanumeric: [9, 11, 13], byte: [8, 16, 16] }

/** Which of the three ranges of versions (1–9, 10–26, 27–40) a version is in: they count characters in more bits. */
const bitsRange = (version: number) => (version < 10 ? 0 : version < 27 ? 1 : 2)

function countBits(mode: Mode, version: number): number {
  return COUNT_BITS[mode][bitsRange(version)]
}

/** Data bits of `length` characters (bytes in byte mode), as lib/core/*-data.js count them. */
function dataBits(length: number, mode: Mode): number {
  if (mode === 'numeric') return 10 * Math.floor(length / 3) + (length % 3 ? (length % 3) * 3 + 1 : 0)
  if (mode === 'alphanumeric') return 11 * Math.floor(length / 2) + 6 * (length % 2)
  return length * 8
}

/** The modes one run of characters may take (qrcode's buildNodes), its own first. */
const ALTERNATIVES: Record<Mode, readonly Mode[]> = { numeric: ['numeric', 'alphanumeric', 'byte'], alphanumeric: ['alphanumeric', 'byte'], byte: ['byte'] }

/** Runs of digits, of the other alphanumeric characters and of the rest (qrcode's regex.js, Kanji mode off). */
const RUNS = /([0-9]+)|([A-Z $%*+\-./:]+)|([^A-Z0-9 $%*+\-./:]+)/g

/** A lone surrogate: UTF-16 that is not well-formed (a regex of the module, as esbuild turns a literal with \\p{…} into a RegExp made on every call). */
const SURROGATE = /\p{Surrogate}/u

/** UTF-8 bytes of a well-formed string (qrcode's getStringByteLength), without encoding it. */
function utf8Length(text: string): number {
  let bytes = text.length // a unit each, then what more the wider characters take
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0x80) bytes += unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 1 : 2 // a surrogate pair: 4 bytes for 2 units
  }
  return bytes
}

interface Run {
  mode: Mode
  data: string
  /** Characters, or UTF-8 bytes in byte mode (qrcode's segment and node length). */
  length: number
}

/** The text's runs of one mode each, unoptimised (qrcode's getSegmentsFromString). */
function runsOf(text: string): Run[] {
  return Array.from(text.matchAll(RUNS), ([data, numeric, alphanumeric]) =>
    numeric ? { mode: 'numeric', data, length: data.length } : alphanumeric ? { mode: 'alphanumeric', data, length: data.length } : { mode: 'byte', data, length: utf8Length(data) },
  )
}

/** Data bits of each version (1–40) at a level: qrcode's Version.getCapacity for mixed data. */
const capacities = new Map<EcLevel, number[]>()

/**
 * The smallest version whose data bits hold the runs with their mode and count indicators, as
 * qrcode's Version.getBestVersionForData counts (for one run its per-mode capacity, which comes to
 * the same); undefined beyond version 40.
 */
function versionFor(runs: readonly Run[], level: EcLevel): number | undefined {
  let capacity = capacities.get(level)
  if (!capacity) {
    capacity = Array.from({ length: 41 }, (_, v) => (v ? Version.getCapacity(v, ECLevel[level], QrMode.MIXED) : 0))
    capacities.set(level, capacity)
  }
  // The bits change only where the character counts grow (versions 10 and 27): three sums, not forty.
  const bits = [0, 0, 0]
  for (const run of runs) {
    const data = dataBits(run.length, run.mode) + 4
    for (let range = 0; range < 3; range++) bits[range]! += data + COUNT_BITS[run.mode][range]!
  }
  for (let version = 1; version <= 40; version++) {
    if (bits[bitsRange(version)]! <= capacity[version]!) return version
  }
  return undefined
}

interface Node {
  mode: Mode
  data: string
  /** Characters, or UTF-8 bytes in byte mode (qrcode's node.length). */
  length: number
  /** qrcode's buildGraph keeps a running count per node while it weighs the edges to the next run. */
  lastCount: number
  /** Edges to the next run's nodes, in qrcode's order (the order of their keys in its graph object). */
  next: { to: Node; bits: number }[]
  cost: number | undefined
  from: Node | undefined
}

/**
 * qrcode's graph (lib/core/segments.js buildNodes and buildGraph): a node per mode each run may
 * take, and from every node of one run an edge to every node of the next, weighed in bits exactly
 * as buildGraph weighs it, including its running lastCount. Returns the start and the end node.
 */
function buildGraph(runs: readonly Run[], version: number): { start: Node; end: Node } {
  const node = (mode: Mode, data: string, length: number): Node => ({ mode, data, length, lastCount: 0, next: [], cost: undefined, from: undefined })
  const start = node('byte', '', 0)
  let previous = [start]
  for (const run of runs) {
    // Digits and alphanumeric characters are one byte each: their length is the same in every mode.
    const current = ALTERNATIVES[run.mode].map((mode) => node(mode, run.data, run.length))
    for (const to of current) {
      for (const prev of previous) {
        if (prev !== start && prev.mode === to.mode) {
          prev.next.push({ to, bits: dataBits(prev.lastCount + to.length, to.mode) - dataBits(prev.lastCount, to.mode) })
          prev.lastCount += to.length
        } else {
          if (prev !== start) prev.lastCount = to.length
          prev.next.push({ to, bits: dataBits(to.length, to.mode) + 4 + countBits(to.mode, version) })
        }
      }
    }
    previous = current
  }
  const end = node('byte', '', 0)
  for (const prev of previous) prev.next.push({ to: end, bits: 0 })
  return { start, end }
}

/**
 * dijkstrajs's single_source_shortest_paths, step for step: its queue is an array re-sorted (stably)
 * on every push and read from the front, so it hands out the cheapest entry, the earliest pushed
 * among equals; a binary heap ordered by (cost, push order) hands out the same entries in the same
 * order. A node takes a new predecessor only on a strictly cheaper path, as there. So where two
 * segmentations cost the same bits, this picks the one qrcode picks.
 */
function shortestPath(start: Node, end: Node): Node[] {
  const heap: { node: Node; cost: number; order: number }[] = []
  const before = (a: (typeof heap)[number], b: (typeof heap)[number]) => a.cost < b.cost || (a.cost === b.cost && a.order < b.order)
  let pushed = 0
  const push = (node: Node, cost: number) => {
    heap.push({ node, cost, order: pushed++ })
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1
      if (!before(heap[i]!, heap[parent]!)) break
      ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
      i = parent
    }
  }
  const pop = () => {
    const top = heap[0]!
    const last = heap.pop()!
    if (heap.length) {
      heap[0] = last
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let least = i
        if (l < heap.length && before(heap[l]!, heap[least]!)) least = l
        if (r < heap.length && before(heap[r]!, heap[least]!)) least = r
        if (least === i) break
        ;[heap[i], heap[least]] = [heap[least]!, heap[i]!]
        i = least
      }
    }
    return top
  }
  start.cost = 0
  push(start, 0)
  while (heap.length) {
    const { node: u, cost } = pop()
    for (const { to: v, bits } of u.next) {
      if (v.cost === undefined || v.cost > cost + bits) {
        v.cost = cost + bits
        v.from = u
        push(v, cost + bits)
      }
    }
  }
  const path: Node[] = []
  for (let node = end.from; node && node !== start; node = node.from) path.unshift(node)
  return path
}

/** qrcode's segments for a text and the version they need (undefined beyond version 40). */
export interface QrEncoding {
  segments: QRCodeSegment[]
  version: number | undefined
}

/**
 * The segments qrcode's `create(text)` encodes `text` with, as an explicit list for `create`, and
 * their version: the same version, mask and modules, without qrcode's search (see shortestPath).
 * Undefined for an empty text or one that is not well-formed UTF-16: qrcode throws on those, and
 * must say so itself.
 */
export function qrEncoding(text: string, level: EcLevel): QrEncoding | undefined {
  return qrEncodings(text)?.[level]
}

/**
 * qrEncoding at both levels, L and M, at once: the layout sizes most codes at both. The search
 * depends on the level only through the character count bits of the version the unoptimised runs
 * need (versions 1–9, 10–26, 27–40), so where both levels fall in one range, one search serves both.
 */
export function qrEncodings(text: string): Record<EcLevel, QrEncoding> | undefined {
  if (text === '' || SURROGATE.test(text)) return undefined
  const runs = runsOf(text)
  // qrcode weighs the mode switches at the version the unoptimised runs need (or 40 when none holds them).
  const weighAt = (level: EcLevel) => versionFor(runs, level) ?? 40
  const atL = weighAt('L')
  const atM = weighAt('M')
  const mergedL = segmentRuns(runs, atL)
  const mergedM = bitsRange(atL) === bitsRange(atM) ? mergedL : segmentRuns(runs, atM)
  const segmentsL = segmentsOf(mergedL)
  return {
    L: { segments: segmentsL, version: versionFor(mergedL, 'L') },
    M: { segments: mergedM === mergedL ? segmentsL : segmentsOf(mergedM), version: versionFor(mergedM, 'M') },
  }
}

/** The cheapest segmentation of the runs with the mode switches weighed at `version`, neighbours of one mode merged (qrcode's mergeSegments). */
function segmentRuns(runs: readonly Run[], version: number): Run[] {
  const { start, end } = buildGraph(runs, version)
  const merged: Run[] = []
  for (const { mode, data, length } of shortestPath(start, end)) {
    const last = merged.at(-1)
    if (last?.mode === mode) {
      last.data += data
      last.length += length
    } else merged.push({ mode, data, length })
  }
  return merged
}

/**
 * The runs as qrcode's segments. A byte run stays a string, as qrcode's own segments of a text
 * are (lib/core/byte-data.js encodes it to UTF-8): given bytes, its buildSingleSegment would first
 * turn them into a string of decimal numbers only to find that they are not digits.
 */
function segmentsOf(runs: readonly Run[]): QRCodeSegment[] {
  return runs.map(({ mode, data }) => ({ mode, data }) as QRCodeSegment)
}
