// Turns YAML syntax errors and zod issues into diagnostics at the YAML node they name.
import { isAlias, isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml'
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
  /** The YAML text, to point into a value. */
  source: string
}

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter()
  // merge: YAML 1.1 merge keys (`<<: *task`) are how people reuse a task; yaml 1.2 would keep "<<" as a field.
  // logLevel: yaml's warnings (a list used as a key) would go to stderr without a file name; zod reports the key.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true, logLevel: 'error' })
  const errors = doc.errors.map((e) => {
    const { line, col } = lines.linePos(e.pos[0])
    return { line, col, field: '', message: yamlMessage(e.code, e.message) }
  })
  if (errors.length) return { data: undefined, doc, lines, errors, source: text }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), doc, lines, errors, source: text }
  } catch (error) {
    // toJS throws a ReferenceError when aliases expand too far (a "billion laughs" file), and an
    // Error when `<<:` names something other than a group of fields.
    const bomb = error instanceof ReferenceError
    const at = bomb ? first(doc, isAlias) : first(doc, (n) => isScalar(n) && (n.source === '<<' || n.value === '<<')) ?? first(doc, () => true)
    const { line, col } = lines.linePos(at?.range?.[0] ?? 0)
    const message = bomb
      ? 'aliases (*name) expand to too much text: write the values out instead of repeating *name'
      : '<< merges only a group of fields defined with &name, e.g. <<: *task'
    return { data: undefined, doc, lines, errors: [{ line, col, field: '', message }], source: text }
  }
}

/** yaml's own default; named so the limit is visible where the error is turned into a message. */
const MAX_ALIAS_COUNT = 100

/** The first node in document order that `test` accepts (aliases, keys and values alike). */
function first(doc: Document, test: (node: Node) => boolean): Node | undefined {
  let found: Node | undefined
  visit(doc, (_, node) => {
    if (isNode(node) && test(node)) {
      found = node
      return visit.BREAK
    }
    return undefined
  })
  return found
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
  const char = issue.code === 'custom' ? (issue.params?.char as string | undefined) : undefined
  const at = (char && charPosition(parsed, path, char)) || nodePosition(parsed, path)
  return [{ ...at, field: fieldName(path), message: issue.message }]
}

/** Where a character the schema refused stands in the value as written (not when it is an escape like \v). */
function charPosition({ doc, lines, source }: ParsedYaml, path: (string | number)[], char: string): { line: number; col: number } | undefined {
  const node = doc.getIn(path, true)
  if (!isScalar(node) || !node.range) return undefined
  const index = source.slice(node.range[0], node.range[1]).indexOf(char)
  return index < 0 ? undefined : lines.linePos(node.range[0] + index)
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
