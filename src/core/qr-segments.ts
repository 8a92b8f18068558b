// The segments qrcode would choose for a text (numeric, alphanumeric and byte runs), found without
// its Dijkstra: the same graph, walked once in order. A build encodes hundreds of URLs, and qrcode's
// search (dijkstrajs re-sorts its whole queue on every push) cost more than drawing the codes.
import type { QRCodeSegment } from 'qrcode'
import Segments from 'qrcode/lib/core/segments.js'
import Version from 'qrcode/lib/core/version.js'
import type { EcLevel } from './qr.ts'

type Mode = 'numeric' | 'alphanumeric' | 'byte'

/** qrcode's character count bits per mode, for versions 1–9, 10–26 and 27–40 (lib/core/mode.js). */
const COUNT_BITS: Record<Mode, readonly [number, number, number]> = { numeric: [10, 12, 14], alphanumeric: [9, 11, 13], byte: [8, 16, 16] }

function countBits(mode: Mode, version: number): number {
  return COUNT_BITS[mode][version < 10 ? 0 : version < 27 ? 1 : 2]
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

const encoder = new TextEncoder()

interface Node {
  mode: Mode
  data: string
  /** Characters, or UTF-8 bytes in byte mode (qrcode's node.length). */
  length: number
  /** qrcode's buildGraph keeps a running count per node while it weighs the edges to the next run. */
  lastCount: number
  cost: number
  /** Paths of least cost from the start to here, counted up to 2: the search must not have a choice. */
  paths: number
  from: Node | undefined
}

/**
 * The segments qrcode's `create(text)` encodes `text` with, as an explicit list for `create`: the
 * same version, mask and modules, found in linear time. Undefined when qrcode's own search is
 * needed: when two segmentations cost the same bits (which one Dijkstra picks depends on its
 * queue), for an empty text or one that is not well-formed UTF-16 (qrcode throws).
 */
export function qrSegments(text: string, level: EcLevel): QRCodeSegment[] | undefined {
  if (text === '' || /\p{Surrogate}/u.test(text)) return undefined
  // qrcode weighs the mode switches at the version the unoptimised runs need (or 40 when none holds them).
  const version = Version.getBestVersionForData(Segments.rawSplit(text), level) ?? 40
  const start: Node = { mode: 'byte', data: '', length: 0, lastCount: 0, cost: 0, paths: 1, from: undefined }
  let previous: Node[] = [start]
  for (const [data, numeric, alphanumeric] of text.matchAll(RUNS)) {
    const own: Mode = numeric ? 'numeric' : alphanumeric ? 'alphanumeric' : 'byte'
    const bytes = own === 'byte' ? encoder.encode(data).length : data.length
    const current: Node[] = []
    for (const mode of ALTERNATIVES[own]) {
      const node: Node = { mode, data, length: bytes, lastCount: 0, cost: Infinity, paths: 0, from: undefined }
      // Edge weights exactly as buildGraph computes them, including its running lastCount.
      for (const prev of previous) {
        let weight: number
        if (prev !== start && prev.mode === mode) {
          weight = dataBits(prev.lastCount + node.length, mode) - dataBits(prev.lastCount, mode)
          prev.lastCount += node.length
        } else {
          if (prev !== start) prev.lastCount = node.length
          weight = dataBits(node.length, mode) + 4 + countBits(mode, version)
        }
        const cost = prev.cost + weight
        if (cost < node.cost) {
          node.cost = cost
          node.paths = prev.paths
          node.from = prev
        } else if (cost === node.cost) {
          node.paths = Math.min(2, node.paths + prev.paths)
        }
      }
      current.push(node)
    }
    previous = current
  }
  let best: Node | undefined
  let paths = 0
  for (const node of previous) {
    if (!best || node.cost < best.cost) {
      best = node
      paths = node.paths
    } else if (node.cost === best.cost) {
      paths += node.paths
    }
  }
  if (!best || paths !== 1) return undefined
  // The one shortest path, merged where neighbouring runs share a mode (qrcode's mergeSegments).
  const chosen: Node[] = []
  for (let node: Node | undefined = best; node && node !== start; node = node.from) chosen.unshift(node)
  const merged: { mode: Mode; data: string }[] = []
  for (const { mode, data } of chosen) {
    const last = merged.at(-1)
    if (last?.mode === mode) last.data += data
    else merged.push({ mode, data })
  }
  return merged.map(({ mode, data }) => (mode === 'byte' ? { mode, data: encoder.encode(data) } : { mode, data }))
}

/** The version qrcode's `create` gives these segments at `level`; undefined when none holds them. */
export function qrVersion(segments: QRCodeSegment[], level: EcLevel): number | undefined {
  return Version.getBestVersionForData(Segments.fromArray(segments), level)
}
