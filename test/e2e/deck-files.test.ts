// Nothing leaked: the build publishes no file from outside decks/, images only as images, SVG without script.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { launchBrowser } from '../helpers/browser.ts'
import { buildTo, listFiles, tempDir } from '../helpers/build-fixture.ts'
import { serveDir } from '../helpers/serve.ts'
import { FIXTURE_DECKS, ROOT } from '../helpers/site.ts'

const SECRET = 'SECRET=hunter2'
const HOSTILE = join(FIXTURE_DECKS, 'bad/img')
/** SVGs whose script runs as soon as the file is opened on its own (the others need a click). */
const RUNS_ON_OPEN = ['skript.svg', 'onload.svg', 'fremd-objekt.svg', 'xhtml-skript.svg', 'entitaet.svg']

const deck = (images: string[]) =>
  `---\ntitle: Bilder\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n# Bilder\n\n${images.map((src, i) => `![Bild ${i + 1}](${src})`).join('\n\n')}\n`

/** A project folder with a secret next to decks/; `files` are copied or written into decks/. */
function project(files: Record<string, string | Buffer>): string {
  const root = tempDir('files')
  writeFileSync(join(root, '.env'), `${SECRET}\n`)
  mkdirSync(join(root, 'decks', 'img'), { recursive: true })
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, 'decks', name, '..'), { recursive: true })
    writeFileSync(join(root, 'decks', name), content)
  }
  return join(root, 'decks')
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Opens `url` on its own in Chromium: the dialogs it raised, whether it drew an <svg>, what else it loaded. */
async function open(url: string): Promise<{ dialogs: string[]; svg: boolean; loads: string[] }> {
  const page = await browser.newPage()
  const dialogs: string[] = []
  const loads: string[] = []
  // The browser asks for /favicon.ico by itself; anything else would come from the file.
  page.on('request', (r) => void (r.url() !== url && !r.url().endsWith('/favicon.ico') && loads.push(r.url())))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(url)
  // Scripts in iframes and onload handlers run after the load event; give them that turn.
  await page.waitForTimeout(300)
  const svg = await page.evaluate(() => document.documentElement.localName === 'svg')
  await page.close()
  return { dialogs, svg, loads }
}

describe('files outside the decks folder', () => {
  it('refuses an image that is a link to ../../.env: the build fails and publishes nothing', async () => {
    const decksDir = project({ 'talk.md': deck(['img/logo.png']) })
    symlinkSync('../../.env', join(decksDir, 'img/logo.png'))
    const outDir = join(tempDir('out'), 'site')
    const result = await buildTo({ decksDir, outDir })
    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'talk.md:11:11 image "img/logo.png" leads outside the decks folder through a symbolic link: copy the file itself into the decks folder',
    ])
    expect(existsSync(outDir)).toBe(false)
  })
})

describe('images are images', () => {
  it('publishes an image under the extension of its content, so a web server never serves it as a page', async () => {
    const decksDir = project({ 'talk.md': deck(['img/chart.html', 'img/foto.png']) })
    copyFileSync(join(FIXTURE_DECKS, 'ok/img/balken.png'), join(decksDir, 'img/chart.html'))
    copyFileSync(join(FIXTURE_DECKS, 'ok/img/balken.jpg'), join(decksDir, 'img/foto.png'))
    const result = await buildTo({ decksDir })
    expect(result.ok).toBe(true)
    const assets = listFiles(join(result.outDir, 'assets')).filter((f) => /^(chart|foto)-/.test(f))
    expect(assets.map((f) => f.replace(/-[\w-]{8}\./, '-#.'))).toEqual(['chart-#.png', 'foto-#.jpg'])
  })

  it('refuses a text file and the deck itself as images', async () => {
    const decksDir = project({ 'talk.md': deck(['img/secret.txt', 'talk.md']), 'img/secret.txt': `${SECRET}\n` })
    const result = await buildTo({ decksDir })
    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'talk.md:11:11 image "img/secret.txt" is not a PNG, JPEG, GIF, WebP, AVIF or SVG image: save or export it in one of these formats',
      'talk.md:13:11 image "talk.md" is not a PNG, JPEG, GIF, WebP, AVIF or SVG image: save or export it in one of these formats',
    ])
  })
})

describe('SVG images cannot carry script', () => {
  it('the hostile fixtures do run script when opened on their own (so the next tests mean something)', async () => {
    const server = await serveDir(HOSTILE)
    try {
      for (const name of RUNS_ON_OPEN) expect((await open(`${server.url}${name}`)).dialogs, name).not.toEqual([])
    } finally {
      await server.close()
    }
  })

  it('refuses every one of them, naming what it contains', async () => {
    const names = readdirSync(HOSTILE).filter((f) => f.endsWith('.svg') && !['chart.svg', 'kaputt.svg', 'ohne-xmlns.svg'].includes(f)).sort()
    const decksDir = project(Object.fromEntries([['talk.md', deck(names.map((n) => `img/${n}`))], ...names.map((n) => [`img/${n}`, readFileSync(join(HOSTILE, n))])]))
    const result = await buildTo({ decksDir })
    expect(result.ok).toBe(false)
    const refused = result.diagnostics.map((d) => /image "img\/([^"]+)" contains .* at line \d+ of the SVG: SVG images must not contain scripts/.exec(d.message)?.[1])
    expect(refused).toEqual(names)
    expect(names).toEqual(expect.arrayContaining(RUNS_ON_OPEN))
  })

  it('publishes clean SVGs that, opened at their own address on the built site, run nothing and load nothing else', async () => {
    const clean = [join(FIXTURE_DECKS, 'ok/img/diagramm.svg'), join(ROOT, 'decks/vertrieb/img/reichweite.svg')]
    const decksDir = project(Object.fromEntries([['talk.md', deck(['img/diagramm.svg', 'img/reichweite.svg'])], ...clean.map((f) => [`img/${f.split('/').pop()}`, readFileSync(f)])]))
    const result = await buildTo({ decksDir })
    expect(result.ok).toBe(true)
    const server = await serveDir(result.outDir)
    try {
      const svgs = listFiles(join(result.outDir, 'assets')).filter((f) => f.endsWith('.svg') && /^(diagramm|reichweite)-/.test(f))
      expect(svgs).toHaveLength(2)
      for (const svg of svgs) expect(await open(`${server.url}assets/${svg}`), svg).toEqual({ dialogs: [], svg: true, loads: [] })
    } finally {
      await server.close()
    }
  })
})
