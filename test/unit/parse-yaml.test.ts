// Frontmatter YAML that used to crash, throw or take quadratic time gives diagnostics instead.
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'

const ctx = { themes: THEMES, site: siteConfig() }
const messages = (yaml: string) => parseDeck(`---\n${yaml}\n---\n# x\n`, 'x.md', ctx).diagnostics.map((d) => formatDiagnostic(d))

describe('frontmatter YAML at its limits', () => {
  // yaml recursed until the stack ran out; the second such deck made V8 abort the whole process.
  it('deep nesting is refused, deck after deck', () => {
    for (const yaml of ['title: ' + '['.repeat(3000), 'title: ' + '{'.repeat(3000), '- '.repeat(3000), '[{'.repeat(3000)]) {
      const found = messages(yaml)
      expect(found).toHaveLength(1)
      expect(found[0]).toMatch(/^x\.md:2:\d+ the frontmatter nests more than 32 levels deep: remove the extra brackets or indentation$/)
    }
  })

  it('an alias without an anchor is a diagnostic, not an exception', () => {
    expect(messages('title: *nirgends')).toEqual(['x.md:2:8 *nirgends names no anchor &nirgends above it: add the anchor or remove the alias'])
  })

  it('aliases that expand to too much data are a diagnostic', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (const n of ['b', 'c', 'd', 'e']) lines.push(`${n}: &${n} [${Array(10).fill(`*${lines.length === 1 ? 'a' : String.fromCharCode(n.charCodeAt(0) - 1)}`).join(', ')}]`)
    expect(messages(lines.join('\n'))).toEqual([expect.stringContaining('aliases (*name) expand to too much text')])
  })

  it('more than 100 aliases are refused before yaml resolves each against all anchors', () => {
    const yaml = Array.from({ length: 101 }, (_, i) => `k${i}: &a${i} x\nl${i}: *a${i}`).join('\n')
    expect(messages(yaml)).toEqual(['x.md:203:7 the frontmatter uses more than 100 aliases: write the values out'])
  })

  it('a duplicate field is reported where yaml reported it, in block and flow maps', () => {
    expect(messages('title: a\ndate: 2026-12-03\ntitle: b')).toEqual(['x.md:4:1 this field appears twice: keep one'])
    expect(messages('title: x\nhomework: [{kind: link, kind: link}]')).toEqual(['x.md:3:25 this field appears twice: keep one'])
  })

  it('a duplicate field is found at every level: in a task, in a map inside a list inside a list, in a key that is a map, in the top level', () => {
    const yaml = 'title: x\nhomework:\n  - kind: link\n    kind: link\n  - - {a: 1, a: 2}\n? {k: 1, k: 2}\n: v\nx: [a: 1, a: 2]\ntitle: y'
    expect(messages(yaml)).toEqual(['5:5', '6:14', '7:10', '10:1'].map((at) => `x.md:${at} this field appears twice: keep one`))
  })

  it('a second YAML document inside the frontmatter says where the frontmatter ends', () => {
    expect(messages('title: x\n--- y')).toEqual(['x.md:3:1 a line starting with --- or ... starts a second YAML document: the frontmatter ends at a line holding only ---'])
  })
})
