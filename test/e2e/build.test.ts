// Builds the example decks and checks what a user would find in the output folder.
import { cpSync, existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildTo, checksums, listFiles, tempDir } from '../helpers/build-fixture.ts'
import { decodeSvg } from '../helpers/decode-qr.ts'
import { ROOT } from '../helpers/site.ts'

interface DeckEntry {
  slug: string
  title: string
  date: string
  audience: string
  presenter: string | null
  path: string
  homework: { kind: string; title: string; url: string; due: string | null }[]
}

const DECKS = join(ROOT, 'decks')
const SLUGS = ['engineering/2027-01-14-tech-blog', 'personal/2026-12-10-employer-branding', 'vertrieb/2026-12-03-social-media-update']

describe('building the example decks', () => {
  let out: string
  let files: string[]
  let decks: DeckEntry[]
  const read = (path: string) => readFileSync(join(out, path), 'utf8')
  const before = checksums(DECKS)

  beforeAll(async () => {
    const result = await buildTo()
    expect(result.ok).toBe(true)
    out = result.outDir
    files = listFiles(out)
    decks = JSON.parse(read('decks.json')) as DeckEntry[]
  })

  it('writes the index, and a presentation and homework page per deck', () => {
    expect(files).toContain('index.html')
    for (const slug of SLUGS) {
      expect(files).toContain(`${slug}/index.html`)
      expect(files).toContain(`${slug}/homework/index.html`)
    }
  })

  it('ships one shared script for all decks, one for the other pages, and images under hashed names', () => {
    const scripts = files.filter((f) => f.endsWith('.js'))
    expect(scripts).toHaveLength(2)
    // Relative, as classic scripts: the default build works from a folder (file://).
    const deck = scripts.find((s) => read(`${SLUGS[0]}/index.html`).includes(`src="../../${s}"`))!
    const page = scripts.find((s) => s !== deck)!
    for (const slug of SLUGS) expect(read(`${slug}/index.html`)).toContain(`<script defer src="../../${deck}"></script>`)
    expect(read('index.html')).toContain(`<script defer src="${page}"></script>`)
    for (const slug of SLUGS) expect(read(`${slug}/homework/index.html`)).toContain(`<script defer src="../../../${page}"></script>`)
    for (const image of ['reichweite', 'trichter', 'banner', 'autoren']) {
      expect(files.some((f) => new RegExp(`^assets/${image}-[\\w-]{8}\\.(svg|png)$`).test(f)), image).toBe(true)
    }
    expect(read('vertrieb/2026-12-03-social-media-update/index.html')).toMatch(/<img src="\.\.\/\.\.\/assets\/reichweite-[\w-]{8}\.svg" alt="[^"]+"/)
  })

  it('lists upcoming meetings first, then past ones, in index.html and decks.json', () => {
    expect(decks.map((d) => d.date)).toEqual(['2026-12-10', '2027-01-14', '2026-12-03'])
    const index = read('index.html')
    expect(index.indexOf('Anstehende Termine')).toBeLessThan(index.indexOf('Vergangene Termine'))
    expect(index.indexOf('Employer Branding')).toBeLessThan(index.indexOf('Vergangene Termine'))
    expect(index.indexOf('Social Media im Vertrieb')).toBeGreaterThan(index.indexOf('Vergangene Termine'))
  })

  it('describes every deck in decks.json with plain dates and the URL each QR code holds', () => {
    expect(decks).toHaveLength(3)
    for (const deck of decks) {
      expect(deck.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(deck.path).toBe(`${deck.slug}/`)
      expect(deck.homework.length).toBeGreaterThanOrEqual(1)
      expect(deck.homework.length).toBeLessThanOrEqual(6)
    }
  })

  it('puts QR codes on every homework slide and page that decode to exactly the decks.json URL', () => {
    for (const deck of decks) {
      for (const page of [`${deck.slug}/index.html`, `${deck.slug}/homework/index.html`]) {
        const svgs = [...read(page).matchAll(/<a class="updeck-qr"[^>]*>(<svg[\s\S]*?<\/svg>)|<figure class="qr">(<svg[\s\S]*?<\/svg>)/g)].map((m) => m[1] ?? m[2]!)
        expect(svgs.map((svg) => decodeSvg(svg, 600)), page).toEqual(deck.homework.map((t) => t.url))
      }
    }
  })

  it('writes calendar reminders that an iCalendar parser reads', () => {
    for (const deck of decks) {
      deck.homework.forEach((task, i) => {
        const path = `${deck.slug}/homework/task-${i + 1}.ics`
        expect(files.includes(path), path).toBe(task.due !== null)
        if (!task.due) return
        const event = new ICAL.Component(ICAL.parse(read(path))).getFirstSubcomponent('vevent')!
        expect(event.getFirstPropertyValue('summary')).toBe(task.title)
        expect(String(event.getFirstPropertyValue('dtstart'))).toBe(task.due)
      })
    }
  })

  it('writes an Atom feed with one entry per deck', () => {
    const feed = read('feed.xml')
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    expect(feed.match(/<entry>/g)).toHaveLength(3)
  })

  it('references nothing on another host: no CDN, no web fonts', () => {
    for (const file of files.filter((f) => /\.(html|css)$/.test(f))) {
      const text = read(file)
      expect(text, file).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//)
      expect(text, file).not.toMatch(/@import\s+url\(\s*["']?(https?:)?\/\//)
      expect(text, file).not.toMatch(/url\(\s*["']?(https?:)?\/\//)
    }
  })

  it('writes nothing inside the decks folder', () => {
    expect(checksums(DECKS)).toEqual(before)
  })
})

describe('building under a base path', () => {
  it('makes every link and asset start with the base path', async () => {
    const { ok, outDir } = await buildTo({ base: '/intern/decks/' })
    expect(ok).toBe(true)
    for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(outDir, file), 'utf8')
      for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        if (/^(https:|#|data:,$|mailto:)/.test(url!) || url!.startsWith('task-')) continue
        expect(url, `${file}: ${url}`).toMatch(/^\/intern\/decks\//)
      }
    }
  })
})

describe('a failed build', () => {
  it('leaves the previous output byte for byte, and prints file:line:col for each problem', async () => {
    const first = await buildTo()
    expect(first.ok).toBe(true)
    const previous = checksums(first.outDir)

    const broken = join(tempDir('broken'), 'decks')
    cpSync(DECKS, broken, { recursive: true })
    writeFileSync(join(broken, 'kaputt.md'), '---\ntitle: Kaputt\ndate: 2026-13-01\naudience: Vertrieb\n---\n\n# Eins\n')
    const second = await buildTo({ decksDir: broken, outDir: first.outDir })

    expect(second.ok).toBe(false)
    expect(second.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.field}: ${d.message}`)).toEqual([
      'kaputt.md:3:7 date: use YYYY-MM-DD, e.g. 2026-12-03',
    ])
    expect(checksums(first.outDir)).toEqual(previous)
    expect(readdirSync(dirname(first.outDir))).toEqual(['site'])
    expect(existsSync(join(broken, 'dist'))).toBe(false)
  })
})

describe('building again', () => {
  it('returns at once when nothing changed, and builds when a deck changed', async () => {
    const decksDir = join(tempDir('again'), 'decks')
    cpSync(DECKS, decksDir, { recursive: true })
    const first = await buildTo({ decksDir })
    expect(first.upToDate).toBeUndefined()
    const before = checksums(first.outDir)

    const same = await buildTo({ decksDir, outDir: first.outDir })
    expect(same).toMatchObject({ ok: true, upToDate: true })
    expect(checksums(first.outDir)).toEqual(before)

    // Another site address is another site: the homework page's address on each slide changes.
    const elsewhere = await buildTo({ decksDir, outDir: first.outDir, siteUrl: 'https://intranet.example.com/decks/' })
    expect(elsewhere.upToDate).toBeUndefined()
    expect(readFileSync(join(first.outDir, 'vertrieb/2026-12-03-social-media-update/index.html'), 'utf8')).toContain('intranet.example.com/decks/vertrieb/')

    const file = join(decksDir, 'vertrieb/2026-12-03-social-media-update.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('# ', '# Neu: '))
    const changed = await buildTo({ decksDir, outDir: first.outDir })
    expect(changed.upToDate).toBeUndefined()
    expect(readFileSync(join(first.outDir, 'vertrieb/2026-12-03-social-media-update/index.html'), 'utf8')).toContain('Neu: ')
  })
})
