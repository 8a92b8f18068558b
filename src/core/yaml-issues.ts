// Turns YAML syntax errors and zod issues into diagnostics at the YAML node they name.
import { isMap, isScalar } from 'yaml'
import type { z } from 'zod'
import type { ParsedYaml } from './parse-yaml.ts'

export interface Located {
  line: number
  col: number
  field: string
  message: string
}

/** `homework.1.url` style names; numbers are 1-based like the presenter counts tasks. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? String(p + 1) : String(p))).join('.')
}

/** Where a zod issue points: the node at its path, else the nearest existing parent. */
export function locateIssue(parsed: ParsedYaml, issue: z.core.$ZodIssue): Located[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  if (issue.code === 'unrecognized_keys') {
    const keys = keyPositions(parsed, path)
    return issue.keys.map((key) => ({
      ...(keys.get(key) ?? parsed.at(path)),
      field: fieldName([...path, key]),
      message: `unknown field: check its spelling${suggest(key)}`,
    }))
  }
  const char = issue.code === 'custom' ? (issue.params?.char as string | undefined) : undefined
  const at = (char && charPosition(parsed, path, char)) || parsed.at(path)
  return [{ ...at, field: fieldName(path), message: issue.message }]
}

/** Where a character the schema refused stands in the value as written (not when it is an escape like \v). */
function charPosition({ doc, lines, source }: ParsedYaml, path: (string | number)[], char: string): { line: number; col: number } | undefined {
  const node = doc.getIn(path, true)
  if (!isScalar(node) || !node.range) return undefined
  const index = source.slice(node.range[0], node.range[1]).indexOf(char)
  return index < 0 ? undefined : lines.linePos(node.range[0] + index)
}

/** Where each key of the map at `path` stands, in one pass: a map may have thousands of unknown keys. */
function keyPositions(parsed: ParsedYaml, path: (string | number)[]): Map<unknown, { line: number; col: number }> {
  const map = path.length ? parsed.doc.getIn(path, true) : parsed.doc.contents
  const positions = new Map<unknown, { line: number; col: number }>()
  for (const pair of isMap(map) ? map.items : []) {
    if (isScalar(pair.key) && pair.key.range && !positions.has(pair.key.value)) positions.set(pair.key.value, parsed.lines.linePos(pair.key.range[0]))
  }
  return positions
}

const KNOWN = ['title', 'date', 'audience', 'presenter', 'duration', 'lang', 'theme', 'homework', 'kind', 'url', 'details', 'due', 'network', 'text']

function suggest(key: string): string {
  const lower = key.toLowerCase()
  const near = KNOWN.find((k) => k === lower || distance(k, lower) <= 2)
  return near ? ` (did you mean ${near}?)` : ''
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.length]!
}
