// The site record is two files: which deck made which output files (small, saved by every build) and
// the decks' data (large, saved only when it changed). A pair from two different builds is no record.
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../src/core/model.ts'
import { siteRecordFile } from '../../src/io/build-stamp.ts'
import type { Inputs } from '../../src/io/build-stamp.ts'
import type { DeckOutput } from '../../src/io/deck-job.ts'
import { readSiteRecord, reusable, sameSiteData, saveSiteRecord, siteRecord, type SiteRecord } from '../../src/io/site-record.ts'
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

  it('after an edit of slides, keeps the data file and reads no other deck’s data; after a new title, rewrites it', () => {
    const root = tempDir('record')
    const two = (file: string, title: string) => ({ ...deck(title), file, slug: file.replace('.md', '') })
    const inputs = { decksDir: '/decks', files: new Map([['a.md', 'ha'], ['b.md', 'hb']]), hash: 'i', seen: { at: 0, files: {} }, listing: [] } as Inputs
    const outputs: DeckOutput[] = [
      { file: 'a.md', deck: two('a.md', 'Eins'), diagnostics: [], files: ['a/index.html'], images: [] },
      { file: 'b.md', deck: two('b.md', 'Zwei'), diagnostics: [], files: ['b/index.html'], images: [] },
    ]
    saveSiteRecord(root, OUT, siteRecord('s', inputs, outputs, { 'index.html': 'h' }))
    const dataFile = siteRecordFile(root, OUT, '.decks')
    const written = readFileSync(dataFile, 'utf8')

    const edited = (title: string) => {
      const previous = readSiteRecord(root, OUT)!
      const keys = new Map<string, string>()
      const reuse = reusable(previous, 's', { ...inputs, files: new Map([['a.md', 'ha2'], ['b.md', 'hb']]) }, keys)
      expect(reuse('a.md')).toBeUndefined() // a.md changed: rendered again
      const rendered = { ...outputs[0]!, deck: two('a.md', title) }
      const decks = [rendered, reuse('b.md')!]
      const same = sameSiteData(previous, decks, [rendered])
      saveSiteRecord(root, OUT, siteRecord('s', inputs, decks, previous.pages, keys, same ? previous.data : undefined), previous)
      return { same, bRead: !Object.getOwnPropertyDescriptor(previous.decks['b.md'], 'deck')!.get }
    }
    expect(edited('Eins')).toEqual({ same: true, bRead: false })
    expect(readFileSync(dataFile, 'utf8')).toBe(written)
    expect(readSiteRecord(root, OUT)!.decks['b.md']!.deck).toEqual(two('b.md', 'Zwei'))

    expect(edited('Neu')).toEqual({ same: false, bRead: true })
    const read = readSiteRecord(root, OUT)!
    expect([read.decks['a.md']!.deck, read.decks['b.md']!.deck]).toEqual([two('a.md', 'Neu'), two('b.md', 'Zwei')])
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
