// The site record is two files: which deck made which output files (small, saved by every build) and
// the decks' data (large, saved only when it changed). A pair from two different builds is no record.
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../src/core/model.ts'
import { siteRecordFile } from '../../src/io/build-stamp.ts'
import { readSiteRecord, saveSiteRecord, type SiteRecord } from '../../src/io/site-record.ts'
import { tempDir } from '../helpers/build-fixture.ts'

const OUT = '/srv/site'
const deck = (title: string) => ({ file: 'a.md', slug: 'a', meta: { title }, slides: [], homework: [] }) as unknown as Deck

function record(title: string, key = 'k1'): SiteRecord {
  return { inputs: 'i', siteKey: 's', pages: { 'index.html': 'h' }, decks: { 'a.md': { key, diagnostics: [], files: ['a/index.html'], images: [], deck: deck(title) } } }
}

describe('the site record', () => {
  it('reads back what was saved, homework links included (kept once in the file when all four are the same)', () => {
    const root = tempDir('record')
    const url = 'https://www.xing.com/profile'
    const same = { qr: url, slide: url, 'homework-page': url, newsletter: url }
    const tagged = { qr: `${url}?utm_medium=qr`, slide: `${url}?utm_medium=slide`, 'homework-page': url, newsletter: url }
    const saved = record('Eins')
    saved.decks['a.md']!.deck!.homework = [{ kind: 'profile', title: 'Profil', url, line: 9, target: url, links: same, qrLevel: 'M' }, { kind: 'profile', title: 'Profil', url, line: 12, target: url, links: tagged, qrLevel: 'M' }] as Deck['homework']
    const json = JSON.stringify(saved.decks['a.md']!.deck)
    saveSiteRecord(root, OUT, saved)
    expect(readFileSync(siteRecordFile(root, OUT, '.decks'), 'utf8').split(url).length - 1).toBe(3 + 6) // url, target, links once; url, target and all four links
    const read = readSiteRecord(root, OUT)!
    expect(read).toMatchObject(saved)
    expect(JSON.stringify(read.decks['a.md']!.deck)).toBe(json) // same keys in the same order: sameSiteData compares the text
  })

  it('keeps the decks’ data file when the data is that of the record it started from, and rewrites it when not', () => {
    const root = tempDir('record')
    saveSiteRecord(root, OUT, record('Eins'))
    const dataFile = siteRecordFile(root, OUT, '.decks')
    const written = statSync(dataFile).mtimeMs
    const previous = readSiteRecord(root, OUT)!
    // A slide edit: a new key, the recorded deck object.
    saveSiteRecord(root, OUT, { ...record('Eins', 'k2'), decks: { 'a.md': { ...previous.decks['a.md']!, key: 'k2' } } }, previous)
    expect(statSync(dataFile).mtimeMs).toBe(written)
    expect(readSiteRecord(root, OUT)).toMatchObject(record('Eins', 'k2'))

    saveSiteRecord(root, OUT, record('Zwei', 'k3'), readSiteRecord(root, OUT))
    expect(readSiteRecord(root, OUT)).toMatchObject(record('Zwei', 'k3'))
  })

  it('is not used when its data file belongs to another build', () => {
    const root = tempDir('record')
    saveSiteRecord(root, OUT, record('Eins'))
    const dataFile = siteRecordFile(root, OUT, '.decks')
    const first = readFileSync(dataFile, 'utf8')
    saveSiteRecord(root, OUT, record('Zwei'))
    writeFileSync(dataFile, first) // e.g. a build stopped between writing the two files
    expect(readSiteRecord(root, OUT)).toBeUndefined()
    expect(readSiteRecord(join(root, 'elsewhere'), OUT)).toBeUndefined()
  })
})
