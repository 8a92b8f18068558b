// parseFrontmatter is what the dev server's first page is made from: for every fixture deck, good and
// bad, it must show what parseDeck shows (the same deck fields the index uses, the same messages),
// lacking only what the homework fit adds later.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { parseFrontmatter } from '../../src/core/parse-frontmatter.ts'
import { FIXTURE_DECKS, siteConfig, THEMES } from '../helpers/site.ts'

const fixtures = ['ok', 'bad'].flatMap((kind) =>
  readdirSync(join(FIXTURE_DECKS, kind)).filter((f) => f.endsWith('.md')).map((f) => ({ file: `${kind}/${f}`, text: readFileSync(join(FIXTURE_DECKS, kind, f), 'utf8') })),
)
const sites = { 'no site URL': siteConfig(), 'a site URL': siteConfig({ siteUrl: 'https://intranet.example.com/decks/', mastodonInstance: 'mastodon.social' }) }
const lines = (diagnostics: Parameters<typeof formatDiagnostic>[0][]) => diagnostics.map((d) => formatDiagnostic(d))

describe.each(Object.entries(sites))('parseFrontmatter against parseDeck, %s', (_, site) => {
  const ctx = { themes: THEMES, site }
  it.each(fixtures.map((f) => [f.file, f.text]))('%s', (file, text) => {
    const full = parseDeck(text, file, ctx)
    const head = parseFrontmatter(text, file, ctx)
    // Every problem it reports, parseDeck reports too, in the same words at the same place.
    expect(lines(full.diagnostics)).toEqual(expect.arrayContaining(lines(head.diagnostics)))
    if (full.deck) {
      // The index shows the same deck: title, date, audience, presenter, duration, language, tasks.
      expect(head.head).toEqual({ file, slug: full.deck.slug, meta: full.deck.meta, homework: expect.any(Array) })
      expect(head.head!.homework.map((t) => t.title)).toEqual(full.deck.homework.map((t) => t.title))
      expect(head.diagnostics).toEqual([])
    } else if (head.head) {
      // Only the homework fit found what is wrong.
      expect(full.diagnostics.filter((d) => d.severity === 'error').every((d) => d.field.startsWith('homework') || d.field.startsWith('defaultHomework'))).toBe(true)
    } else {
      expect(head.diagnostics.length).toBeGreaterThan(0)
    }
  })
})

describe('parseFrontmatter', () => {
  it('lists a deck whose homework only the fit finds wrong, and gives it the tasks as written', () => {
    const text = `---\ntitle: Messe\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n  - { kind: link, title: Lesen, url: "https://example.com/${'a'.repeat(400)}" }\n---\n\n# Eins\n`
    const ctx = { themes: THEMES, site: siteConfig() }
    expect(lines(parseDeck(text, 'messe.md', ctx).diagnostics)).toEqual([expect.stringMatching(/^messe\.md:6:\d+ homework\.1\.url: too long/)])
    const head = parseFrontmatter(text, 'messe.md', ctx)
    expect(head.diagnostics).toEqual([])
    expect(head.head?.homework.map((t) => t.title)).toEqual(['Lesen'])
  })
})
