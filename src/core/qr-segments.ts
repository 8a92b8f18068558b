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

/** One mode a run may take: a node of qrcode's graph. Every field is set when it is made (one object shape). */
interface Node {
  /** Index in the graph's node list: the search keeps costs and predecessors in typed arrays by it. */
  id: number
  mode: Mode
  data: string
  /** Characters, or UTF-8 bytes in byte mode (qrcode's node.length). */
  length: number
  /** qrcode's buildGraph keeps a running count per node while it weighs the edges to the next run. */
  lastCount: number
  /** Edges to the next run's nodes, in qrcode's order (the order of their keys in its graph object). */
  next: Edge[]
}

interface Edge {
  to: Node
  bits: number
}

function newNode(id: number, mode: Mode, data: string, length: number): Node {
  return { id, mode, data, length, lastCount: 0, next: [] }
}

/**
 * qrcode's graph (lib/core/segments.js buildNodes and buildGraph): a node per mode each run may
 * take, and from every node of one run an edge to every node of the next, weighed in bits exactly
 * as buildGraph weighs it, including its running lastCount. Returns the nodes: the start first, the end last.
 */
function buildGraph(runs: readonly Run[], version: number): Node[] {
  const nodes = [newNode(0, 'byte', '', 0)]
  let from = 0 // the previous run's nodes: nodes[from] up to the last
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!
    const modes = ALTERNATIVES[run.mode]
    const first = nodes.length
    // Digits and alphanumeric characters are one byte each: their length is the same in every mode.
    for (let m = 0; m < modes.length; m++) nodes.push(newNode(nodes.length, modes[m]!, run.data, run.length))
    for (let t = first; t < nodes.length; t++) {
      const to = nodes[t]!
      for (let p = from; p < first; p++) {
        const prev = nodes[p]!
        if (p !== 0 && prev.mode === to.mode) {
          prev.next.push({ to, bits: dataBits(prev.lastCount + to.length, to.mode) - dataBits(prev.lastCount, to.mode) })
          prev.lastCount += to.length
        } else {
          if (p !== 0) prev.lastCount = to.length
          prev.next.push({ to, bits: dataBits(to.length, to.mode) + 4 + countBits(to.mode, version) })
        }
      }
    }
    from = first
  }
  const end = newNode(nodes.length, 'byte', '', 0)
  for (let p = from; p < nodes.length; p++) nodes[p]!.next.push({ to: end, bits: 0 })
  nodes.push(end)
  return nodes
}

/**
 * dijkstrajs's single_source_shortest_paths, step for step: its queue is an array re-sorted (stably)
 * on every push and read from the front, so it hands out the cheapest entry, the earliest pushed
 * among equals; a binary heap ordered by (cost, push order) hands out the same entries in the same
 * order. A node takes a new predecessor only on a strictly cheaper path, as there. So where two
 * segmentations cost the same bits, this picks the one qrcode picks. Returns the path's nodes
 * between the start and the end.
 */
function shortestPath(nodes: readonly Node[]): Node[] {
  const cost = new Int32Array(nodes.length).fill(-1) // -1: not reached yet
  const from = new Int32Array(nodes.length).fill(-1)
  // The queue as three parallel arrays, one entry per push: node, cost and push order.
  const heapNode: number[] = []
  const heapCost: number[] = []
  const heapOrder: number[] = []
  let pushed = 0
  const before = (a: number, b: number) => heapCost[a]! < heapCost[b]! || (heapCost[a] === heapCost[b] && heapOrder[a]! < heapOrder[b]!)
  const swap = (a: number, b: number) => {
    const node = heapNode[a]!
    const c = heapCost[a]!
    const order = heapOrder[a]!
    heapNode[a] = heapNode[b]!
    heapCost[a] = heapCost[b]!
    heapOrder[a] = heapOrder[b]!
    heapNode[b] = node
    heapCost[b] = c
    heapOrder[b] = order
  }
  const push = (node: number, c: number) => {
    heapNode.push(node)
    heapCost.push(c)
    heapOrder.push(pushed++)
    for (let i = heapNode.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1
      if (!before(i, parent)) break
      swap(i, parent)
      i = parent
    }
  }
  /** Removes the cheapest entry into slot 0's place and returns its node; its cost is in `popped`. */
  let popped = 0
  const pop = () => {
    const top = heapNode[0]!
    popped = heapCost[0]!
    const last = heapNode.length - 1
    if (last > 0) swap(0, last)
    heapNode.pop()
    heapCost.pop()
    heapOrder.pop()
    for (let i = 0; ; ) {
      const l = 2 * i + 1
      const r = l + 1
      let least = i
      if (l < heapNode.length && before(l, least)) least = l
      if (r < heapNode.length && before(r, least)) least = r
      if (least === i) break
      swap(i, least)
      i = least
    }
    return top
  }
  cost[0] = 0
  push(0, 0)
  while (heapNode.length) {
    const u = pop()
    const reached = popped
    const next = nodes[u]!.next
    for (let e = 0; e < next.length; e++) {
      const v = next[e]!.to.id
      const through = reached + next[e]!.bits
      if (cost[v] === -1 || cost[v]! > through) {
        cost[v] = through
        from[v] = u
        push(v, through)
      }
    }
  }
  const path: Node[] = []
  for (let node = from[nodes.length - 1]!; node > 0; node = from[node]!) path.push(nodes[node]!)
  return path.reverse()
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
  const merged: Run[] = []
  for (const { mode, data, length } of shortestPath(buildGraph(runs, version))) {
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
  // A loop, not a map: qrcode's code then always meets an array of one kind (see homework-layout.ts layoutPxPerModule).
  const segments: QRCodeSegment[] = []
  for (const { mode, data } of runs) segments.push({ mode, data } as QRCodeSegment)
  return segments
}
