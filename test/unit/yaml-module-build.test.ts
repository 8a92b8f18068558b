// The bundles read YAML with yaml's ES module build (src/io/bundle-cache.mjs yamlModuleBuild): it must
// parse every frontmatter exactly as the node build that vitest and npm install give us, diagnostics
// and positions included, and it must really be the build without the per-token environment lookup.
import type { Plugin } from 'esbuild'
import { describe, expect, it } from 'vitest'
import type { parseDeck as ParseDeck } from '../../src/core/parse-deck.ts'
import { yamlModuleBuild } from '../../src/io/bundle-cache.mjs'
import { generateDeck } from '../../scripts/bench/generate.ts'
import { fixtureDecks, importBundled } from '../helpers/bundle-module.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'

const ENTRY = "export { parseDeck } from './src/core/parse-deck.ts'"

/** parseDeck and the packages it uses as one ES module, bundled by esbuild as our bundles are, with or without the plugin. */
async function bundledParse(plugins: Plugin[]): Promise<{ parseDeck: typeof ParseDeck; text: string }> {
  const { module, text } = await importBundled<{ parseDeck: typeof ParseDeck }>(ENTRY, plugins, 'ts')
  return { parseDeck: module.parseDeck, text }
}

/** Decks whose frontmatter reaches yaml's corners: every fixture (the broken ones too), generated decks, YAML errors and limits. */
function corpus(): string[] {
  const fixtures = fixtureDecks()
  const decks = Array.from({ length: 40 }, (_, i) => generateDeck(i).text)
  const yaml = [
    'title: "quoted \\u00e4 \\x41"\ndate: 2026-12-03\naudience: A\nduration: 0x1F',
    "title: 'single ''quote'''\ndate: 2026-12-03\naudience: >-\n  folded\n  text\npresenter: |\n  literal\n   kept",
    'title: a\ntitle: b\ndate: [2026-12-03\naudience: {x: 1',
    'title: &t Titel\ndate: 2026-12-03\naudience: *t\nhomework:\n  - &task {kind: link, title: T, url: "https://example.com"}\n  - <<: *task\n    title: U',
    'title: *nirgends\n\tdate: x\n--- \nsecond: doc',
    'title: x\nhomework: ' + '['.repeat(40),
    'title: 12:30\ndate: 2026-12-03\naudience: ~\nduration: 1e3\nlang: yes\ntheme: !!str 1',
  ].map((y) => `---\n${y}\n---\n# Folie\n`)
  return [...fixtures, ...decks, ...yaml]
}

/** Both bundles, made once for the file's tests. */
let bundles: Promise<[Awaited<ReturnType<typeof bundledParse>>, Awaited<ReturnType<typeof bundledParse>>]> | undefined
const nodeAndModule = () => (bundles ??= Promise.all([bundledParse([]), bundledParse([yamlModuleBuild])]))

describe("yaml's ES module build in the bundles", () => {
  it('is the build without process.env lookups: the plugin swaps it in, and esbuild alone would not', async () => {
    const [node, module] = await nodeAndModule()
    expect(node.text).toContain('LOG_TOKENS')
    expect(module.text).not.toContain('LOG_TOKENS')
    expect(module.text).not.toContain('LOG_STREAM')
  })

  it('parses every deck of the corpus as the installed node build does: the same decks, diagnostics and positions', async () => {
    const [node, module] = await nodeAndModule()
    const texts = corpus()
    expect(texts.length).toBeGreaterThan(60)
    const ctx = { themes: THEMES, site: siteConfig({ siteUrl: 'https://intranet.example.com/decks/' }) }
    let diagnostics = 0
    for (const [i, text] of texts.entries()) {
      const [a, b] = [node.parseDeck(text, `deck-${i}.md`, ctx), module.parseDeck(text, `deck-${i}.md`, ctx)]
      expect(JSON.stringify(b), `deck ${i}`).toBe(JSON.stringify(a))
      diagnostics += a.diagnostics.length
    }
    // The corpus reaches the error paths too, not only decks that parse.
    expect(diagnostics).toBeGreaterThan(20)
  })
})
