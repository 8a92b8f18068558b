// yaml's parseDocument with limits: any frontmatter parses in linear time and never throws. The
// common frontmatter is read by js-yaml (quick-yaml.ts), and yaml's document made only when a
// diagnostic needs to point into it.
import { Composer, Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, Parser, visit, YAMLParseError, type CST, type Node } from 'yaml'
import { quickYaml, type Position } from './quick-yaml.ts'
import type { Located } from './yaml-issues.ts'

export interface ParsedYaml {
  data: unknown
  /** yaml's document, with every node's position (made on first use after a quick read). */
  readonly doc: Document
  readonly lines: LineCounter
  errors: Located[]
  /** The YAML text, to point into a value. */
  source: string
  /** Where the node at `path` starts, or its nearest parent that exists (1-based line and column of the YAML text). */
  at(path: readonly (string | number)[]): Position
}

/**
 * yaml composes nested collections recursively: a few hundred levels exhaust the stack, and V8 may
 * then abort the whole process instead of throwing. A deck's frontmatter needs three levels.
 */
export const MAX_YAML_DEPTH = 32
/** yaml resolves each alias by a walk over all anchors before it: many aliases take quadratic time. */
export const MAX_YAML_ALIASES = 100

export function parseYaml(text: string): ParsedYaml {
  const quick = quickYaml(text, MAX_YAML_DEPTH)
  if (quick === undefined) return parseWithYaml(text)
  let full: ParsedYaml | undefined
  const yaml = () => (full ??= parseWithYaml(text))
  return {
    data: quick.data,
    errors: [],
    source: text,
    get doc() {
      return yaml().doc
    },
    get lines() {
      return yaml().lines
    },
    at: (path) => quick.at(path) ?? yaml().at(path),
  }
}

/** yaml's reading, with its positions and messages: the parse of record. */
export function parseWithYaml(text: string): ParsedYaml {
  const lines = new LineCounter()
  const refuse = (offset: number, message: string, doc = new Document()): ParsedYaml => ({ data: undefined, doc, lines, errors: [{ ...lines.linePos(offset), field: '', message }], source: text, at: (path) => nodePosition(doc, lines, path) })
  const tokens = [...new Parser(lines.addNewLine).parse(text)]
  const limit = beyondLimits(tokens)
  if (limit) return refuse(limit.offset, limit.message)
  // uniqueKeys compares each key with every earlier one (quadratic): duplicateKeys does it with a Set.
  // merge: YAML 1.1 merge keys (`<<: *task`) are how people reuse a task; yaml 1.2 would keep "<<" as a field.
  // logLevel: yaml's warnings (a list used as a key) would go to stderr without a file name; zod reports the key.
  const [doc, next] = new Composer({ prettyErrors: false, uniqueKeys: false, merge: true, logLevel: 'error' }).compose(tokens, true, text.length)
  if (next) doc!.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'a second document'))
  for (const error of duplicateKeys(doc!)) doc!.errors.push(error)
  const errors = doc!.errors
    .sort((a, b) => a.pos[0] - b.pos[0])
    .map((e) => ({ ...lines.linePos(e.pos[0]), field: '', message: yamlMessage(e.code, e.message) }))
  const at = (path: readonly (string | number)[]) => nodePosition(doc!, lines, path)
  if (errors.length) return { data: undefined, doc: doc!, lines, errors, source: text, at }
  try {
    return { data: doc!.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), doc: doc!, lines, errors, source: text, at }
  } catch (error) {
    // toJS throws a ReferenceError for an alias without an anchor before it and when aliases expand
    // too far (a "billion laughs" file), and an Error when `<<:` names something other than a group of fields.
    const unresolved = first(doc!, (n) => isAlias(n) && !n.resolve(doc!))
    if (isAlias(unresolved)) return refuse(unresolved.range?.[0] ?? 0, `*${unresolved.source} names no anchor &${unresolved.source} above it: add the anchor or remove the alias`, doc)
    const bomb = error instanceof ReferenceError
    const at = bomb ? first(doc!, isAlias) : (first(doc!, (n) => isScalar(n) && (n.source === '<<' || n.value === '<<')) ?? first(doc!, () => true))
    const message = bomb
      ? 'aliases (*name) expand to too much text: write the values out instead of repeating *name'
      : '<< merges only a group of fields defined with &name, e.g. <<: *task'
    return refuse(at?.range?.[0] ?? 0, message, doc)
  }
}

/** Where the node at `path` starts in yaml's document, else its nearest parent that exists. */
function nodePosition(doc: Document, lines: LineCounter, path: readonly (string | number)[]): Position {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)
    if (isNode(node) && node.range) return lines.linePos(node.range[0])
  }
  return { line: 1, col: 1 }
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

/** The first collection nested deeper than MAX_YAML_DEPTH or alias past MAX_YAML_ALIASES, walking the CST without recursion. */
function beyondLimits(tokens: CST.Token[]): { offset: number; message: string } | undefined {
  const todo: [CST.Token, number][] = tokens.map((t) => [t, 0])
  let aliases = 0
  for (let i = 0; i < todo.length; i++) {
    const [token, outer] = todo[i]!
    const depth = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection' ? outer + 1 : outer
    if (depth > MAX_YAML_DEPTH) return { offset: token.offset, message: `the frontmatter nests more than ${MAX_YAML_DEPTH} levels deep: remove the extra brackets or indentation` }
    if (token.type === 'alias' && ++aliases > MAX_YAML_ALIASES) return { offset: token.offset, message: `the frontmatter uses more than ${MAX_YAML_ALIASES} aliases: write the values out` }
    if ('value' in token && token.value) todo.push([token.value, depth])
    for (const item of 'items' in token ? token.items : []) {
      if ('key' in item && item.key) todo.push([item.key, depth])
      if (item.value) todo.push([item.value, depth])
    }
  }
  return undefined
}

/**
 * Keys that appear twice in one map, where yaml's uniqueKeys would report them. A walk of its own
 * over maps, lists and pairs (keys too, as yaml's visit goes): visit calls a visitor for every node,
 * about 6 % of a frontmatter's parse on the benchmark's decks. Nesting is below MAX_YAML_DEPTH
 * here: beyondLimits ran first.
 */
function duplicateKeys(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = []
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      // This map's keys first, then what they hold: the order in which visit reports them.
      const seen = new Set<unknown>()
      for (const { key } of node.items) {
        if (!isScalar(key)) continue
        if (seen.has(key.value) && key.range) errors.push(new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'))
        seen.add(key.value)
      }
      for (const pair of node.items) {
        walk(pair.key)
        walk(pair.value)
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item)
    } else if (isPair(node)) {
      walk(node.key)
      walk(node.value)
    }
  }
  walk(doc.contents)
  return errors
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'this field appears twice: keep one'
  if (code === 'TAB_AS_INDENT') return 'YAML does not allow tabs for indentation: use spaces'
  if (code === 'MULTIPLE_DOCS') return 'a line starting with --- or ... starts a second YAML document: the frontmatter ends at a line holding only ---'
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
  return `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}`
}
