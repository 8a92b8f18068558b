// Fixture decks: good ones parse into a model, bad ones give exactly the messages in x.expected.txt.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { loadDeck } from '../../src/io/load-decks.ts'
import { FIXTURE_DECKS, siteConfig, THEMES } from '../helpers/site.ts'

const ctx = { decksDir: FIXTURE_DECKS, themes: THEMES, site: siteConfig() }
const load = (file: string) => loadDeck(readFileSync(join(FIXTURE_DECKS, file), 'utf8'), file, ctx)
const mdFiles = (dir: string) => readdirSync(join(FIXTURE_DECKS, dir)).filter((f) => f.endsWith('.md')).sort()

describe('good decks', () => {
  for (const name of mdFiles('ok')) {
    it(`ok/${name} parses without problems`, () => {
      const result = load(`ok/${name}`)
      expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([])
      const { deck, rendered } = result.deck!
      // The image marker is NUL-delimited (unforgeable); shown as ␀ so the snapshot stays a text file.
      const slides = rendered.slides.map((s) => ({ ...s, html: s.html.replaceAll('\0', '␀') }))
      expect({ meta: deck.meta, slug: deck.slug, homework: deck.homework, slides }).toMatchSnapshot()
    })
  }
})

describe('bad decks', () => {
  for (const name of mdFiles('bad')) {
    it(`bad/${name} reports every problem with file:line:col`, () => {
      const expected = readFileSync(join(FIXTURE_DECKS, 'bad', name.replace(/\.md$/, '.expected.txt')), 'utf8')
      const actual = load(`bad/${name}`).diagnostics.map((d) => formatDiagnostic(d, 'decks/'))
      expect(actual.join('\n')).toBe(expected.trimEnd())
    })
  }
})
