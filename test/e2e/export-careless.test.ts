// What a careless presenter types and which folders they have: export file names that must not
// collide, deck files named instead of slugs, and out folders that cannot take the files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { afterAll, describe, expect, it } from 'vitest'
import { exportDecks } from '../../src/index.ts'
import { buildTo, listFiles, tempDir, TODAY } from '../helpers/build-fixture.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { deckText } from '../helpers/temp-project.ts'

/** A decks folder with the given files (path under decks/ → title). */
function decks(files: Record<string, string>): string {
  const dir = join(tempDir('export-names'), 'decks')
  for (const [file, title] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true })
    writeFileSync(join(dir, file), deckText(title))
  }
  return dir
}

describe('two decks whose exports would share a file name', () => {
  it('a/b-c and a-b/c (both a-b-c.html) get no files and an error each; the other decks are exported', async () => {
    const decksDir = decks({ 'a/b-c.md': 'Erstes', 'a-b/c.md': 'Zweites', 'z.md': 'Drittes' })
    const outDir = join(decksDir, '..', 'out')
    const result = await exportDecks({ decksDir, outDir, all: true, html: true, today: TODAY })
    expect(result.ok).toBe(false)
    expect(listFiles(outDir)).toEqual(['z.html'])
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    expect(errors.map((d) => d.file).sort()).toEqual(['a-b/c.md', 'a/b-c.md'])
    expect(errors[0]!.message).toContain('a-b-c.html')
  })
})

describe('two deck files with one address (Übersicht.md and uebersicht.md)', () => {
  it('neither is exported, as the build builds neither', async () => {
    const decksDir = decks({ 'Übersicht.md': 'Groß', 'uebersicht.md': 'Klein', 'z.md': 'Z' })
    const outDir = join(decksDir, '..', 'out')
    const result = await exportDecks({ decksDir, outDir, all: true, html: true, today: TODAY })
    expect(result.ok).toBe(false)
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([expect.stringContaining('has the same address')])
    expect(listFiles(outDir)).toEqual(['z.html'])
  })
})

describe('build --with-exports with two decks of one export name', () => {
  it('fails with both named, and writes no site', async () => {
    const decksDir = decks({ 'a/b-c.md': 'Erstes', 'a-b/c.md': 'Zweites' })
    const built = await buildTo({ decksDir, withExports: true })
    expect(built.ok).toBe(false)
    expect(built.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file).sort()).toEqual(['a-b/c.md', 'a/b-c.md'])
    expect(existsSync(built.outDir)).toBe(false)
  })
})

describe('two decks with one file name, exported one after the other into one folder', () => {
  it('the second stops with a message naming the first deck, and its file stays', async () => {
    const decksDir = decks({ 'a/b-c.md': 'Erstes', 'a-b/c.md': 'Zweites' })
    const outDir = join(decksDir, '..', 'out')
    const first = await exportDecks({ decksDir, outDir, slugs: ['a/b-c'], html: true, today: TODAY })
    expect(first.ok).toBe(true)
    const before = readFileSync(join(outDir, 'a-b-c.html'), 'utf8')
    expect(before).toContain('<title>Erstes')
    const second = await exportDecks({ decksDir, outDir, slugs: ['a-b/c'], html: true, today: TODAY })
    expect(second.ok).toBe(false)
    expect(second.problem).toMatch(/a-b-c\.html holds the export of deck a\/b-c, which has the same file name: nothing was written\. Rename one/)
    expect(readFileSync(join(outDir, 'a-b-c.html'), 'utf8')).toBe(before)
    // The same deck again replaces its own file, as before.
    expect((await exportDecks({ decksDir, outDir, slugs: ['a/b-c'], html: true, today: TODAY })).ok).toBe(true)
  })
})

describe('a deck deep in folders with long names', () => {
  it('whose export name would pass what a file system takes gets an error and no files, not ENAMETOOLONG; the others are exported', async () => {
    const long = 'abteilung'.repeat(11)
    const decksDir = decks({ [`${long}/${long}/${long}/update.md`]: 'Tief', 'z.md': 'Z' })
    const outDir = join(decksDir, '..', 'out')
    const result = await exportDecks({ decksDir, outDir, all: true, html: true, today: TODAY })
    expect(result.problem).toBeUndefined()
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.message])).toEqual([
      [`${long}/${long}/${long}/update.md`, "its export file names would be too long for a file system (332 bytes with the homework sheet's, at most 255): shorten its folders' or its file's name"],
    ])
    expect(listFiles(outDir)).toEqual(['z.html'])
  })
})

describe('decks named as the presenter types them', () => {
  it('by their file: from here, absolute, under decks/ with .md, a folder with umlauts and spaces, a trailing slash', async () => {
    const decksDir = decks({ 'Mein Ordner #1 ä/Übersicht.md': 'Übersicht', 'vertrieb/x.md': 'X', 'y.md': 'Y' })
    const outDir = join(decksDir, '..', 'out')
    const result = await exportDecks({
      decksDir,
      outDir,
      slugs: [relative(process.cwd(), join(decksDir, 'vertrieb/x.md')), 'Mein Ordner #1 ä/Übersicht.md', join(decksDir, 'y.md'), 'vertrieb/x/'],
      html: true,
      today: TODAY,
    })
    expect(result.problem).toBeUndefined()
    expect(listFiles(outDir).sort()).toEqual(['mein-ordner-1-ae-uebersicht.html', 'vertrieb-x.html', 'y.html'])
  })

  it('an unknown file is named as typed, with the slugs it might mean', async () => {
    const decksDir = decks({ 'vertrieb/x.md': 'X' })
    const result = await exportDecks({ decksDir, outDir: join(decksDir, '..', 'out'), slugs: ['vertrieb/xy.md'], html: true, today: TODAY })
    expect(result.problem).toMatch(/^no deck "vertrieb\/xy\.md" in .*: did you mean vertrieb\/x\?$/)
  })
})

describe('an out folder that cannot take the files', () => {
  // A read-only folder (EACCES, EPERM) takes the same path through writeProblem; it is not made here,
  // as root ignores the mode and CI runs as root. A folder below a file fails for anyone.
  it('a folder below a file: a message naming --out and why, no stack trace, nothing written', async () => {
    const decksDir = decks({ 'x.md': 'X' })
    const note = join(decksDir, '..', 'notiz.txt')
    writeFileSync(note, 'meine Notiz')
    const outDir = join(note, 'neu')
    const result = await exportDecks({ decksDir, outDir, slugs: ['x'], html: true, today: TODAY })
    expect(result.ok).toBe(false)
    expect(result.problem).toBe(`cannot write into --out "${outDir}" (part of its path is a file): choose a folder you can write to, such as export`)
    expect(readFileSync(note, 'utf8')).toBe('meine Notiz')
  })
})

describe('an empty --out (an unset variable in a script)', () => {
  it('is refused, not taken as the current folder', async () => {
    const decksDir = decks({ 'x.md': 'X' })
    const result = await exportDecks({ decksDir, outDir: '', slugs: ['x'], html: true, today: TODAY })
    expect(result.problem).toBe('--out is empty: give a folder, such as export')
    expect(existsSync(join(process.cwd(), 'x.html'))).toBe(false)
  })
})

describe('an out folder inside a built site', () => {
  it('is refused before anything is written: the next build would replace the site and delete the exports', async () => {
    const decksDir = decks({ 'x.md': 'X' })
    const built = await buildTo({ decksDir })
    expect(built.ok).toBe(true)
    for (const outDir of [built.outDir, join(built.outDir, 'exports')]) {
      const result = await exportDecks({ decksDir, outDir, slugs: ['x'], html: true, today: TODAY })
      expect(result.problem).toMatch(/^--out ".*" is inside the built site .*, which the next build replaces whole, exports and all: choose a folder outside it, such as export, or build with --with-exports/)
    }
    expect(existsSync(join(built.outDir, 'exports'))).toBe(false)
    expect(existsSync(join(built.outDir, 'x.html'))).toBe(false)
  })
})

describe('UPDECK_CHROMIUM naming something that is not Chromium', () => {
  it.each([
    ['a folder', () => tempDir('not-chromium'), /^UPDECK_CHROMIUM=.*: not a program that can be run\. Chromium prints the PDFs: install it/],
    ['another program', () => '/bin/true', /^\/bin\/true did not start as Chromium \([^\n]*\)\. Chromium prints the PDFs: install it/],
  ])('%s: one line that says so and how to install it (not playwright\'s call log), nothing written', async (_, path, message) => {
    const decksDir = decks({ 'x.md': 'X' })
    const outDir = join(decksDir, '..', 'out')
    const saved = process.env.UPDECK_CHROMIUM
    process.env.UPDECK_CHROMIUM = path()
    try {
      const result = await exportDecks({ decksDir, outDir, slugs: ['x'], pdf: true, today: TODAY })
      expect(result.ok).toBe(false)
      expect(result.problem).toMatch(message)
      expect(result.problem).not.toContain('\n')
      expect(existsSync(outDir)).toBe(false)
    } finally {
      if (saved === undefined) delete process.env.UPDECK_CHROMIUM
      else process.env.UPDECK_CHROMIUM = saved
    }
  })
})

const HOSTILE = `---
title: "Böse </script><script>alert(1)</script> <!-- </style> --!>"
date: 2026-12-03
audience: "Vertrieb </script><!--"
presenter: "</title><script>alert(2)</script>"
homework:
  - kind: share
    network: x
    title: "Teilen </script><!--"
    text: "Text </script><script>alert(3)</script> <!-- </style>"
    url: https://example.com/a
    details: |
      Details </script><!-- <script>alert(4)</script> </style>
  - { kind: follow, title: "Folgen <!--", url: "https://example.com/f" }
---

# Titel </script><!-- </style>

Text </script> <!-- <script>alert(5)</script> </style> \`</script><!--\`

<script>alert(6)</script>

\`\`\`html
<script>alert("</script>")</script><!-- </style>
\`\`\`

Note:
Notiz </script><!-- <script>alert(7)</script></style>
`

describe('a deck whose every text tries to break out of the one-file page', () => {
  it('keeps exactly one script, allowed by its hash, and presents every text as text in Chromium from file://', async () => {
    const decksDir = join(tempDir('export-hostile'), 'decks')
    mkdirSync(decksDir, { recursive: true })
    writeFileSync(join(decksDir, 'boese.md'), HOSTILE)
    const outDir = join(decksDir, '..', 'out')
    const result = await exportDecks({ decksDir, outDir, slugs: ['boese'], html: true, today: TODAY })
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const html = readFileSync(join(outDir, 'boese.html'), 'utf8')
    const scripts: string[] = []
    const walk = (node: DefaultTreeAdapterMap['parentNode'] | DefaultTreeAdapterMap['childNode']): void => {
      if (node.nodeName === 'script') scripts.push((node as DefaultTreeAdapterMap['element']).childNodes.map((c) => ('value' in c ? c.value : '')).join(''))
      if ('childNodes' in node) node.childNodes.forEach(walk)
      if (node.nodeName === 'template') walk((node as DefaultTreeAdapterMap['template']).content)
    }
    walk(parse(html))
    expect(scripts).toHaveLength(1)
    expect(html).toContain(`script-src 'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}'`)

    const browser = await launchBrowser()
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      const problems: string[] = []
      await context.route('**/*', (route) => (/^(file|data):/.test(route.request().url()) ? route.continue() : (problems.push(`request ${route.request().url()}`), route.abort())))
      await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} blocked ${e.blockedURI}`)))
      const page = await context.newPage()
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()) })
      page.on('pageerror', (e) => problems.push(e.message))
      page.on('dialog', (d) => { problems.push(`dialog ${d.message()}`); void d.dismiss() })
      await page.goto(pathToFileURL(join(outDir, 'boese.html')).href)
      await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
      expect(await page.title()).toBe('Böse </script><script>alert(1)</script> <!-- </style> --!> · Vertrieb </script><!--')
      expect(await page.locator('.reveal .slides > section').first().locator('h1').textContent()).toBe('Titel </script><!-- </style>')
      await page.keyboard.press('End')
      await expect.poll(() => page.locator('section.updeck-homework').evaluate((s) => s.classList.contains('present'))).toBe(true)
      expect(await page.locator('section.updeck-homework').textContent()).toContain('Teilen </script><!--')
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
