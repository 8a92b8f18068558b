// Any deck takes linear time: 1 MB of patterns that once took minutes (issue 8, item 7).
import { describe, expect, it } from 'vitest'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { countWords, renderSlides } from '../../src/core/render-slides.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'

const ctx = { themes: THEMES, site: siteConfig() }
const HEAD = '---\ntitle: T\ndate: 2026-12-03\naudience: A\nhomework:\n  - kind: profile\n    title: X\n    url: https://www.xing.com/profile\n---\n\n'
const MB = 1024 * 1024
const fill = (pattern: string, bytes = MB) => pattern.repeat(Math.ceil(bytes / pattern.length)).slice(0, bytes)

/** CPU time of the work, not wall time: the test machine is shared. Generous: a quadratic pass takes minutes. */
function cpuSeconds(work: () => void): number {
  const start = process.cpuUsage()
  work()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1e6
}

function parseAndRender(text: string) {
  const parsed = parseDeck(text, 'x.md', ctx)
  return { parsed, rendered: parsed.deck ? renderSlides(parsed.deck) : undefined }
}

describe('linear time on any deck', () => {
  // The word counter's old pattern rescanned from every `![` to the end: 200 KB took 17 s. Runs of
  // unclosed `![` cost markdown-it itself time linear in length × its nesting limit (100): 1 MB of
  // them takes it seconds, so those two get an eighth of that (the old counter took 9 s on it).
  for (const [pattern, bytes] of [['![', MB / 8], ['](', MB], ['![x](', MB], ['[x](', MB], ['![[](', MB / 8]] as const) {
    it(`${bytes / 1024} KB of ${JSON.stringify(pattern)} parse, render and count words in well under a second of work`, () => {
      const body = fill(pattern, bytes - HEAD.length)
      let result: ReturnType<typeof parseAndRender> | undefined
      expect(cpuSeconds(() => (result = parseAndRender(HEAD + body)))).toBeLessThan(3)
      expect(result!.rendered!.slides.length).toBe(1)
      const mb = fill(pattern)
      expect(cpuSeconds(() => countWords(mb))).toBeLessThan(1)
    })
  }

  // Trimming a value's trailing spaces with / +$/ retries from every space of a run: 50 KB of
  // spaces before the last letter once took 4 s in a frontmatter reader.
  it('a frontmatter value with 1 MB of spaces inside parses in well under a second of work', () => {
    for (const [value, found] of [[`x${' '.repeat(MB)}y`, ['2:8 title']], [`x${' '.repeat(MB)}`, []]] as const) {
      let parsed: ReturnType<typeof parseDeck> | undefined
      expect(cpuSeconds(() => (parsed = parseDeck(`${HEAD.replace('title: T', `title: ${value}`)}# x\n`, 'x.md', ctx)))).toBeLessThan(3)
      expect(parsed!.diagnostics.map((d) => `${d.line}:${d.col} ${d.field}`)).toEqual(found)
    }
  })

  it('counts words as before: images and link targets are not spoken', () => {
    expect(countWords('Ein ![Bild mit Text](a.png) und [ein Link](https://x.de/a b) ende')).toBe(5)
    expect(countWords('![a](b) ![c](d')).toBe(1)
    expect(countWords('[a](b ![c](d) e)')).toBe(1)
    expect(countWords('```js\nconst a = 1\n```')).toBe(3)
  })

  // Each problem's URL was searched from its paragraph to the end of the slide: 100 KB took 3.3 s.
  it('a slide full of problems whose URL markdown-it re-encoded is located in linear time', () => {
    const text = HEAD + fill('![](bild-ä.png)\n\n', 512 * 1024)
    let result: ReturnType<typeof parseAndRender> | undefined
    expect(cpuSeconds(() => (result = parseAndRender(text)))).toBeLessThan(3)
    const warnings = result!.rendered!.diagnostics
    expect(warnings.length).toBeGreaterThan(30_000)
    expect(warnings.slice(0, 3).map((d) => d.line)).toEqual([11, 13, 15])
    expect(warnings[1]!.col).toBe(5)
  })

  // highlight.js took 33 s for 40 KB of `a` as JavaScript; such code is now shown plain.
  it('a large code block is shown without highlighting instead of taking minutes', () => {
    const text = `${HEAD}\`\`\`js\n${fill('a', 200 * 1024)}\n\`\`\`\n`
    let result: ReturnType<typeof parseAndRender> | undefined
    expect(cpuSeconds(() => (result = parseAndRender(text)))).toBeLessThan(3)
    expect(result!.rendered!.slides[0]!.html).toContain('<code class="language-js">aaaa')
  })

  // yaml compared every key with all earlier ones, and so did the unknown-field locator.
  it('1 MB of frontmatter fields is checked in linear time', () => {
    let yaml = ''
    for (let i = 0; yaml.length < MB; i++) yaml += `k${i}: x\n`
    let result: ReturnType<typeof parseAndRender> | undefined
    expect(cpuSeconds(() => (result = parseAndRender(`---\n${yaml}---\n# x\n`)))).toBeLessThan(10)
    expect(result!.parsed.diagnostics.filter((d) => d.message.startsWith('unknown field')).length).toBeGreaterThan(100_000)
  })
})
