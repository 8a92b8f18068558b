// Reads the everyday YAML of a deck's frontmatter (fields, lists of fields, plain, quoted and literal |
// text, whole numbers) in one pass over its lines, a dozen times faster than yaml's document model.
// Anything else (comments after a value, anchors, flow [ ] and { }, folded >, tabs, true/null, …)
// gives undefined, and parse-yaml.ts reads the text with yaml itself: this reader needs no error
// messages, and where it answers, it answers what yaml would (test/unit/quick-yaml.test.ts compares).

export interface Position {
  line: number
  col: number
}

export interface QuickYaml {
  data: Record<string, unknown>
  /** Where each node starts, as yaml's `linePos(node.range[0])`, by `pathKey(path)`. */
  positions: Map<string, Position>
}

/** The key of a node's path in `positions`; a list index and its digits name the same item, as in yaml's getIn. */
export const pathKey = (path: readonly (string | number)[]): string => path.join('\0')

/** Characters that make yaml take another road (tabs, line separators, controls): leave those texts to it. */
const UNUSUAL = /[\t\r\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\p{Cs}/u
/** A field name: plain ASCII, followed by `:` and a space or the line's end. */
const KEY = /([A-Za-z_][\w-]*):(?: +|$)/y
/** Names that yaml reads as true, false or null, not as text; and one that would set an object's prototype. */
const NOT_TEXT_KEY = /^(?:true|false|null|__proto__)$/i
/** First characters that start something other than plain text (YAML 1.2 c-indicator), and `+ . ~`. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`+.~]/
/** What yaml's core schema reads as a number, null or a boolean; only whole numbers are read here. */
const NOT_TEXT = /^(?:[0-9][0-9a-fA-FoxX.eE+-]*|true|false|null)$/i
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/

/** A deck's frontmatter nests three levels; deeper text goes to yaml, whose limits refuse it with a message. */
const DEEPEST = 8

/** Thrown (once, caught below) when the text leaves the subset. */
const LEAVE = Symbol('not in the quick subset')

export function readQuickYaml(text: string): QuickYaml | undefined {
  if (UNUSUAL.test(text)) return undefined
  const lines = text.split('\n')
  const positions = new Map<string, Position>()
  let i = 0
  let depth = 0
  const leave = (): never => {
    throw LEAVE
  }
  const indentOf = (line: string) => {
    let n = 0
    while (line.charCodeAt(n) === 32) n++
    return n
  }
  /** Moves past empty lines and whole-line comments; the index of the next line with content. */
  const nextContent = (): number => {
    while (i < lines.length) {
      const line = lines[i]!
      const n = indentOf(line)
      if (n < line.length && line[n] !== '#') break
      i++
    }
    return i
  }

  /** A node's pathKey from its parent's: built as the reader descends, no path arrays. */
  const child = (parent: string, key: string | number) => (parent === '' ? String(key) : `${parent}\0${key}`)

  /** A block map whose keys stand at column `indent` (0-based), from line i; `path`: its pathKey. */
  const readMap = (indent: number, path: string): Record<string, unknown> => {
    if (++depth > DEEPEST) leave()
    const map: Record<string, unknown> = {}
    let keys = 0
    while (nextContent() < lines.length) {
      const line = lines[i]!
      const n = indentOf(line)
      if (n < indent) break
      if (n > indent) leave()
      KEY.lastIndex = indent
      const match = KEY.exec(line)
      const key = match?.[1]
      if (!match || !key || NOT_TEXT_KEY.test(key) || Object.hasOwn(map, key)) return leave()
      if (keys++ === 0) positions.set(path, { line: i + 1, col: indent + 1 })
      map[key] = readValue(line, KEY.lastIndex, indent, child(path, key))
    }
    if (keys === 0) leave()
    depth--
    return map
  }

  /** A block sequence whose dashes stand at column `indent`; `compact`: at its key's own column. */
  const readSeq = (indent: number, path: string, compact: boolean): unknown[] => {
    if (++depth > DEEPEST) leave()
    const seq: unknown[] = []
    positions.set(path, { line: i + 1, col: indent + 1 })
    while (nextContent() < lines.length) {
      const line = lines[i]!
      const n = indentOf(line)
      if (n < indent) break
      if (n > indent) leave()
      if (!line.startsWith('- ', indent)) {
        if (compact) break
        leave()
      }
      const col = indentOf(line.slice(indent + 1)) + indent + 1
      const rest = line.slice(col)
      // A nested list or a block scalar as an item: yaml's to read.
      if (rest === '' || rest[0] === '#' || rest[0] === '|' || rest === '-' || rest.startsWith('- ')) leave()
      const item = child(path, seq.length)
      KEY.lastIndex = 0
      if (KEY.test(rest)) {
        // A map that starts on the dash's line: read it as if the dash were a space.
        lines[i] = ' '.repeat(col) + rest
        seq.push(readMap(col, item))
      } else {
        seq.push(readValue(line, col, indent, item))
      }
    }
    depth--
    return seq
  }

  /** The value after a key (or a dash) at `col` of line i; `owner`: the column of its map or list. */
  const readValue = (line: string, col: number, owner: number, path: string): unknown => {
    // Trailing spaces trimmed by hand: / +$/ would retry from every space of a long run (quadratic).
    let end = line.length
    while (end > col && line.charCodeAt(end - 1) === 32) end--
    const raw = line.slice(col, end)
    const at = { line: i + 1, col: col + 1 }
    if (raw === '') {
      i++
      if (nextContent() >= lines.length) return leave()
      const next = lines[i]!
      const n = indentOf(next)
      const dash = next.startsWith('- ', n)
      if (n > owner) return dash ? readSeq(n, path, false) : readMap(n, path)
      if (n === owner && dash) return readSeq(n, path, true)
      return leave()
    }
    positions.set(path, at)
    if (raw === '|' || raw === '|-') return readLiteral(owner, raw === '|-')
    i++
    if (raw[0] === '"') return /^"[^"\\]*"$/.test(raw) ? raw.slice(1, -1) : leave()
    if (raw[0] === "'") return /^'(?:[^']|'')*'$/.test(raw) ? raw.slice(1, -1).replaceAll("''", "'") : leave()
    if (INDICATOR.test(raw) || raw.includes(': ') || raw.includes(' #') || raw.endsWith(':')) return leave()
    if (WHOLE_NUMBER.test(raw)) return Number(raw)
    return NOT_TEXT.test(raw) && !DATE.test(raw) ? leave() : raw
  }

  /** A literal block scalar (`|` keeps the last line break, `|-` drops it) whose header is on line i. */
  const readLiteral = (owner: number, strip: boolean): string => {
    i++
    const first = lines[i]
    const indent = first === undefined ? 0 : indentOf(first)
    // Empty first lines and a value that is not indented below its field are yaml's to judge.
    if (first === undefined || indent <= owner || indent === first.length) leave()
    const text: string[] = []
    let blank = 0
    for (; i < lines.length; i++) {
      const line = lines[i]!
      const n = indentOf(line)
      if (n === line.length) {
        if (n > indent) leave()
        blank++
        continue
      }
      if (n < indent) {
        // A comment ends the value by its own rules: leave it to yaml.
        if (line[n] === '#') leave()
        break
      }
      for (; blank > 0; blank--) text.push('')
      text.push(line.slice(indent))
    }
    return strip ? text.join('\n') : `${text.join('\n')}\n`
  }

  try {
    const data = readMap(0, pathKey([]))
    return nextContent() < lines.length ? undefined : { data, positions }
  } catch (error) {
    if (error === LEAVE) return undefined
    throw error
  }
}
