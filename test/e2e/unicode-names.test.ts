// Decks named in Hebrew, Japanese or decomposed Unicode get a working address, built and in the dev server.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dev } from '../../src/index.ts'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { buildTo, listFiles, tempDir, TODAY } from '../helpers/build-fixture.ts'
import { serveDir, type StaticServer } from '../helpers/serve.ts'
import { ROOT } from '../helpers/site.ts'

const deck = (title: string) => `---\ntitle: ${title}\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n# ${title}\n`
const HEBREW = 'עדכון'
const HEBREW_URL = '%D7%A2%D7%93%D7%9B%D7%95%D7%9F'
const TOKYO_URL = `${encodeURIComponent('営業')}/${encodeURIComponent('東京')}`

function decksFolder(files: Record<string, string>): string {
  const decksDir = join(tempDir('unicode'), 'decks')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(decksDir, name, '..'), { recursive: true })
    writeFileSync(join(decksDir, name), text)
  }
  return decksDir
}

describe('decks named in any script', () => {
  let decksDir: string
  let out: string
  let site: StaticServer

  beforeAll(async () => {
    // The German deck's name is decomposed (NFD), as a zip made on a Mac unpacks it.
    decksDir = decksFolder({ [`${HEBREW}.md`]: deck('Hebräisch'), '営業/東京.md': deck('Tokio'), ['Grüße.md'.normalize('NFD')]: deck('Grüße') })
    const result = await buildTo({ decksDir })
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([])
    out = result.outDir
    site = await serveDir(out)
  })
  afterAll(() => site?.close())

  it('writes each deck under its letters, and ü in a decomposed name as ue', () => {
    const files = listFiles(out)
    expect(files).toContain(`${HEBREW}/index.html`)
    expect(files).toContain('営業/東京/homework/index.html')
    expect(files).toContain('gruesse/index.html')
  })

  it('links every deck percent-encoded, and every link of the index works on a static server', async () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8')
    expect(index).toContain(`href="${HEBREW_URL}/index.html"`)
    expect(index).toContain(`href="${TOKYO_URL}/homework/index.html#task-1"`)
    const hrefs = [...index.matchAll(/href="(?!data:|https:)([^"#]*)/g)].map((m) => m[1]!)
    expect(hrefs.length).toBeGreaterThan(6)
    for (const href of hrefs) expect((await fetch(`${site.url}${href}`)).status, href).toBe(200)
    const decks = JSON.parse(readFileSync(join(out, 'decks.json'), 'utf8')) as { slug: string; path: string }[]
    expect(decks.find((d) => d.slug === HEBREW)?.path).toBe(`${HEBREW_URL}/`)
  })

  it('reports a name without letters or digits honestly', async () => {
    const result = await buildTo({ decksDir: decksFolder({ '🎉.md': deck('Party') }) })
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      '🎉.md:1:1 the file name "🎉.md" has no letters or digits (emoji and punctuation do not count), so it gives no address: add a word to it',
    ])
  })

  it('is served by the dev server at the same percent-encoded address', async () => {
    let server: ViteDevServer | undefined
    try {
      server = await dev({ root: ROOT, decksDir, today: TODAY, port: 6200 + Math.floor(Math.random() * 200) })
      const url = server.resolvedUrls!.local[0]!
      const index = await (await fetch(url)).text()
      expect(index).toContain(`href="/${HEBREW_URL}/"`)
      for (const path of [`${HEBREW_URL}/`, `${TOKYO_URL}/homework/`, 'gruesse/']) {
        const response = await fetch(`${url}${path}`)
        expect(response.status, path).toBe(200)
        expect(await response.text()).toMatch(/Hebräisch|Tokio|Grüße/)
      }
    } finally {
      await server?.close()
    }
  })
})
