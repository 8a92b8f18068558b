// Reading the decks folder: files that are not decks get a message, never a stack trace.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { loadDecks } from '../../src/io/load-decks.ts'
import { tempDir } from '../helpers/build-fixture.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'

const deck = (title: string) => `---\ntitle: ${title}\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n# ${title}\n`

async function load(files: Record<string, string | Buffer>) {
  const decksDir = tempDir('read')
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(decksDir, name, '..'), { recursive: true })
    writeFileSync(join(decksDir, name), content)
  }
  const loaded = await loadDecks({ decksDir, themes: THEMES, site: siteConfig() })
  return { slugs: loaded.decks.map((d) => d.deck.slug), messages: loaded.diagnostics.map((d) => formatDiagnostic(d)) }
}

describe('loadDecks', () => {
  it('finds decks in sub-folders and makes URL-safe slugs', async () => {
    const { slugs, messages } = await load({ 'Vertrieb/Über uns – März.md': deck('Über uns'), 'notes.txt': 'not a deck', '.hidden/x.md': deck('Hidden') })
    expect(messages).toEqual([])
    expect(slugs).toEqual(['vertrieb/ueber-uns-maerz'])
  })

  it('refuses binary, non-UTF-8 and huge files with a message', async () => {
    const { messages } = await load({
      'bild.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
      'latin1.md': Buffer.from('---\ntitle: Gr\xfc\xdfe\n', 'latin1'),
      'riesig.md': deck('Riesig') + 'Wort '.repeat(300_000),
    })
    expect(messages).toEqual([
      'bild.md:1:1 this is not a text file: a deck is Markdown saved as UTF-8 text',
      'latin1.md:1:1 the file is not UTF-8 text: save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
      'riesig.md:1:1 the file is 1.4 MB; a deck must stay under 1 MB: move large content into images or split the deck',
    ])
  })

  it('tells a UTF-16 file ("Unicode" in Notepad) to be saved as UTF-8, with or without a byte order mark', async () => {
    const utf16 = (bom: number[], encoding: 'utf16le' | 'ucs2') => Buffer.concat([Buffer.from(bom), Buffer.from(deck('Grüße'), encoding)])
    const bigEndian = Buffer.from(deck('Grüße'), 'utf16le').swap16()
    const { messages } = await load({ 'notepad.md': utf16([0xff, 0xfe], 'utf16le'), 'ohne-bom.md': utf16([], 'utf16le'), 'big-endian.md': Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]) })
    const advice = 'the file is saved as UTF-16 ("Unicode"): save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)'
    expect(messages).toEqual([`big-endian.md:1:1 ${advice}`, `notepad.md:1:1 ${advice}`, `ohne-bom.md:1:1 ${advice}`])
  })

  it('reports two decks with the same address instead of overwriting one', async () => {
    const { messages } = await load({ 'über-uns.md': deck('A'), 'ueber uns.md': deck('B'), 'assets.md': deck('C'), 'x/homework.md': deck('D'), 'plan/2027.md': deck('E'), 'exports/x.md': deck('F') })
    expect(messages).toEqual([
      'assets.md:1:1 the address /assets/ is used by the site itself: rename the file or folder',
      'exports/x.md:1:1 the address /exports/x/ is used by the site itself: rename the file or folder',
      'plan/2027.md:1:1 the address /plan/2027/ is used by the site itself: rename the file or folder',
      'x/homework.md:1:1 the address /x/homework/ is used by the site itself: rename the file or folder',
      'über-uns.md:1:1 has the same address /ueber-uns/ as ueber uns.md: rename one of them',
    ])
  })
})
