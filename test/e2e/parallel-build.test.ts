// Many decks on every core: worker threads build exactly the site, and report exactly the problems,
// that one thread does.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { writeDecks } from '../../scripts/bench/generate.ts'
import { MIN_DECKS_FOR_WORKERS } from '../../src/io/deck-pool.ts'
import { buildTo, checksums, tempDir } from '../helpers/build-fixture.ts'

const SITE_URL = 'https://intranet.example.com/decks/' // long share links are forwarded: go/ pages too
const COUNT = MIN_DECKS_FOR_WORKERS + 36

// Calendar files carry the build's time: one pinned time for every build, so trees compare byte for byte.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-12-05T10:00:00Z'))
})
afterAll(() => {
  vi.useRealTimers()
})

describe(`${COUNT} decks built by worker threads`, () => {
  it('give the same site, file for file and byte for byte, as one thread', async () => {
    const decksDir = join(tempDir('many'), 'decks')
    const files = await writeDecks(decksDir, COUNT)
    const one = await buildTo({ decksDir, siteUrl: SITE_URL, workers: 1 })
    const many = await buildTo({ decksDir, siteUrl: SITE_URL, workers: 3 })
    expect(one).toMatchObject({ ok: true })
    expect(many).toMatchObject({ ok: true })
    expect(many.diagnostics).toEqual(one.diagnostics)
    const tree = checksums(one.outDir)
    expect(checksums(many.outDir)).toEqual(tree)
    // The tree is the whole site: every deck's pages, its image, and forwarding pages.
    expect(Object.keys(tree).filter((f) => f.endsWith('/homework/index.html'))).toHaveLength(files.length)
    expect(Object.keys(tree).filter((f) => /^assets\/.*\.svg$/.test(f))).toHaveLength(files.length)
    expect(Object.keys(tree).some((f) => f.startsWith('go/'))).toBe(true)
  })

  it('report the same problems in the same order as one thread, and write nothing', async () => {
    const decksDir = join(tempDir('broken'), 'decks')
    const files = await writeDecks(decksDir, COUNT)
    // Problems spread over the listing, so that different workers meet them.
    writeFileSync(join(decksDir, files[3]!), '---\ntitle: Kaputt\n---\n\n# Ohne Datum\n')
    appendFileSync(join(decksDir, files[COUNT - 5]!), '\n---\n\n![fehlt](gibt-es-nicht.png)\n')
    writeFileSync(join(decksDir, files[COUNT / 2]!), Buffer.from([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00]))
    writeFileSync(join(decksDir, 'zz-same-address.md'), '---\ntitle: Doppelt\n---\n')
    const outDir = join(tempDir('broken-out'), 'site')
    const one = await buildTo({ decksDir, outDir, siteUrl: SITE_URL, workers: 1 })
    const many = await buildTo({ decksDir, outDir, siteUrl: SITE_URL, workers: 3 })
    expect(one.ok).toBe(false)
    expect(many.ok).toBe(false)
    const errors = one.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)
    expect(errors).toEqual(expect.arrayContaining([files[3], files[COUNT - 5], files[COUNT / 2], 'zz-same-address.md']))
    expect(many.diagnostics).toEqual(one.diagnostics)
    expect(checksums(join(outDir, '..'))).toEqual({})
  })
  it('record every file they wrote, so that the next build finds the output as it was left or changed by hand', async () => {
    // The deck folders are walked on a thread of their own while the pages about all decks are written.
    const decksDir = join(tempDir('again'), 'decks')
    const files = await writeDecks(decksDir, COUNT)
    const first = await buildTo({ decksDir, siteUrl: SITE_URL, workers: 2 })
    expect(first).toMatchObject({ ok: true })
    const again = () => buildTo({ decksDir, outDir: first.outDir, siteUrl: SITE_URL, workers: 2 })
    expect(await again()).toMatchObject({ ok: true, upToDate: true })

    const page = join(first.outDir, files[7]!.replace(/\.md$/, ''), 'index.html')
    const built = readFileSync(page, 'utf8')
    writeFileSync(page, 'edited by hand')
    expect((await again()).upToDate).toBeUndefined()
    expect(readFileSync(page, 'utf8')).toBe(built)
    expect(await again()).toMatchObject({ ok: true, upToDate: true })

    writeFileSync(join(first.outDir, 'assets', 'stray.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    expect((await again()).upToDate).toBeUndefined()
    expect(await again()).toMatchObject({ ok: true, upToDate: true })
  })
})
