// The quick frontmatter reader answers exactly what yaml answers (data and every node's line:col), or nothing.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isMap, isNode, isScalar, isSeq, type LineCounter, type Node } from 'yaml'
import { generateDeck, prng } from '../../scripts/bench/generate.ts'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { parseYaml } from '../../src/core/parse-yaml.ts'
import { pathKey, readQuickYaml, type Position } from '../../src/core/quick-yaml.ts'
import { splitDeck } from '../../src/core/split-deck.ts'
import { FIXTURE_DECKS, ROOT, siteConfig, THEMES } from '../helpers/site.ts'

/** Where yaml puts each node that getIn can reach: the positions the quick reader must give. */
function yamlPositions(contents: unknown, lines: LineCounter): Map<string, Position> {
  const positions = new Map<string, Position>()
  const walk = (node: Node, path: (string | number)[]) => {
    positions.set(pathKey(path), lines.linePos(node.range![0]))
    if (isMap(node)) for (const pair of node.items) if (isNode(pair.value)) walk(pair.value, [...path, (pair.key as { value: string }).value])
    if (isSeq(node)) node.items.forEach((item, i) => isNode(item) && walk(item, [...path, i]))
  }
  if (isNode(contents)) walk(contents, [])
  return positions
}

/** Whether the quick reader read `yaml`; when it did, its answer must be yaml's (parseYaml's own fallback). */
function sameAsYaml(yaml: string): boolean {
  const quick = readQuickYaml(yaml)
  if (!quick) return false
  const composed = parseYaml(yaml) // its doc is composed by yaml when first asked for
  expect(composed.positions, 'parseYaml takes the quick answer').toBeDefined()
  expect(composed.doc.errors.map((e) => e.message), yaml).toEqual([])
  expect(quick.data, yaml).toStrictEqual(composed.doc.toJS())
  expect(quick.positions, yaml).toEqual(yamlPositions(composed.doc.contents, composed.lines))
  return true
}

const frontmatter = (text: string) => {
  const split = splitDeck(text)
  return 'yaml' in split ? split.yaml : undefined
}
const markdownIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name))

describe('readQuickYaml', () => {
  it('reads the example decks and the benchmark decks itself, as yaml does', () => {
    const texts = [...markdownIn(join(ROOT, 'decks')).map((f) => readFileSync(f, 'utf8')), ...Array.from({ length: 300 }, (_, i) => generateDeck(i).text)]
    for (const text of texts) expect(sameAsYaml(frontmatter(text)!), frontmatter(text)).toBe(true)
  })

  it('answers as yaml does, or not at all, for every fixture deck, good and bad', () => {
    for (const file of markdownIn(FIXTURE_DECKS)) {
      const yaml = frontmatter(readFileSync(file, 'utf8'))
      if (yaml !== undefined) sameAsYaml(yaml)
    }
  })

  const cases: [string, string, unknown][] = [
    ['plain text keeps inner spaces, loses trailing ones', 'title: a  b  ', { title: 'a  b' }],
    ['# after a letter is text', 'title: C# kurz', { title: 'C# kurz' }],
    ['a link with ? and #', 'url: https://x.example/a?b=1#c', { url: 'https://x.example/a?b=1#c' }],
    ['a date stays text (YAML 1.2 core schema)', 'date: 2026-12-03', { date: '2026-12-03' }],
    ['a whole number', 'duration: 15', { duration: 15 }],
    ['a time is text', 'at: 12:30', { at: '12:30' }],
    ['a no-break space is text, not trimmed', 'title: x\u00a0', { title: 'x\u00a0' }],
    ['double and single quotes', `a: "it's"\nb: 'say ''hi'''`, { a: "it's", b: "say 'hi'" }],
    ['a list at its key\'s own column', 'homework:\n- kind: a\n  title: b\nlang: de', { homework: [{ kind: 'a', title: 'b' }], lang: 'de' }],
    ['items indented further after the dash', 'h:\n  -   k: 1\n      j: 2', { h: [{ k: 1, j: 2 }] }],
    ['literal text keeps inner empty lines and one final line break', 'd: |\n  a\n\n    b\n\n\nn: x', { d: 'a\n\n  b\n', n: 'x' }],
    ['|- drops the final line break', 'd: |-\n  a\n  # no comment', { d: 'a\n# no comment' }],
    ['whole-line comments and empty lines between fields', '# c\ntitle: a\n\n  # c\nlang: de', { title: 'a', lang: 'de' }],
  ]
  for (const [name, yaml, data] of cases) {
    it(`reads: ${name}`, () => {
      expect(readQuickYaml(yaml)?.data).toStrictEqual(data)
      expect(sameAsYaml(yaml)).toBe(true)
    })
  }

  const others: [string, string][] = [
    ['a comment after a value', 'title: a # c'],
    ['an empty value (null)', 'title:\nlang: de'],
    ['true, null, ~', 'a: true'],
    ['octal-looking numbers', 'a: 007'],
    ['floats and exponents', 'a: 1e3'],
    ['a flow list', 'a: [x, y]'],
    ['an anchor and an alias', 'a: &x y\nb: *x'],
    ['a merge key', '<<: {a: 1}'],
    ['folded text', 'a: >\n  x\n  y'],
    ['text over two lines', 'a: x\n  y'],
    ['a duplicate field', 'a: x\na: y'],
    ['a tab', 'a:\tx'],
    ['a key yaml reads as a boolean', 'true: x'],
    ['a key that would set the prototype', '__proto__: x'],
    ['an escape in double quotes', 'a: "x\\ty"'],
    ['a literal ended by a comment', 'a: |\n  x\n# c\nb: y'],
    ['a value that is a second mapping', 'a: b: c'],
    ['nesting deeper than a frontmatter needs', Array.from({ length: 20_000 }, (_, n) => `${' '.repeat(n)}k:`).join('\n') + ' x'],
  ]
  for (const [name, yaml] of others) it(`leaves to yaml: ${name}`, () => expect(readQuickYaml(yaml)).toBeUndefined())

  it('answers as yaml does at the edges: empty lines and comments first or last, spaces in literal text, empty quotes', () => {
    const edges = ['\n\ntitle: x', '# a\n\n# b\ntitle: x\n# end', 'title: x\n\n\n', 'h:\n  - a\n  # c\n  - b', 'h:\n- a\n# c\n- b\nx: y', 'd: |\n  a\n  ', 'd: |\n  a\n \n  b', `t: "a"\nu: ''`, 't: ""', 'h:\n  - k: |\n      x\n    j: 1']
    for (const yaml of edges) expect(sameAsYaml(yaml), yaml).toBe(true)
  })

  it('answers as yaml does for thousands of random frontmatters near the subset', () => {
    let read = 0
    const runs = 4000
    for (let seed = 1; seed <= runs; seed++) if (sameAsYaml(randomYaml(seed))) read++
    // Most are read here: the comparison is not vacuous.
    expect(read).toBeGreaterThan(runs / 5)
  })

  it('points a zod issue at the same line:col whichever reader read the frontmatter', () => {
    const ctx = { themes: THEMES, site: siteConfig() }
    const deck = (yaml: string) => `---\n${yaml}\n---\n# x\n`
    const quick = 'title: x\ndate: 2026-02-30\naudience: A\nduration: 99\nhomework:\n  - kind: link\n    title: t\n    url: http://example.com'
    // The same fields with a comment after a value, which the quick reader leaves to yaml.
    const slow = quick.replace('audience: A', 'audience: A # Abteilung')
    expect(readQuickYaml(quick)).toBeDefined()
    expect(readQuickYaml(slow)).toBeUndefined()
    const found = parseDeck(deck(quick), 'x.md', ctx).diagnostics
    expect(found.map((d) => `${d.line}:${d.col} ${d.field}`)).toEqual(['3:7 date', '5:11 duration', '9:10 homework.1.url'])
    expect(parseDeck(deck(slow), 'x.md', ctx).diagnostics).toEqual(found)
  })
})

/** Frontmatter-like YAML: mostly well-formed fields and lists, with the odd value, indentation or comment. */
function randomYaml(seed: number): string {
  const r = prng(seed)
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!
  const chance = (p: number) => r() < p
  const KEYS = ['title', 'date', 'kind', 'url', 'details', 'x1', '_k', 'k-v', 'Title', 'true', 'Null', '__proto__', 'a b', 'größe', '1', '"q"', '<<', 'title']
  const SCALARS = [
    'Wort', 'zwei Worte', 'a  b  ', 'C# x', 'a #b', 'https://x.example/a?b#c', '2026-12-03', '2026-13-45', '007', '0', '15', '-5', '+5', '1e3', '1.5',
    '0x1F', '0o7', '.inf', '~', 'null', 'True', 'tRuE', '12:30', 'a: b', 'a:', 'a:b', '"q"', '"q"  ', '"a\\"b"', '"a # b"', "'it''s'", "'it's'",
    '"offen', '[a, b]', '{a: 1}', '&x a', '*x', '!t a', 'ä ö', '- x', '-x', '?x', '%x', '@x', '`x`', ',x', 'x,y', 'x]', '\u00a0x\u00a0', '...', '---',
    'a\tb', '# c', '', '123456789012345678', '1_000', 'x:y z', 'Ende.',
  ]
  const word = () => (chance(0.85) ? pick(['Wort', 'Neu im Blog!', 'https://example.com/x', '2026-12-03', '5', 'Ä-Ö ü', 'x: y']) : pick(SCALARS))
  const lines: string[] = []
  const push = (line: string) => {
    lines.push(line)
    if (chance(0.05)) lines.push(chance(0.5) ? '' : `${' '.repeat(Math.floor(r() * 6))}# Kommentar`)
  }
  const literal = (indent: number) => {
    const inner = indent + 1 + Math.floor(r() * 3)
    for (let n = 1 + Math.floor(r() * 4); n > 0; n--) {
      const kind = r()
      if (kind < 0.1) lines.push('')
      else if (kind < 0.15) lines.push(' '.repeat(Math.floor(r() * (inner + 2))))
      else if (kind < 0.2) lines.push(`${' '.repeat(inner)}# kein Kommentar`)
      else lines.push(`${' '.repeat(inner + (chance(0.15) ? 2 : 0))}- **${word()}**`)
    }
  }
  const value = (prefix: string, indent: number, depth: number) => {
    const kind = r()
    const sep = chance(0.95) ? ': ' : pick([':  ', ':', ' : '])
    if (depth < 3 && kind < 0.25) {
      push(`${prefix}:`)
      if (chance(0.5)) map(indent + 1 + Math.floor(r() * 3), depth + 1)
      else seq(chance(0.4) ? indent : indent + 1 + Math.floor(r() * 3), depth + 1)
    } else if (kind < 0.35) {
      push(`${prefix}${sep}${(chance(0.8) ? pick(['|', '|-']) : pick(['|+', '>', '| # c', '|2']))}`)
      literal(indent)
    } else push(`${prefix}${sep}${word()}`)
  }
  const map = (indent: number, depth: number, first?: string) => {
    for (let n = 1 + Math.floor(r() * 4); n > 0; n--) {
      const key = chance(0.95) ? pick(['title', 'kind', 'url', 'details', 'due', 'text', 'lang']) + (chance(0.3) ? String(n) : '') : pick(KEYS)
      value(first ?? `${' '.repeat(indent + (chance(0.03) ? 1 : 0))}${key}`, indent, depth)
      first = undefined
    }
  }
  const seq = (indent: number, depth: number) => {
    for (let n = 1 + Math.floor(r() * 3); n > 0; n--) {
      const dash = `${' '.repeat(indent)}-${' '.repeat(1 + (chance(0.2) ? Math.floor(r() * 3) : 0))}`
      if (chance(0.75)) {
        const key = pick(['kind', 'title', 'url'])
        map(dash.length, depth, `${dash}${key}`)
      } else push(`${dash}${word()}`)
    }
  }
  map(0, 0)
  return lines.join('\n')
}
