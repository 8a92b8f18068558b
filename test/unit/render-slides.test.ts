// Nothing in a slide's Markdown is dropped in silence: deep nesting, references across slides, footnotes.
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { renderSlides } from '../../src/core/render-slides.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'

const FRONTMATTER = '---\ntitle: Test\ndate: 2026-12-03\naudience: Test\nhomework:\n  - { kind: link, title: Lesen, url: "https://example.com" }\n---\n'
/** Line of the first slide's first line: the frontmatter's 7 lines, then one blank line. */
const FIRST = 9

function render(...slides: string[]) {
  const deck = parseDeck(`${FRONTMATTER}\n${slides.join('\n\n---\n\n')}\n`, 'x.md', { themes: THEMES, site: siteConfig() }).deck!
  const rendered = renderSlides(deck)
  return { html: rendered.slides.map((s) => s.html), notes: rendered.slides.map((s) => s.notesHtml), problems: rendered.diagnostics.map((d) => formatDiagnostic(d)) }
}

describe('content nested deeper than markdown-it renders', () => {
  it('a 200-level list: a warning where the text starts to vanish', () => {
    const list = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- Ebene ${i}`).join('\n')
    const { html, problems } = render(`${list}\n\nDanach`)
    expect(html[0]).toContain('Ebene 48')
    expect(html[0]).not.toContain('Ebene 49')
    // markdown-it gives up on the rest of the text at that point, not just on the deeper items.
    expect(html[0]).not.toContain('Danach')
    expect(problems).toEqual([`x.md:${FIRST + 49}:1 warning: lists or quotes are nested too deeply here, so the text from here on is left out: nest them less deeply`])
  })

  it('500 ">": a warning on that line', () => {
    const { html, problems } = render(`Davor\n\n${'>'.repeat(500)} tief`)
    expect(html[0]).not.toContain('tief')
    expect(problems).toEqual([`x.md:${FIRST + 2}:1 warning: lists or quotes are nested too deeply here, so the text from here on is left out: nest them less deeply`])
  })

  it('nesting a presenter would write stays silent', () => {
    const list = Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- Ebene ${i}`).join('\n')
    expect(render(list, `${'> '.repeat(20)}Zitat`).problems).toEqual([])
  })
})

describe('reference links are deck-wide', () => {
  it('a link on one slide uses the definition on another, which shows nowhere as text', () => {
    const { html, problems } = render('# Eins\n\nSiehe den [Bericht][r].', '# Zwei\n\n[r]: https://example.com/bericht "Der Bericht"')
    expect(problems).toEqual([])
    expect(html[0]).toContain('<a href="https://example.com/bericht" title="Der Bericht"')
    expect(html[0]).not.toContain('[r]')
    expect(html[1]).not.toContain('example.com')
  })

  it('a definition in the speaker notes serves the slides too; the first definition of a label wins', () => {
    const { html } = render('[A][a] und [B][b]\n\n[b]: https://example.com/b-eins', 'Text\n\nNote:\n[a]: https://example.com/a\n[B]: https://example.com/b-zwei')
    expect(html[0]).toContain('href="https://example.com/a"')
    expect(html[0]).toContain('href="https://example.com/b-eins"')
  })

  it('an unsafe URL in a definition is reported once, where the definition stands, and never linked', () => {
    const { html, problems } = render('[klick][x] und [nochmal][X]', 'Zwei\n\n[x]: javascript:alert(1)')
    expect(problems).toEqual([`x.md:${FIRST + 6}:6 link "javascript:alert(1)" is not allowed: use an https:// address`])
    expect(html[0]).not.toContain('javascript')
    expect(html[0]).toContain('<a href="#"')
  })
})

describe('footnotes', () => {
  it('are not supported: one warning at the first footnote mark', () => {
    const { problems } = render('# Zahlen\n\nUmsatz plus 12 %[^1] und mehr[^2].\n\n[^1]: Quelle: Jahresbericht')
    expect(problems).toEqual([`x.md:${FIRST + 2}:17 warning: footnotes like [^1] are not supported on slides: write the note into the text or into the speaker notes (Note:)`])
  })

  it('in code they are just code', () => {
    expect(render('`a[^1]`\n\n```\nb[^2]\n```').problems).toEqual([])
  })
})
