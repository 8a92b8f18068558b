// `export --pdf --notes --handout`: the example decks printed by the system Chromium, read back the
// way a colleague meets them: poppler (pdfinfo, pdftotext, pdftoppm at 150 dpi) and a QR decoder.
import { execFile, execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { PNG } from 'pngjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDecks, type ExportedFile } from '../../src/index.ts'
import { formatDate } from '../../src/core/i18n.ts'
import type { Deck } from '../../src/core/model.ts'
import { handoutLink } from '../../src/core/render-handout.ts'
import { loadDecks } from '../../src/io/load-decks.ts'
import { listThemes } from '../../src/io/themes.ts'
import { loadViteConfig } from '../../src/vite/site-config.ts'
import { tempDir, TODAY } from '../helpers/build-fixture.ts'
import { locateOnPage } from '../helpers/decode-qr.ts'
import { ROOT } from '../helpers/site.ts'

const run = promisify(execFile)
const poppler = (tool: string, args: string[]) => execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8' })
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [file]))![1])
const pageSize = (file: string) => /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(poppler('pdfinfo', [file]))!.slice(1, 3).map(Number)
const pageText = (file: string, page: number) => poppler('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']).replace(/\s+/g, ' ')

/** One page rasterised at 150 dpi by poppler, as a PNG. */
function raster(file: string, page: number): Buffer {
  const prefix = join(tempDir('raster'), 'page')
  execFileSync('/usr/bin/pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix])
  return readFileSync(`${prefix}.png`)
}

const MM_AT_150_DPI = 150 / 25.4

let out: string
let files: ExportedFile[]
let progress: string[]
let decks: Deck[]

beforeAll(async () => {
  out = join(tempDir('export'), 'export')
  progress = []
  const result = await exportDecks({ root: ROOT, today: TODAY, all: true, pdf: true, notes: true, handout: true, outDir: out, onProgress: (line) => progress.push(line) })
  expect(result.problem).toBeUndefined()
  expect(result.ok).toBe(true)
  files = result.files
  const { site } = await loadViteConfig(ROOT)
  const loaded = await loadDecks({ decksDir: resolve(ROOT, 'decks'), themes: listThemes(resolve(ROOT, 'themes')), site })
  decks = loaded.decks.map((d) => d.deck).sort((a, b) => a.slug.localeCompare(b.slug))
}, 300_000)

const fileOf = (deck: Deck, kind: ExportedFile['kind']) => files.find((f) => f.slug === deck.slug && f.kind === kind)!

describe('export --pdf', () => {
  it('writes <slug with / as ->.pdf, -notes.pdf and -homework.pdf for every deck, shows progress, reports pages and bytes', () => {
    expect(decks.map((d) => d.slug)).toEqual(['engineering/2027-01-14-tech-blog', 'personal/2026-12-10-employer-branding', 'vertrieb/2026-12-03-social-media-update'])
    expect(progress).toEqual(decks.map((d, i) => `deck ${i + 1} of 3: ${d.slug}`))
    for (const deck of decks) {
      const name = deck.slug.replace('/', '-')
      expect(['pdf', 'notes', 'handout'].map((kind) => fileOf(deck, kind as ExportedFile['kind']).path)).toEqual([`${out}/${name}.pdf`, `${out}/${name}-notes.pdf`, `${out}/${name}-homework.pdf`])
    }
    for (const file of files) {
      expect(readFileSync(file.path).length, file.path).toBe(file.bytes)
      expect(pageCount(file.path), file.path).toBe(file.pages)
    }
  })

  it('prints one 16:9 page per slide, the homework slide last', () => {
    for (const deck of decks) {
      const pdf = fileOf(deck, 'pdf').path
      expect(pageCount(pdf), deck.slug).toBe(deck.slides.length + 1)
      const [width, height] = pageSize(pdf)
      expect(width! / height!).toBeCloseTo(16 / 9, 3)
      expect(pageText(pdf, deck.slides.length + 1)).toContain(deck.meta.lang === 'de' ? 'Social Hausaufgabe' : 'Social homework')
    }
  })

  it("the last page, rasterised at 150 dpi by poppler, decodes to every task's URL", () => {
    for (const deck of decks) {
      const pdf = fileOf(deck, 'pdf').path
      // White bands of 40 px: more than a module (≥ 12.5 px here), less than a quiet zone (4 modules).
      const codes = locateOnPage(raster(pdf, deck.slides.length + 1), 40).map((c) => c.data)
      expect(codes.sort(), deck.slug).toEqual(deck.homework.map((t) => t.target).sort())
    }
  })

  it('keeps the QR codes vector: the homework page holds no raster image', () => {
    for (const deck of decks) {
      const pdf = fileOf(deck, 'pdf').path
      const last = String(deck.slides.length + 1)
      const images = poppler('pdfimages', ['-list', '-f', last, '-l', last, pdf]).trim().split('\n').slice(2)
      expect(images, deck.slug).toEqual([])
    }
    // The check can fail: the title slide's banner is a PNG and is listed.
    const personal = decks.find((d) => d.slug.startsWith('personal/'))!
    expect(poppler('pdfimages', ['-list', '-f', '1', '-l', '1', fileOf(personal, 'pdf').path]).trim().split('\n').length).toBeGreaterThan(2)
  })
})

describe('export --pdf of a themed deck', () => {
  it("prints the theme's logo (an inlined stylesheet image) on every page, as the print view places it", async () => {
    const decksDir = join(tempDir('corporate'), 'decks')
    cpSync(join(ROOT, 'decks/vertrieb'), join(decksDir, 'vertrieb'), { recursive: true })
    const text = readFileSync(join(decksDir, 'vertrieb/2026-12-03-social-media-update.md'), 'utf8')
    writeFileSync(join(decksDir, 'vertrieb/marke.md'), text.replace(/^theme: default$/m, 'theme: corporate'))
    const result = await exportDecks({ root: ROOT, decksDir, today: TODAY, slugs: ['vertrieb/marke'], pdf: true, outDir: join(tempDir('corporate-out'), 'export') })
    expect(result.ok, result.problem).toBe(true)
    const pdf = result.files[0]!
    // The logo's orange hub (#e8600f) in the page's top right corner, on the title, a content and the homework page.
    for (const page of [1, 2, pdf.pages!]) {
      const png = PNG.sync.read(raster(pdf.path, page))
      let orange = 0
      for (let y = 0; y < png.height * 0.15; y++) {
        for (let x = Math.floor(png.width * 0.7); x < png.width; x++) {
          const i = (y * png.width + x) * 4
          if (Math.abs(png.data[i]! - 0xe8) < 24 && Math.abs(png.data[i + 1]! - 0x60) < 24 && png.data[i + 2]! < 50) orange++
        }
      }
      expect(orange, `page ${page}`).toBeGreaterThan(50)
    }
  })
})

describe('export --notes', () => {
  it('prints one A4 portrait page per slide, each with its own speaker notes under the slide', () => {
    const deck = decks.find((d) => d.slug.startsWith('personal/'))!
    const notes = fileOf(deck, 'notes').path
    expect(pageCount(notes)).toBe(deck.slides.length + 1)
    expect(pageSize(notes).map(Math.round)).toEqual([595, 842])
    deck.slides.forEach((slide, i) => {
      const first = slide.notes.split(/[.:!?]/)[0]!.trim()
      const text = pageText(notes, i + 1)
      expect(text, `page ${i + 1}`).toContain(first)
      // The slide's own heading is on the page above its notes.
      const heading = /^# (.+)$/m.exec(slide.markdown)![1]!.replace(/[*_]/g, '')
      expect(text.indexOf(heading.replace(/^👋 /, '')), `page ${i + 1}`).toBeLessThan(text.indexOf(first))
      // …and no other slide's notes.
      for (const other of deck.slides.filter((s) => s !== slide)) expect(text).not.toContain(other.notes.split(/[.:!?]/)[0]!.trim())
    })
  })
})

describe('export --handout', () => {
  it('prints one A4 portrait page in the deck language: title, meeting, date, each task with details, link and due date', () => {
    for (const deck of decks) {
      const sheet = fileOf(deck, 'handout').path
      expect(pageCount(sheet), deck.slug).toBe(1)
      expect(pageSize(sheet).map(Math.round)).toEqual([595, 842])
      const text = pageText(sheet, 1)
      const de = deck.meta.lang === 'de'
      expect(text).toContain(de ? 'Social Hausaufgabe' : 'Social homework')
      expect(text).toContain(deck.meta.title)
      expect(text).toContain(`${deck.meta.audience} · ${formatDate(deck.meta.date, deck.meta.lang, true)}`)
      for (const task of deck.homework) {
        expect(text).toContain(task.title)
        expect(text).toContain(handoutLink(task))
        if (task.due) expect(text).toContain(`${de ? 'bis' : 'by'} ${formatDate(task.due, deck.meta.lang, true)}`)
      }
    }
    // Details are the rendered Markdown: bold and list items as text, no asterisks.
    const vertrieb = pageText(fileOf(decks.find((d) => d.slug.startsWith('vertrieb/'))!, 'handout').path, 1)
    expect(vertrieb).toContain('Foto: freundlich, aktuell, heller Hintergrund')
    expect(vertrieb).not.toContain('**')
  })

  it("rasterised at 150 dpi, every code decodes to its task's URL and is at least 3 cm wide", () => {
    for (const deck of decks) {
      const codes = locateOnPage(raster(fileOf(deck, 'handout').path, 1), 16)
      expect(codes.map((c) => c.data).sort(), deck.slug).toEqual(deck.homework.map((t) => t.target).sort())
      for (const code of codes) expect(code.width, `${deck.slug}: ${code.data}`).toBeGreaterThanOrEqual(30 * MM_AT_150_DPI)
      // Vector codes: the sheet holds no raster image at all.
      expect(poppler('pdfimages', ['-list', fileOf(deck, 'handout').path]).trim().split('\n').slice(2), deck.slug).toEqual([])
    }
  })
})

describe('export: choosing decks and what goes wrong', () => {
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, ['src/cli/run.mjs', 'src/cli/main.ts', 'export', ...args], { cwd: ROOT, env: { ...process.env, ...env } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    )

  it('without Chromium, says so and how to install it, and writes nothing', async () => {
    const dir = join(tempDir('no-chromium'), 'export')
    const result = await cli(['--all', '--pdf', '--out', dir], { UPDECK_CHROMIUM: '/nonexistent/chromium' })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('UPDECK_CHROMIUM=/nonexistent/chromium: no such file')
    expect(result.stderr).toContain('apt-get install chromium')
    expect(existsSync(dir)).toBe(false)
  })

  it('a wrong slug names the decks there are; no slug and no --all says what to give; no kind says what to choose', async () => {
    const wrong = await exportDecks({ root: ROOT, slugs: ['vertrieb/nope'], pdf: true, outDir: join(tempDir('x'), 'out') })
    expect(wrong.ok).toBe(false)
    expect(wrong.problem).toBe('no deck "vertrieb/nope" in decks/: the decks are engineering/2027-01-14-tech-blog, personal/2026-12-10-employer-branding, vertrieb/2026-12-03-social-media-update')
    const none = await cli(['--pdf'])
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('name the decks to export by slug, or give --all for every deck. The decks: engineering/2027-01-14-tech-blog, ')
    const what = await cli(['--all'])
    expect(what.code).toBe(1)
    expect(what.stderr).toContain('say what to export: --html (one file per deck), --pdf (slides), --notes (notes pages) or --handout (homework sheet)')
  })

  it('never overwrites a file that no export wrote', async () => {
    const dir = join(tempDir('foreign'), 'export')
    execFileSync('mkdir', ['-p', dir])
    const mine = join(dir, 'engineering-2027-01-14-tech-blog-homework.pdf')
    writeFileSync(mine, 'my own notes')
    // Checked before anything is written: the deck's HTML, which nothing is in the way of, is not written either.
    const result = await exportDecks({ root: ROOT, slugs: ['engineering/2027-01-14-tech-blog'], html: true, handout: true, outDir: dir })
    expect(result.ok).toBe(false)
    expect(result.problem).toContain(`${mine} already exists and no export wrote it: nothing was written`)
    expect(readFileSync(mine, 'utf8')).toBe('my own notes')
    expect(readdirSync(dir)).toEqual(['engineering-2027-01-14-tech-blog-homework.pdf'])
  })

  it('a broken deck nobody chose stops nothing; a chosen one is reported with file:line:col, gets no files, and the others are still exported', async () => {
    const root = tempDir('export-broken')
    const decksDir = join(root, 'decks')
    mkdirSync(decksDir)
    cpSync(join(ROOT, 'decks/vertrieb'), join(decksDir, 'vertrieb'), { recursive: true })
    writeFileSync(join(decksDir, 'kaputt.md'), '---\ntitle: Kaputt\ndate: 2026-13-03\naudience: Test\n---\n\n# x\n')
    const slug = 'vertrieb/2026-12-03-social-media-update'
    const one = join(root, 'one')
    const good = await cli([slug, '--pdf', '--decks', decksDir, '--out', one])
    expect(good.code, good.stderr).toBe(0)
    expect(good.stderr).not.toContain('kaputt')
    expect(pageCount(join(one, 'vertrieb-2026-12-03-social-media-update.pdf'))).toBeGreaterThan(1)
    const every = join(root, 'every')
    const all = await cli(['--all', '--pdf', '--handout', '--decks', decksDir, '--out', every])
    expect(all.code).toBe(1)
    expect(all.stderr).toMatch(/kaputt\.md:3:7 date: /)
    expect(all.stderr).toContain('1 deck(s) with errors got no files')
    expect(readdirSync(every).sort()).toEqual(['vertrieb-2026-12-03-social-media-update-homework.pdf', 'vertrieb-2026-12-03-social-media-update.pdf'])
  })

  it('--html alone needs no Chromium; with a PDF it prints progress and one table of files, pages and sizes', async () => {
    const slug = 'engineering/2027-01-14-tech-blog'
    const htmlOnly = join(tempDir('html-only'), 'export')
    const plain = await cli([slug, '--html', '--out', htmlOnly], { UPDECK_CHROMIUM: '/nonexistent/chromium' })
    expect(plain.code, plain.stderr).toBe(0)
    expect(readdirSync(htmlOnly)).toEqual(['engineering-2027-01-14-tech-blog.html'])
    const both = join(tempDir('html-pdf'), 'export')
    const result = await cli([slug, '--html', '--pdf', '--out', both])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain(`deck 1 of 1: ${slug}`)
    expect(result.stdout).toMatch(/file\s+pages\s+size\n-+\s+-+\s+-+\n/)
    expect(result.stdout).toMatch(/engineering-2027-01-14-tech-blog\.html\s+[\d.]+ KiB\n/)
    expect(result.stdout).toMatch(/engineering-2027-01-14-tech-blog\.pdf\s+\d+\s+[\d.]+ KiB\n/)
    expect(result.stdout).toContain('exported 2 file(s)')
  })

  it('exports one deck by slug and overwrites its own earlier export', async () => {
    const dir = join(tempDir('again'), 'export')
    const slug = 'engineering/2027-01-14-tech-blog'
    for (let i = 0; i < 2; i++) {
      const result = await cli([slug, '--handout', '--out', dir])
      expect(result.code, result.stderr).toBe(0)
      expect(result.stdout).toContain(`deck 1 of 1: ${slug}`)
      expect(result.stdout).toMatch(/engineering-2027-01-14-tech-blog-homework\.pdf\s+1\s+[\d.]+ KiB/)
    }
  })
})
