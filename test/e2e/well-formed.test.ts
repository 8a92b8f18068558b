// Any text in a deck gives a well-formed feed.xml: invisible control characters are refused with a position.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { resolveOptions } from '../../src/vite/options.ts'
import { buildTo, tempDir } from '../helpers/build-fixture.ts'

/** saxes checks XML 1.0 well-formedness, characters included: its errors, and the text of each <title>. */
function parseXml(xml: string): { errors: string[]; titles: string[] } {
  const errors: string[] = []
  const titles: string[] = []
  let inTitle = false
  const parser = new SaxesParser()
  parser.on('error', (e) => errors.push(e.message))
  parser.on('opentag', (tag) => {
    inTitle = tag.name === 'title'
    if (inTitle) titles.push('')
  })
  parser.on('closetag', () => (inTitle = false))
  const addText = (text: string) => {
    if (inTitle) titles[titles.length - 1] += text
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.write(xml).close()
  return { errors, titles }
}
const xmlErrors = (xml: string) => parseXml(xml).errors

const deck = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2026-12-03\naudience: Vertrieb\npresenter: Jana <Hoffmann> & Co\nhomework:\n  - kind: follow\n    title: "Folgen ]]> <b>"\n    url: https://example.com${extra}\n---\n\n# Folie\n`

async function buildDeck(text: string) {
  const decksDir = join(tempDir('xml'), 'decks')
  mkdirSync(decksDir, { recursive: true })
  writeFileSync(join(decksDir, 'update.md'), text)
  return buildTo({ decksDir })
}

describe('feed.xml for any text', () => {
  it('is well-formed with markup characters, CDATA ends, tabs and emoji in every field', async () => {
    const result = await buildDeck(deck('"Update <Dezember> & ]]> \t 🎉 Ümlaut"', '\n    details: "Zeile 1\\nZeile 2\\tmit Tab"'))
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([])
    const feed = readFileSync(join(result.outDir, 'feed.xml'), 'utf8')
    const parsed = parseXml(feed)
    expect(parsed.errors).toEqual([])
    expect(parsed.titles).toContain('Update <Dezember> & ]]> \t 🎉 Ümlaut')
  })

  const invisible: [string, string][] = [
    ['\u000B', 'U+000B'], // PowerPoint's soft line break, pasted
    ['\u000C', 'U+000C'],
    ['\u0001', 'U+0001'],
    ['\u001B', 'U+001B'],
    ['\u007F', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\uFFFE', 'U+FFFE'],
  ]
  for (const [char, code] of invisible) {
    it(`refuses ${code} in a title with its position, instead of writing a broken feed`, async () => {
      const result = await buildDeck(deck(`Update${char}Dezember`))
      if (result.ok) expect(xmlErrors(readFileSync(join(result.outDir, 'feed.xml'), 'utf8'))).toEqual([])
      expect(result.ok).toBe(false)
      expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
        `update.md:2:14 title: contains an invisible control character (${code}) at character 7: delete it, or type a space instead`,
      ])
    })
  }

  it('refuses control characters written as YAML escapes in every text field, at the field', async () => {
    const text = deck('"Update\\vDezember"', '\n    details: "gut\\x07"').replace('audience: Vertrieb', 'audience: "Ver\\x1ftrieb"')
    const result = await buildDeck(text)
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'update.md:2:8 title: contains an invisible control character (U+000B) at character 7: delete it, or type a space instead',
      'update.md:4:11 audience: contains an invisible control character (U+001F) at character 4: delete it, or type a space instead',
      'update.md:10:14 homework.1.details: contains an invisible control character (U+0007) at character 4: delete it, or type a space instead',
    ])
  })

  it('refuses them in the site options too', () => {
    expect(() => resolveOptions({ organisation: 'Muster\u000BGmbH' })).toThrow(
      'vite.config.ts updeck() organisation: contains an invisible control character (U+000B) at character 7: delete it, or type a space instead',
    )
  })
})
