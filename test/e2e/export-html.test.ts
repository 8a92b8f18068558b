// `export --html`: each one-file deck presents from file:// in Chromium with every other request
// blocked, its homework codes scan from a screenshot, and its speaker view shows the notes.
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDecks, type ExportResult } from '../../src/index.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { buildTo, listFiles, tempDir, TODAY } from '../helpers/build-fixture.ts'
import { decodeRegions, type Region } from '../helpers/decode-qr.ts'
import { ROOT } from '../helpers/site.ts'

const EXAMPLES = ['engineering/2027-01-14-tech-blog', 'personal/2026-12-10-employer-branding', 'vertrieb/2026-12-03-social-media-update']
/** The corporate theme carries fonts: a German deck needs only their latin subset, this one latin-ext too. */
const CORPORATE = 'extra/corporate-polski'
const corporateDeck = `---
title: Spotkanie w Łodzi
date: 2026-12-03
audience: Zespół
lang: en
theme: corporate
homework:
  - { kind: follow, title: Obserwuj nas, url: "https://www.linkedin.com/company/muster-maschinenbau-gmbh" }
  - { kind: profile, title: Update your profile, url: "https://www.xing.com/profile", due: 2026-12-17 }
---

# Zażółć gęślą jaźń

**Bold** and regular text.

Note:
Mów powoli.

---

# Second slide

![Chart](../vertrieb/img/reichweite.svg)
`
/** The same theme in German: ä, ö, ü, ß and – are all in the latin subset. */
const GERMAN = 'extra/corporate-deutsch'
const germanDeck = corporateDeck.replace('title: Spotkanie w Łodzi', 'title: Größere Übersicht – Teil 2').replace('# Zażółć gęślą jaźń', '# Schöne Grüße').replace('Mów powoli.', 'Langsam sprechen.').replace('Obserwuj nas', 'Uns folgen').replace('Zespół', 'Team')
const KIB = 1024
const run = promisify(execFile)
const cli = (...args: string[]) =>
  run(process.execPath, ['src/cli/run.mjs', 'src/cli/main.ts', 'export', ...args], { cwd: ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  )

let browser: Browser
let decksDir: string
let exported: ExportResult
let homework: Map<string, string[]>
const shots = tempDir('export-shots')

beforeAll(async () => {
  decksDir = join(tempDir('export'), 'decks')
  cpSync(join(ROOT, 'decks'), decksDir, { recursive: true })
  mkdirSync(join(decksDir, 'extra'))
  writeFileSync(join(decksDir, `${CORPORATE}.md`), corporateDeck)
  writeFileSync(join(decksDir, `${GERMAN}.md`), germanDeck)
  exported = await exportDecks({ root: ROOT, decksDir, today: TODAY, all: true, html: true, outDir: join(tempDir('export-out'), 'export') })
  expect(exported.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  // What the codes must say: the tasks' URLs as a normal build of the same decks publishes them.
  const site = await buildTo({ decksDir })
  const decks = JSON.parse(readFileSync(join(site.outDir, 'decks.json'), 'utf8')) as { slug: string; homework: { url: string }[] }[]
  homework = new Map(decks.map((d) => [d.slug, d.homework.map((t) => t.url)]))
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** A browser context offline but for the one file: every other request is aborted and recorded. */
async function offlineContext(file: string, viewport = { width: 1920, height: 1080 }): Promise<{ context: BrowserContext; aborted: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport })
  const own = pathToFileURL(file).pathname
  const aborted: string[] = []
  const errors: string[] = []
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.protocol === 'file:' && url.pathname === own) return route.continue()
    aborted.push(route.request().url())
    return route.abort()
  })
  context.on('page', (page) => watchErrors(page, errors))
  return { context, aborted, errors }
}

function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`) })
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`))
}

const presentIndex = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('present')))
const fileOf = (slug: string) => exported.files.find((f) => f.slug === slug)!.path

describe('export --html', () => {
  it('writes one file per deck, named after its address, and nothing else', () => {
    const names = [...EXAMPLES, CORPORATE, GERMAN].map((s) => `${s.replace(/\//g, '-')}.html`).sort()
    expect(exported.files.map((f) => relative(exported.outDir, f.path)).sort()).toEqual(names)
    expect(listFiles(exported.outDir)).toEqual(names)
    for (const f of exported.files) expect(statSync(f.path).size).toBe(f.bytes)
  })

  for (const slug of [...EXAMPLES, CORPORATE]) {
    it(`${slug}: presents every slide from file:// with all other requests blocked; the homework codes scan`, async () => {
      const file = fileOf(slug)
      const { context, aborted, errors } = await offlineContext(file)
      try {
        const page = await context.newPage()
        await page.goto(pathToFileURL(file).href)
        await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
        const total = await page.locator('.reveal .slides > section').count()
        // Every image is there (data: URIs the CSP allows), drawn at its size.
        expect(await page.locator('.reveal img').evaluateAll((imgs) => imgs.filter((i) => !(i as HTMLImageElement).complete || (i as HTMLImageElement).naturalWidth === 0).length)).toBe(0)
        // Through the whole deck with the presenter's key, fragments included.
        const seen = [await presentIndex(page)]
        for (let step = 0; step < 200 && seen.at(-1) !== total - 1; step++) {
          await page.keyboard.press('ArrowRight')
          const at = await presentIndex(page)
          if (at !== seen.at(-1)) seen.push(at)
        }
        expect(seen).toEqual([...Array(total).keys()])
        // Nothing links to a file beside it: there is none (only web addresses and in-page anchors).
        const links = await page.locator('.reveal a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
        expect(links.filter((href) => !/^(https:|http:|mailto:|tel:|#)/.test(href))).toEqual([])
        await expect.poll(() => page.locator('.slides > section.present').getAttribute('class')).toContain('updeck-homework')
        expect(await expectHomeworkScans(page, slug)).toEqual(homework.get(slug))
        expect(aborted).toEqual([])
        expect(errors).toEqual([])
      } finally {
        await context.close()
      }
    })
  }

  for (const slug of [EXAMPLES[0]!, CORPORATE]) {
    it(`${slug}: S opens the speaker view from the same file; it shows the notes and its previews follow the deck`, async () => {
      const file = fileOf(slug)
      const { context, aborted, errors } = await offlineContext(file, { width: 1280, height: 720 })
      try {
        const page = await context.newPage()
        await page.goto(pathToFileURL(file).href)
        await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
        const total = await page.locator('.reveal .slides > section').count()
        const opened = context.waitForEvent('page')
        await page.keyboard.press('s')
        const speaker = await opened
        await speaker.waitForLoadState()
        expect(new URL(speaker.url()).pathname).toBe(pathToFileURL(file).pathname)
        expect(new URL(speaker.url()).searchParams.has('speaker')).toBe(true)
        const notesOf = (i: number) => page.evaluate((n) => document.querySelectorAll('.reveal .slides > section')[n]?.querySelector('aside.notes')?.textContent?.replace(/\s+/g, ' ').trim() ?? '', i)
        const shown = () => speaker.locator('.updeck-speaker-notes-text').textContent().then((t) => (t ?? '').replace(/\s+/g, ' ').trim())
        const counter = speaker.locator('.updeck-speaker-counter .updeck-speaker-value')
        await expect.poll(() => counter.textContent()).toBe(`1 / ${total}`)
        const first = await notesOf(0)
        expect(first).not.toBe('')
        await expect.poll(shown).toBe(first)
        // The speaker window's key moves the deck; notes, counter and both previews follow.
        await speaker.keyboard.press('ArrowRight')
        await expect.poll(() => presentIndex(page)).toBe(1)
        await expect.poll(() => counter.textContent()).toBe(`2 / ${total}`)
        const second = await notesOf(1)
        if (second) await expect.poll(shown).toBe(second)
        const previews = speaker.frames().filter((f) => new URL(f.url()).searchParams.has('receiver'))
        expect(previews.map((f) => new URL(f.url()).pathname)).toEqual([pathToFileURL(file).pathname, pathToFileURL(file).pathname])
        await expect.poll(() => Promise.all(previews.map((f) => f.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('present')))))).toEqual([1, 2])
        expect(aborted).toEqual([])
        expect(errors).toEqual([])
      } finally {
        await context.close()
      }
    })
  }

  it('carries only the font subsets a deck needs: none for the default theme, latin for German, latin and latin-ext for Polish', async () => {
    const faces = (slug: string) => (readFileSync(fileOf(slug), 'utf8').match(/@font-face\s*\{[^}]*\}/g) ?? []).map((f) => /unicode-range:\s*U\+([\w?]+)/i.exec(f)?.[1])
    expect(faces(EXAMPLES[2]!)).toEqual([])
    expect(faces(GERMAN)).toEqual(['??', '??'])
    // The Polish deck has ł, ę and ż (latin-ext) beside ASCII (latin): both subsets in both weights.
    expect(faces(CORPORATE).sort()).toEqual(['100', '100', '??', '??'])
    const { context } = await offlineContext(fileOf(CORPORATE))
    try {
      const page = await context.newPage()
      await page.goto(pathToFileURL(fileOf(CORPORATE)).href)
      await page.waitForSelector('html.updeck-ready')
      const loaded = await page.evaluate(async () => {
        await document.fonts.ready
        return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`).sort()
      })
      expect(loaded).toContain('Source Sans 3 400')
      expect(loaded).toContain('Source Sans 3 700')
    } finally {
      await context.close()
    }
  })

  it('allows the one inline script by its hash, never unsafe-inline or a request elsewhere', () => {
    const html = readFileSync(fileOf(EXAMPLES[2]!), 'utf8')
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/)
    expect(policy).toContain("default-src 'none'")
    expect(policy.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline')
    expect(html.match(/<script\b/g)).toHaveLength(1)
    // Nothing to fetch: the one link is the empty data: icon that keeps browsers from asking for /favicon.ico.
    expect(html).not.toMatch(/<(link|script|img|iframe)\b[^>]*\b(href|src)="(?!data:)/)
  })
})

/** Screenshots the homework slide and decodes each code in its own area; returns what the links say they encode. */
async function expectHomeworkScans(page: Page, name: string): Promise<string[]> {
  await page.waitForSelector('section.updeck-homework.present')
  await page.waitForTimeout(600) // the slide transition
  const targets = await page.locator('section.updeck-homework a.updeck-qr').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
  const boxes: Region[] = await page.locator('section.updeck-homework a.updeck-qr svg').evaluateAll((svgs) =>
    svgs.map((s) => {
      const r = s.getBoundingClientRect()
      return { x: r.x - r.width * 0.1, y: r.y - r.height * 0.1, width: r.width * 1.2, height: r.height * 1.2 }
    }),
  )
  const shot = await page.screenshot()
  writeFileSync(join(shots, `${name.replace(/\//g, '_')}.png`), shot)
  expect(decodeRegions(shot, boxes), name).toEqual(targets)
  return targets
}

describe('npm run export', () => {
  it('without decks names what to give, and exits 1', async () => {
    const result = await cli('--html')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('name the decks to export by slug, or give --all for every deck. The decks: engineering/2027-01-14-tech-blog, personal/2026-12-10-employer-branding, vertrieb/2026-12-03-social-media-update')
  })

  it('an unknown address lists the close ones, and nothing is written', async () => {
    const out = join(tempDir('export-cli'), 'out')
    const result = await cli('vertrieb/social-media-update', '--html', '--out', out)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('no deck "vertrieb/social-media-update" in decks/: did you mean vertrieb/2026-12-03-social-media-update?')
    expect(() => statSync(out)).toThrow()
  })

  it('keeps a file that is not ours and then writes nothing; writes the named deck with its size in a table; replaces its own export', async () => {
    const out = join(tempDir('export-cli'), 'out')
    mkdirSync(out)
    writeFileSync(join(out, 'personal-2026-12-10-employer-branding.html'), '<p>my own notes</p>')
    writeFileSync(join(out, 'keep.txt'), 'mine')
    const slugs = ['vertrieb/2026-12-03-social-media-update', 'personal/2026-12-10-employer-branding']
    const first = await cli(...slugs, '--html', '--out', out)
    expect(first.code).toBe(1)
    expect(first.stderr).toContain('personal-2026-12-10-employer-branding.html already exists and no export wrote it: nothing was written')
    expect(readFileSync(join(out, 'personal-2026-12-10-employer-branding.html'), 'utf8')).toBe('<p>my own notes</p>')
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine')
    expect(listFiles(out)).toEqual(['keep.txt', 'personal-2026-12-10-employer-branding.html'])
    const second = await cli(slugs[0]!, '--html', '--out', out)
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/file\s+pages\s+size\n-+\s+-+\s+-+\n\S*vertrieb-2026-12-03-social-media-update\.html\s+\d+\.\d KiB\n/)
    // Our own export is replaced on the next run; a copy someone edited since is not.
    const again = await cli(slugs[0]!, '--html', '--out', out)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('exported 1 file(s)')
    writeFileSync(join(out, 'vertrieb-2026-12-03-social-media-update.html'), '<p>edited</p>', { flag: 'a' })
    const edited = await cli(slugs[0]!, '--html', '--out', out)
    expect(edited.code).toBe(1)
    expect(edited.stderr).toContain('vertrieb-2026-12-03-social-media-update.html already exists and no export wrote it')
  })

  it('--all writes each example deck at or under 400 KiB', async () => {
    const out = join(tempDir('export-cli'), 'out')
    const result = await cli('--all', '--html', '--out', out)
    expect(result.code).toBe(0)
    for (const slug of EXAMPLES) {
      const name = `${slug.replace(/\//g, '-')}.html`
      expect(result.stdout).toContain(name)
      expect(statSync(join(out, name)).size, slug).toBeLessThanOrEqual(400 * KIB)
    }
  })

  it('a deck with an error is reported with file:line:col and gets no file', async () => {
    const root = tempDir('export-bad')
    const decks = join(root, 'decks')
    mkdirSync(decks)
    cpSync(join(ROOT, 'decks/vertrieb'), join(decks, 'vertrieb'), { recursive: true })
    writeFileSync(join(decks, 'kaputt.md'), '---\ntitle: Kaputt\ndate: 2026-13-03\naudience: Test\n---\n\n# x\n')
    const out = join(root, 'out')
    const result = await cli('--all', '--html', '--decks', decks, '--out', out)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/kaputt\.md:3:7 date: /)
    expect(result.stdout).toContain('vertrieb-2026-12-03-social-media-update.html')
    expect(() => statSync(join(out, 'kaputt.html'))).toThrow()
  })
})
