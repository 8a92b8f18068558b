// Turns YAML syntax errors and zod issues into diagnostics at the YAML node they name.
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'

export interface Located {
  line: number
  col: number
  field: string
  message: string
}

export interface ParsedYaml {
  data: unknown
  doc: Document
  lines: LineCounter
  errors: Located[]
}

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const errors = doc.errors.map((e) => {
    const { line, col } = lines.linePos(e.pos[0])
    return { line, col, field: '', message: yamlMessage(e.code, e.message) }
  })
  return { data: errors.length ? undefined : doc.toJS(), doc, lines, errors }
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'this field appears twice: keep one'
  if (code === 'TAB_AS_INDENT') return 'YAML does not allow tabs for indentation: use spaces'
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
  return `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}`
}

/** `homework.1.url` style names; numbers are 1-based like the presenter counts tasks. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? String(p + 1) : String(p))).join('.')
}

/** Where a zod issue points: the node at its path, else the nearest existing parent. */
export function locateIssue(parsed: ParsedYaml, issue: z.core.$ZodIssue): Located[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      ...keyPosition(parsed, path, key),
      field: fieldName([...path, key]),
      message: `unknown field: check its spelling${suggest(key)}`,
    }))
  }
  return [{ ...nodePosition(parsed, path), field: fieldName(path), message: issue.message }]
}

function nodePosition({ doc, lines }: ParsedYaml, path: (string | number)[]): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)
    if (isNode(node) && node.range) return lines.linePos(node.range[0])
  }
  return { line: 1, col: 1 }
}

function keyPosition(parsed: ParsedYaml, path: (string | number)[], key: string): { line: number; col: number } {
  const map = path.length ? parsed.doc.getIn(path, true) : parsed.doc.contents
  if (isMap(map)) {
    const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)
    if (pair && isNode(pair.key) && pair.key.range) return parsed.lines.linePos(pair.key.range[0])
  }
  return nodePosition(parsed, path)
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
