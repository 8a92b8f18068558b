// The common frontmatter read by js-yaml, ten times quicker than yaml (the benchmark's decks: 1,000
// in 0.05 s against 0.3 s, warm; 0.1 s against 0.6 s cold), with the places of its nodes. yaml stays
// the parser of record: it reads every frontmatter this one declines and answers every question of
// place this one is not sure of (parse-yaml.ts). So this one only has to be right in what it accepts:
// yaml's very data and places. Plain scalars are typed by yaml's own core-schema tags; what the two
// libraries read differently, it declines: anchors and aliases, tags, merge keys, directives, lists,
// maps and null as keys, quoted and plain texts over several lines, tabs. test/unit/quick-yaml.test.ts
// holds it to yaml's data and places, on generated YAML, the fuzz tests' decks and every example.
import { load, Schema, Type, type LoadOptions, type State } from 'js-yaml'
import { Document, isScalar, type ScalarTag } from 'yaml'

/** yaml's core schema resolvers for plain scalars (null, bool, int, float), in the order yaml tries them. */
const CORE_TAGS = new Document(null).schema.tags.filter((tag): tag is ScalarTag & { test: RegExp } => tag.default === true && 'test' in tag && tag.test !== undefined)

const resolvePlain = (text: string): unknown => {
  const tag = CORE_TAGS.find((t) => t.test.test(text))!
  const value: unknown = tag.resolve(text, () => undefined, {})
  return isScalar(value) ? value.value : value
}

/**
 * One js-yaml type for all of yaml's typed plain scalars. js-yaml passes an explicit tag (`!!int 1`)
 * as a second argument: refused, so js-yaml throws and yaml reads that frontmatter.
 */
const CORE_SCALARS = new Type('tag:updeck,2026:core-scalar', {
  kind: 'scalar',
  resolve: (text: unknown, explicit?: string) => explicit === undefined && typeof text === 'string' && CORE_TAGS.some((t) => t.test.test(text)),
  construct: resolvePlain,
})
/** No str, seq or map type: an explicit `!!str` is an unknown tag to js-yaml, and declined. */
const SCHEMA = new Schema({ implicit: [CORE_SCALARS] })

/**
 * What yaml and js-yaml read differently, found in the text: merge keys (`<<`), directives (`%YAML
 * 1.1` changes the schema), document markers (`------` is text to yaml), `__proto__`, tabs (yaml
 * refuses some js-yaml allows), carriage returns (a line break to js-yaml, text to yaml; splitDeck
 * leaves none), explicit keys (`? `), a list or map right after `{` or `,` (in a flow map, a key:
 * `{{x}}`), and an empty list item (`- ` at the end of a line: js-yaml then takes a less indented
 * `- x` into the same list). Each may also match where it means nothing (in a quoted text): then
 * yaml reads it, as before.
 */
const DIFFERENT = /<<|^%|^---|^\.\.\.|__proto__|\t|\r|(?:^|[\s[{,])\?(?:[ \t]|$)|[{,]\s*[[{]|(?:^|[ \t])-[ \t]*(?:#.*)?$/m

/** A ':' right after a list or map: it was a key, which js-yaml turns into text ([a] into "a"), yaml into YAML. */
const KEY_AFTER = /[ \t]*:/y
/** Where a node's own text starts: after spaces, line breaks and comment lines. */
const NODE_START = /(?:[ \t\n]|#[^\n]*)*/y

/** What js-yaml's listener sees of a node besides the typed fields. */
type NodeState = State & { anchor: string | null; tag: string | null }

/** A node as js-yaml composed it: where it starts, what it became, its children in document order. */
interface Composed {
  from: number
  kind: string | null
  result: unknown
  children: Composed[]
}

/** A line and column as yaml's LineCounter gives them (1-based). */
export type Position = { line: number; col: number }

export interface QuickRead {
  data: unknown
  /**
   * Where the node at `path` starts, or its nearest parent's when there is none, as yaml's
   * positions say; undefined when this reader is not sure (then yaml's document answers).
   */
  at(path: readonly (string | number)[]): Position | undefined
}

/**
 * The frontmatter's data as yaml's toJS would give it, with the places of its nodes; undefined when
 * this reader declines it: a syntax error, a text yaml may read otherwise (see DIFFERENT), anchors, a
 * `!` tag, a null key (js-yaml names it "null", yaml ""), lists and maps nested deeper than
 * `maxDepth`, or an empty document.
 */
export function quickYaml(text: string, maxDepth: number): QuickRead | undefined {
  if (DIFFERENT.test(text)) return undefined
  let declined = false
  const open: Composed[] = [{ from: 0, kind: null, result: undefined, children: [] }]
  const options = {
    schema: SCHEMA,
    listener: (event: string, state: NodeState) => {
      if (event === 'open') return void open.push({ from: state.position, kind: null, result: undefined, children: [] })
      const node = open.pop()!
      node.kind = state.kind
      node.result = state.result
      open[open.length - 1]!.children.push(node)
      // An anchor (and so any alias) or the non-specific tag `!`: yaml's rules for them differ. A
      // comment right after a node ("a"#b) yaml refuses: it needs a space before.
      if (state.anchor !== null || state.tag === '!' || (text[state.position] === '#' && !/\s/.test(text[state.position - 1] ?? ' '))) declined = true
      if (state.kind === 'sequence' || state.kind === 'mapping') {
        KEY_AFTER.lastIndex = state.position
        if (KEY_AFTER.test(text)) declined = true
      } else if (state.kind === 'scalar') {
        // A quoted or plain text over several lines: js-yaml allows continuation lines that yaml
        // refuses as indented too little. Block texts (| and >) the two read alike.
        const start = startOf(text, node)
        if (text[start] !== '|' && text[start] !== '>' && text.lastIndexOf('\n', state.position - 1) >= start) declined = true
      }
    },
    // js-yaml's own limit counts every node, scalars too: it keeps the recursion short, plainTree counts.
    maxDepth: 2 * maxDepth + 2,
  }
  let data: unknown
  try {
    data = load(text, options as LoadOptions)
  } catch {
    return undefined
  }
  if (declined || data === undefined || !plainTree(data, maxDepth)) return undefined
  const root = open[0]!.children.length === 1 ? open[0]!.children[0] : undefined
  let lineStarts: number[] | undefined
  return {
    data,
    at(path) {
      const node = root && nodeAt(root, path)
      if (!node || node.result === null) return undefined // a null node: yaml places it where its value would be
      const offset = startOf(text, node)
      lineStarts ??= [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)]
      let line = lineStarts.length - 1
      while (lineStarts[line]! > offset) line--
      return { line: line + 1, col: offset - lineStarts[line]! + 1 }
    },
  }
}

/** Where a node's own text starts (a key, a quote, `-`, `[`, `|`): after spaces, line breaks and comments. */
function startOf(text: string, node: Composed): number {
  NODE_START.lastIndex = node.from
  NODE_START.test(text)
  return NODE_START.lastIndex
}

/**
 * The deepest node along `path` (yaml's nodePosition walks back to the nearest parent that exists);
 * undefined where the composed nodes do not match the data one to one (a flow map entry without a
 * value has no node of its own), or a key is of a kind yaml would look up otherwise.
 */
function nodeAt(root: Composed, path: readonly (string | number)[]): Composed | undefined {
  let node = root
  for (const key of path) {
    const { kind, result, children } = node
    if (kind === 'mapping' && typeof key === 'string' && result !== null && typeof result === 'object') {
      const keys = Object.keys(result)
      if (children.length !== 2 * keys.length) return undefined
      // yaml looks a key up by its value: the field "1" is not the key 1, which the data names "1" too.
      const index = children.findIndex((child, i) => i % 2 === 0 && child.result === key)
      if (index < 0) return keys.includes(key) ? undefined : node
      node = children[index + 1]!
    } else if (kind === 'sequence' && typeof key === 'number' && Array.isArray(result)) {
      if (children.length !== result.length) return undefined
      if (key >= children.length) return node
      node = children[key]!
    } else if (kind === 'scalar') {
      return node // a path into a text: yaml finds nothing there and takes this node
    } else {
      return undefined
    }
  }
  return node
}

/** Lists and maps at most `levels` deep whose keys are not "null" (yaml's key for null is ""). */
function plainTree(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return true
  if (levels === 0) return false
  if (Array.isArray(value)) return value.every((item) => plainTree(item, levels - 1))
  for (const key in value) {
    if (key === 'null' || !plainTree((value as Record<string, unknown>)[key], levels - 1)) return false
  }
  return true
}
