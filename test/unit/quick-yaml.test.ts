// js-yaml reads the common frontmatter (quick-yaml.ts); yaml stays the parser of record. Whatever
// the quick reader accepts must be exactly yaml's data, and it must accept what decks hold.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_YAML_DEPTH, parseWithYaml } from '../../src/core/parse-yaml.ts'
import { quickYaml } from '../../src/core/quick-yaml.ts'
import { splitDeck } from '../../src/core/split-deck.ts'
import { generateDeck } from '../../scripts/bench/generate.ts'
import { deckText, hostileText } from './fuzz-arbitraries.ts'

const runs = Number(process.env.FUZZ_RUNS ?? 2000)
const params = process.env.FUZZ_RUNS ? { numRuns: runs } : { numRuns: runs, seed: 20261129 }

/** Every path into `value`, and one past each list's end and beside each map's keys (places of nodes that are not there). */
function paths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const found = [path, [...path, 'duration'], [...path, 0]]
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...paths(item, [...path, i])), found.push([...path, value.length]))
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...path, key]))
  return found
}

/**
 * undefined when the quick reader declines; else whether yaml reads the same data without an error,
 * and places every node (and every node that is not there) where the quick reader does, when it is sure.
 */
function agrees(text: string): boolean | undefined {
  const quick = quickYaml(text, MAX_YAML_DEPTH)
  if (quick === undefined) return undefined
  const full = parseWithYaml(text)
  expect(full.errors, `yaml refuses what js-yaml read:\n${text}`).toEqual([])
  // node's deep equality, not vitest's: a field named "constructor" is data here, not a class.
  expect(isDeepStrictEqual(quick.data, full.data), `js-yaml read otherwise than yaml:\n${text}\n${JSON.stringify(quick.data)}\n${JSON.stringify(full.data)}`).toBe(true)
  for (const path of paths(quick.data)) {
    const at = quick.at(path)
    if (at) expect(at, `the place of ${JSON.stringify(path)} in:\n${text}`).toEqual(full.at(path))
  }
  return true
}

/** Scalars as decks write them, in every style the reader takes. */
const SCALARS = [
  'Update', 'Grüße aus Köln', 'Q&A', 'a #b', 'x#y', '50 %', 'ä ö ü ß', '😀 Emoji', 'https://example.com/a?b=1&c=2#top', 'yes', 'no', 'on',
  'off', 'True', 'FALSE', 'tRUE', 'null', 'Null', 'NULL', '~', '', '0o17', '017', '0x1F', '0X1F', '0b101', '1_000', '+1', '-0', '.5', '1.',
  '1e3', '1E-3', '+12.5e+2', '.inf', '-.Inf', '.NaN', '.nan', '2026-12-03', '2026-12-03T10:00:00Z', '12:30', '1:23:45', '@x', '`x`',
  '*x*', '!x', '&x', '%x', 'a, b', 'a,b', 'a - b', '-x', 'x:y', 'x :y', '"x"', "'x'", "it's", '9007199254740993', '1e999',
  '"\\u00e9 \\x41 \\t \\\\ \\" \\/ \\N \\_ \\L \\P \\e \\0 \\a"', '"zwei\\nZeilen"', "'einfach ''zitiert'''", '"\\u2028"',
  '[]', '{}', '[a, "b", 1, {k: v}]', '{a: 1, b: [x, y], "c d": ~}', '[a, [b, [c]]]', '{a: {b: {c: 1}}}',
]
/** What the reader declines or yaml refuses: rarer, so that most documents are compared whole. */
const TRICKY = [
  '- x', 'a: b', '"über\n  zwei Zeilen"', "'auch\n\n  so'", 'Zeile\n  weiter\n\n  Absatz', '[a, b]: c', '? x', '&a x', '*a', '!!str 1',
  '!!int 1', '! 12', '<<: {a: 1}', '|\n  x', '"\\uD83D"', '"a"#b', "'a'b", '[a', '{a: 1', 'a]', '"', "'",
]
const BLOCKS = ['|', '|-', '|+', '>', '>-', '>+', '|2', '>1-', '|+2']
const KEYS = ['title', 'date', 'audience', 'homework', 'a b', '"quoted key"', "'q'", '1', '0x10', 'true', 'false', '""', 'ä', 'x-y', '_', 'constructor', 'toString', '1.50', '.inf', '-1']
const TRICKY_KEYS = ['~', 'null', '__proto__', '[a]', '{a: 1}', '? a', '"a" b', 'a: b']

const scalar = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...SCALARS) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY) })
const key = fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_KEYS) })
const comment = fc.constantFrom('', '', '', ' # Kommentar', ' #', '  #x')
const block = fc
  .tuple(fc.constantFrom(...BLOCKS), fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('Zeile', '- **fett**', '*kursiv*', '', '  eingerückt', 'x: y', '# kein Kommentar', 'ende  ')), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '\n', '\n\n'))
  .map(([indicator, lines, trailing]) => `${indicator}\n${lines.map(([extra, line], i) => (line === '' ? '' : `${' '.repeat(2 + (i === 0 ? 0 : extra))}${line}`)).join('\n')}${trailing}`)
const value = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: block })

/** A map at `indent`: keys with scalars, blocks, lists of scalars or maps, nested maps. */
const map = (indent: number, depth: number): fc.Arbitrary<string> => {
  const pad = ' '.repeat(indent)
  const scalarEntry = fc.tuple(key, value, comment).map(([k, v, c]) => `${pad}${k}: ${v}${v.includes('\n') ? '' : c}`)
  if (depth === 0) return fc.array(scalarEntry, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'))
  const list = fc
    .tuple(fc.constantFrom(...KEYS), fc.array(fc.oneof(value.map((v) => ({ v })), map(indent + 4, depth - 1).map((m) => ({ m }))), { minLength: 1, maxLength: 3 }), fc.constantFrom(0, 2))
    .map(([k, items, inset]) => `${pad}${k}:\n${items.map((item) => `${pad}${' '.repeat(inset)}- ${'v' in item ? item.v : item.m.trimStart()}`).join('\n')}`)
  const nested = fc.tuple(key, map(indent + 2, depth - 1)).map(([k, m]) => `${pad}${k}:\n${m}`)
  const entry = fc.oneof({ weight: 6, arbitrary: scalarEntry }, { weight: 2, arbitrary: list }, { weight: 1, arbitrary: nested })
  return fc.array(entry, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'))
}
/** Frontmatter-like YAML: mostly valid, with every style of scalar and the cases the reader declines. */
const yamlText = fc.oneof({ weight: 4, arbitrary: map(0, 2) }, { weight: 1, arbitrary: fc.tuple(map(0, 1), fc.constantFrom('\n---\nx: 1', '\n...', '\n\tx: 1', '\n%YAML 1.1', '\n- x')).map(([m, tail]) => m + tail) })

/** The text of every .md file under `dir`. */
function deckTexts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && statSync(join(dir, name)).isFile())
    .map((name) => readFileSync(join(dir, name), 'utf8'))
}

const frontmatterOf = (text: string) => {
  const split = splitDeck(text)
  return 'yaml' in split ? split.yaml : text
}

describe('the quick frontmatter reader', () => {
  it('reads exactly what yaml reads, or declines: generated YAML with every scalar style', () => {
    fc.assert(fc.property(yamlText, (text) => void agrees(text)), params)
  })

  it('reads exactly what yaml reads, or declines: the fuzz tests’ decks and hostile text', () => {
    fc.assert(fc.property(fc.oneof(deckText, hostileText).map(frontmatterOf), (text) => void agrees(text)), params)
  })

  it('a fifth of the generated YAML is read whole, so the comparison above has teeth', () => {
    const samples = fc.sample(yamlText, { numRuns: 500, seed: 7 })
    expect(samples.filter((text) => agrees(text)).length).toBeGreaterThan(100)
  })

  it('declines what yaml reads otherwise, whatever js-yaml would make of it', () => {
    const declined = [
      'a: &x 1\nb: *x', // anchors and aliases
      'a: !!int 1', 'a: !!str 1', 'a: ! 12', 'a: !t x', // tags
      '<<: {a: 1}', // a merge key
      '%YAML 1.1\n---\na: yes', // a directive: YAML 1.1 reads yes as true
      '~: x', 'null: x', // yaml's key for null is "", js-yaml's "null"
      '[a]: b', '{a: 1}: b', 'x: {[a]: b}', '? [a, b]\n: c', '- [a]: b', '{{x}}', 'x: {a, [b]}', // lists and maps as keys
      'a:\n  - \n- x', // an empty item: js-yaml takes the less indented `- x` into its list, yaml refuses it
      'a:\n\t- x', // a tab
      '__proto__: x',
      'a: 1\n---\nb: 2', // a second document
      '', // no data
      'a: "x\n  y"', 'a: x\n  y', "a:\n  - b: 'x\n\n    y'", // texts over several lines (yaml refuses the last)
      'a: 1\r\nb: 2',
      `title: ${'['.repeat(MAX_YAML_DEPTH + 1)}${']'.repeat(MAX_YAML_DEPTH + 1)}`, // deeper than yaml allows
      '- '.repeat(3000) + 'x',
    ]
    for (const text of declined) expect(quickYaml(text, MAX_YAML_DEPTH), text).toBeUndefined()
  })

  it('reads the styles decks are written in, umlauts and emoji included', () => {
    const read = [
      'title: Grüße 😀\ndate: 2026-12-03\nduration: 5', '# nur ein Kommentar',
      'homework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n  - [a, b]',
      'details: |\n  - **Warum:** weil\n  - *Dauer:* 5 Minuten\ntext: "Neu im Blog!"',
      "title: 'Q&A: \"Fragen\"'\nlist: [1, 0x1F, 0o17, .5, -.inf, ~, true, TRUE, yes]",
      `title: ${'['.repeat(MAX_YAML_DEPTH - 1)}x${']'.repeat(MAX_YAML_DEPTH - 1)}`,
    ]
    for (const text of read) expect(agrees(text), text).toBe(true)
  })

  it('reads every example deck and every deck of the benchmark corpus', () => {
    const texts = [...deckTexts('decks'), ...Array.from({ length: 200 }, (_, i) => generateDeck(i).text)].map(frontmatterOf)
    expect(texts.length).toBeGreaterThan(200)
    for (const text of texts) {
      expect(agrees(text), text).toBe(true)
      // What every parse asks for, a deck's duration and the line of each task, the quick reader knows itself.
      const quick = quickYaml(text, MAX_YAML_DEPTH)!
      const tasks = (quick.data as { homework?: unknown[] }).homework ?? []
      for (const path of [['duration'], ['homework'], ...tasks.map((_, i) => ['homework', i])]) expect(quick.at(path), `${JSON.stringify(path)} in\n${text}`).toBeDefined()
    }
  })

  it('reads the test fixtures as yaml does, or declines them', () => {
    const texts = deckTexts('test/fixtures').map(frontmatterOf)
    const read = texts.filter((text) => agrees(text))
    expect(read.length).toBeGreaterThan(texts.length / 2)
  })
})
