// The highlighter registers lib/common's languages one at a time, and highlights exactly as lib/common.
import core from 'highlight.js/lib/core'
import common from 'highlight.js/lib/common'
import { describe, expect, it } from 'vitest'
import { COMMON_LANGUAGES } from '../../src/core/markdown/highlight-languages.ts'
import { commonHighlighter, highlightCode } from '../../src/core/markdown/highlight.ts'

/** A bit of many languages, with code embedded the ways the grammars embed it (HTML's <script>, JSX, `$ ` prompts, ERB …). */
const SAMPLE = `<!DOCTYPE html>
<div class="a" onclick="go()">Text &amp; more</div>
<style>.a { color: red; margin: 0 auto }</style>
<script>const answer = \`t\${1 + 2}\`; // comment
const q = gql\`query { deck(id: 1) { title } }\`; const h = html\`<b>\${x}</b>\`; const c = css\`a { color: red }\`
function View() { return <div className="x">{answer}</div> }</script>
<?php echo "Hallo"; $x = [1, 2]; ?>
# Heading
- item with **bold** and \`code\`
>>> print("hello")
hello
$ echo "hi" && ls -la | grep md
key: value
list: [1, 2, "drei"]
erb: <%= link_to "x", y %>
def f(x): return x + 1
SELECT title FROM decks WHERE date > '2026-12-01';
fn main() { let s = String::from("str"); }
#include <stdio.h>
int main(void) { printf("%d\\n", 42); }
@@ -1,2 +1,2 @@
-old
+new
[section]
name = "x"
`

describe('highlighting with the languages of lib/common', () => {
  it('knows exactly the languages and aliases lib/common registers', () => {
    expect(Object.keys(COMMON_LANGUAGES).sort()).toEqual(common.listLanguages().sort())
    for (const [name, { aliases }] of Object.entries(COMMON_LANGUAGES)) {
      expect([...(common.getLanguage(name)!.aliases ?? [])].map((a) => a.toLowerCase()).sort(), name).toEqual([...aliases].sort())
      for (const alias of aliases) expect(common.getLanguage(alias), `${alias} → ${name}`).toBe(common.getLanguage(name))
    }
  })

  it('gives, for every name and alias, the HTML lib/common gives, from a fresh start each', () => {
    for (const [name, { aliases }] of Object.entries(COMMON_LANGUAGES)) {
      for (const lang of [name, ...aliases, name.toUpperCase()]) {
        // A new instance per language: only what this language registers (and embeds) is there.
        const highlight = commonHighlighter(core.newInstance())
        expect(highlight(SAMPLE, lang), lang).toBe(common.highlight(SAMPLE, { language: lang, ignoreIllegals: true }).value)
      }
    }
  })

  it('registers a language with those it embeds: HTML brings CSS and JavaScript along', () => {
    const hljs = core.newInstance()
    commonHighlighter(hljs)('<p>x</p>', 'html')
    expect(hljs.listLanguages().sort()).toEqual(['css', 'graphql', 'javascript', 'xml'])
  })

  it('shows code of a language it does not know as escaped text', () => {
    expect(commonHighlighter(core.newInstance())('<b>', 'brainfuck')).toBeUndefined()
    expect(highlightCode('<b>', 'brainfuck', { left: 1000 })).toBe('&lt;b&gt;')
    expect(highlightCode('<b>', 'html', { left: 1000 })).toContain('hljs-tag')
  })

  it('highlights a block seen before as the same text in the same language, and still charges the budget', () => {
    const code = 'const kanal = "LinkedIn" // 14 Beiträge'
    const first = highlightCode(code, 'ts', { left: 10_000 })
    expect(first).toContain('hljs-keyword')
    expect(highlightCode(code, 'TS', { left: 10_000 })).toBe(first)
    // The same text in another language is highlighted by that language's rules.
    expect(highlightCode(code, 'bash', { left: 10_000 })).toBe(commonHighlighter(core.newInstance())(code, 'bash'))
    expect(highlightCode(code, 'text', { left: 10_000 })).not.toContain('hljs-keyword')
    const budget = { left: code.length ** 2 }
    highlightCode(code, 'ts', budget)
    expect(budget.left).toBe(0)
    expect(highlightCode(code, 'ts', budget)).toBe(code.replace(/"/g, '&quot;'))
  })
})
