// yaml's parseDocument with limits: any frontmatter parses in linear time and never throws.
import { Alias, Composer, Document, isScalar, LineCounter, Parser, visit, YAMLParseError, type CST } from 'yaml'
import type { Located } from './yaml-issues.ts'

export interface ParsedYaml {
  data: unknown
  doc: Document
  lines: LineCounter
  errors: Located[]
}

/**
 * yaml composes nested collections recursively: a few hundred levels exhaust the stack, and V8 may
 * then abort the whole process instead of throwing. A deck's frontmatter needs three levels.
 */
export const MAX_YAML_DEPTH = 32
/** yaml resolves each alias by a walk over all anchors before it: many aliases take quadratic time. */
export const MAX_YAML_ALIASES = 100

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter()
  const refuse = (offset: number, message: string): ParsedYaml => ({ data: undefined, doc: new Document(), lines, errors: [{ ...lines.linePos(offset), field: '', message }] })
  const tokens = [...new Parser(lines.addNewLine).parse(text)]
  const limit = beyondLimits(tokens)
  if (limit) return refuse(limit.offset, limit.message)
  // uniqueKeys compares each key with every earlier one (quadratic): duplicateKeys does it with a Set.
  const [doc, next] = new Composer({ prettyErrors: false, uniqueKeys: false }).compose(tokens, true, text.length)
  if (next) doc!.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'a second document'))
  for (const error of duplicateKeys(doc!)) doc!.errors.push(error)
  const errors = doc!.errors
    .sort((a, b) => a.pos[0] - b.pos[0])
    .map((e) => ({ ...lines.linePos(e.pos[0]), field: '', message: yamlMessage(e.code, e.message) }))
  if (errors.length) return { data: undefined, doc: doc!, lines, errors }
  try {
    return { data: doc!.toJS(), doc: doc!, lines, errors }
  } catch {
    // toJS throws for an alias without an anchor before it, and for aliases that expand to too much data.
    const alias = failedAlias(doc!)
    const message =
      alias && !alias.resolve(doc!)
        ? `*${alias.source} names no anchor &${alias.source} above it: add the anchor or remove the alias`
        : 'the aliases here expand to too much data: write the values out'
    return refuse(alias?.range?.[0] ?? 0, message)
  }
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

/** Keys that appear twice in one map, where yaml's uniqueKeys would report them. */
function duplicateKeys(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = []
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>()
      for (const { key } of map.items) {
        if (!isScalar(key)) continue
        if (seen.has(key.value) && key.range) errors.push(new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'))
        seen.add(key.value)
      }
    },
  })
  return errors
}

/** The alias toJS failed on: the first without an anchor before it, else the first of all. */
function failedAlias(doc: Document): Alias | undefined {
  const aliases: Alias[] = []
  visit(doc, { Alias: (_, alias) => void aliases.push(alias) })
  return aliases.find((a) => !a.resolve(doc)) ?? aliases[0]
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'this field appears twice: keep one'
  if (code === 'TAB_AS_INDENT') return 'YAML does not allow tabs for indentation: use spaces'
  if (code === 'MULTIPLE_DOCS') return 'a line starting with --- or ... starts a second YAML document: the frontmatter ends at a line holding only ---'
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
  return `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}`
}
