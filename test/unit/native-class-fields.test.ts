// The bundles' markdown-it with plain field assignments (src/io/native-class-fields.mjs) must be the
// markdown-it npm installed, token for token; and a markdown-it update that the rewrite no longer
// recognises must turn this test red rather than silently bring the slow helper back.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Plugin } from 'esbuild'
import type MarkdownItType from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { nativeClassFields, nativeClassFieldsPlugin } from '../../src/io/native-class-fields.mjs'
import { generateDeck } from '../../scripts/bench/generate.ts'
import { fixtureDecks, importBundled } from '../helpers/bundle-module.ts'
import { ROOT } from '../helpers/site.ts'

const DIST = join(ROOT, 'node_modules/markdown-it/dist/markdown-it.mjs')
const installed = readFileSync(DIST, 'utf8')

/** markdown-it and its packages as one ES module, bundled by esbuild as our bundles do, with or without the rewrite. */
async function bundledMarkdownIt(plugins: Plugin[]): Promise<typeof MarkdownItType> {
  return (await importBundled<{ default: typeof MarkdownItType }>("export { default } from 'markdown-it'", plugins)).module.default
}

/** Markdown that reaches every class and most rules: the fixtures, generated decks and a sampler of the syntax. */
function corpus(): string[] {
  const fixtures = fixtureDecks()
  const decks = Array.from({ length: 20 }, (_, i) => generateDeck(i).text)
  const sampler = [
    '# H1\n## H2 *em* **strong** ~~del~~ `code`\n\nSetext\n===\n\n> quote\n> > nested\n\n- a\n  - b\n    1. c\n\n3) three\n4) four',
    '[ref][x] [x] ![img](a.png "t") <https://example.com> <a@b.de> &amp; &copy; &#x41; \\* hard  \nbreak\n\n[x]: https://example.com "Title"',
    '| a | b |\n|:-|-:|\n| 1 | 2 |\n\n    indented code\n\n```js {1}\nconst a = 1\n```\n\n~~~\ntilde\n~~~\n\n***\n\n<div>html</div>\n\nline<br>',
    '*a **b** c* _d __e__ f_ ***g*** [link *em*](https://x.y/(z)) ![](x) ` `` ` \u0000 \r\n end',
  ]
  return [...fixtures, ...decks, ...sampler]
}

describe('markdown-it with native class fields', () => {
  it('rewrites every field of the installed markdown-it and leaves no call of the helper on an instance', () => {
    const result = nativeClassFields(installed)
    expect(result?.rewritten).toBeGreaterThan(20)
    expect(result!.text).not.toMatch(/_defineProperty\(\s*this\b/)
    // The helper stays for the classes' static fields (MarkdownIt.Token …), defined once at load.
    expect(result!.text).toContain('function _defineProperty(')
  })

  it('applies to nothing else: other modules and a class that extends another stay as they are', () => {
    expect(nativeClassFields('export const a = 1')).toBeUndefined()
    expect(nativeClassFields(`${installed}\nclass Sub extends Token {}`)).toBeUndefined()
    const require = createRequire(import.meta.url)
    expect(nativeClassFields(readFileSync(require.resolve('highlight.js/lib/core'), 'utf8'))).toBeUndefined()
  })

  it('assigns only where the helper would assign: no class has a property on its prototype named like one of its fields', async () => {
    const { default: MarkdownIt } = await import('markdown-it')
    const md = new MarkdownIt()
    const instances: object[] = [
      md,
      new MarkdownIt.Token('t', 'p', 0),
      new MarkdownIt.Ruler(),
      new MarkdownIt.Renderer(),
      new MarkdownIt.ParserCore(),
      new MarkdownIt.ParserBlock(),
      new MarkdownIt.ParserInline(),
      new MarkdownIt.StateCore('x', md, {}),
      new MarkdownIt.StateBlock('x', md, {}, []),
      new MarkdownIt.StateInline('x', md, {}, []),
    ]
    const shadowed = instances.flatMap((o) => Object.keys(o).filter((key) => key in Object.getPrototypeOf(o)).map((key) => `${o.constructor.name}.${key}`))
    expect(shadowed).toEqual([])
  })

  it('renders the same HTML and the same tokens, fields in the same order, as the installed markdown-it', async () => {
    const [plain, rewritten] = await Promise.all([bundledMarkdownIt([]), bundledMarkdownIt([nativeClassFieldsPlugin])])
    const texts = corpus()
    expect(texts.length).toBeGreaterThan(40)
    for (const options of [{ html: false }, { html: true, linkify: true, typographer: true }] as const) {
      const [a, b] = [new plain(options), new rewritten(options)]
      for (const text of texts) {
        expect(JSON.stringify(b.parse(text, {}))).toBe(JSON.stringify(a.parse(text, {})))
        expect(b.render(text)).toBe(a.render(text))
      }
    }
    // The bundle that was rewritten is the one measured: no helper call on an instance left in it.
    expect(rewritten.prototype.parse.toString()).toBe(plain.prototype.parse.toString())
    expect(new rewritten.Token('t', 'p', 0).constructor.toString()).not.toContain('_defineProperty')
    expect(new plain.Token('t', 'p', 0).constructor.toString()).toContain('_defineProperty')
  })
})
