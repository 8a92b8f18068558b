// The dev server reads 200 decks lazily: the index from their frontmatter alone, a deck's slides
// when one of its pages is asked for. What a deck's body holds (its Markdown, its images) is looked
// at only then; each deck here points at an image that does not exist, so the error each rendered
// deck adds counts the decks rendered so far.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dev } from '../../src/index.ts'
import { tempDir, TODAY } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'

type Element = DefaultTreeAdapterMap['element']
type Node = DefaultTreeAdapterMap['node']

const DECKS = 200
const EXAMPLE = 'vertrieb/2026-12-03-social-media-update'
const name = (i: number) => `update-${String(i).padStart(3, '0')}`
const deck = (i: number, date = '2027-01-14') =>
  `---\ntitle: Update ${i}\ndate: ${date}\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen ${i}, url: "https://example.com/folgen/${i}" }\n---\n\n# Erste Folie ${i}\n\n---\n\n# Zahlen ${i}\n\n![Diagramm](img/fehlt-${i}.png)\n`

let server: ViteDevServer
let url: string
let decksDir: string
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

beforeAll(async () => {
  decksDir = join(tempDir('dev-lazy'), 'decks')
  mkdirSync(decksDir, { recursive: true })
  for (let i = 0; i < DECKS; i++) writeFileSync(join(decksDir, `${name(i)}.md`), deck(i))
  // One deck whose frontmatter is wrong: known without rendering anything.
  writeFileSync(join(decksDir, 'kaputt.md'), deck(999, '3. Dezember'))
  // Ports clear of those fetch refuses (6566, 6665–6669, 6697).
  server = await dev({ root: ROOT, decksDir, today: TODAY, port: 7000 + Math.floor(Math.random() * 300) })
  url = server.resolvedUrls!.local[0]!
})

afterAll(async () => {
  await server?.close()
})

const walk = (node: Node, found: (e: Element) => boolean): Element[] => {
  const here = 'tagName' in node && found(node) ? [node] : []
  const children = 'childNodes' in node ? node.childNodes : []
  return [...here, ...children.flatMap((child) => walk(child, found))]
}
const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '')
const hasClass = (e: Element, c: string) => e.attrs.some((a) => a.name === 'class' && a.value.split(' ').includes(c))

/** A page of the dev server: its status, the problems its error box lists, and its slides' headings. */
async function open(path: string): Promise<{ status: number; problems: string[]; headings: string[]; titles: string[]; scripts: string[] }> {
  const response = await fetch(`${url}${path}`)
  const doc = parse(await response.text())
  const box = walk(doc, (e) => hasClass(e, 'updeck-errors'))[0]
  const problems = box ? text(walk(box, (e) => e.tagName === 'pre')[0]!).split('\n') : []
  const headings = walk(doc, (e) => e.tagName === 'section').flatMap((s) => walk(s, (e) => e.tagName === 'h1').map(text))
  const titles = walk(doc, (e) => e.tagName === 'a').map(text)
  const scripts = walk(doc, (e) => e.tagName === 'script').flatMap((e) => e.attrs.filter((a) => a.name === 'src').map((a) => a.value))
  return { status: response.status, problems, headings, titles, scripts }
}
const imageProblems = (problems: string[]) => problems.filter((p) => p.includes('image "img/fehlt-'))
/** The decks whose missing image is reported: the decks rendered so far. */
const rendered = (problems: string[]) => imageProblems(problems).map((p) => /(update-\d+)\.md/.exec(p)![1]).sort()

describe('npm run dev with 200 decks', () => {
  it('serves the index before any deck is rendered, with the frontmatter error of one deck at once', async () => {
    const index = await open('')
    expect(index.status).toBe(200)
    expect(index.problems).toEqual([expect.stringMatching(/kaputt\.md:3:7 date: use YYYY-MM-DD/)])
    // Every deck is listed, and no deck's images were looked at: none was rendered.
    expect(index.titles.filter((t) => /Update \d+/.test(t))).toHaveLength(DECKS)
    expect(imageProblems(index.problems)).toEqual([])
    // vite's client is in it (a deck added reloads the index), though vite transformed only its head.
    expect(index.scripts).toContain('/@vite/client')
  })

  it('renders a deck when it is opened, and shows the problem of its body there', async () => {
    const page = await open(`${name(57)}/`)
    expect(page.status).toBe(200)
    expect(page.headings.slice(0, 2)).toEqual(['Erste Folie 57', 'Zahlen 57'])
    expect(imageProblems(page.problems)).toEqual([expect.stringMatching(new RegExp(`${name(57)}\\.md:15:\\d+ image "img/fehlt-57\\.png"`))])
  })

  it('has rendered exactly the decks whose pages were asked for', async () => {
    await open(`${name(123)}/homework/`)
    const index = await open('')
    expect(rendered(index.problems)).toEqual([name(57), name(123)])
    // Asking again, or for a file about all decks, renders nothing more.
    await open(`${name(57)}/`)
    await open('decks.json')
    expect(rendered((await open('')).problems)).toEqual([name(57), name(123)])
  })

  it('renders the opened decks again when an image one of them uses appears', async () => {
    mkdirSync(join(decksDir, 'img'))
    writeFileSync(join(decksDir, 'img', 'fehlt-57.png'), PNG)
    await expect.poll(async () => rendered((await open('')).problems), { timeout: 5000 }).toEqual([name(123)])
  })
})

describe('npm run dev started again on the same decks', () => {
  it('serves the same files from the parses it kept, and parses a deck changed in between', async () => {
    const decks = join(tempDir('dev-again'), 'decks')
    cpSync(join(ROOT, 'decks'), decks, { recursive: true })
    const paths = ['', 'decks.json', 'feed.xml', 'plan/', 'meetings.ics', `${EXAMPLE}/`, `${EXAMPLE}/homework/`]
    const serve = async () => {
      const site = await dev({ root: ROOT, decksDir: decks, today: TODAY, port: 7000 + Math.floor(Math.random() * 300), siteUrl: 'https://intranet.example.com/decks' })
      try {
        const base = site.resolvedUrls!.local[0]!
        // The calendar's DTSTAMP is the time it was made.
        return await Promise.all(paths.map(async (p) => (await (await fetch(`${base}${p}`)).text()).replace(/^DTSTAMP:.*$/gm, 'DTSTAMP')))
      } finally {
        await site.close()
      }
    }
    const first = await serve()
    const again = await serve()
    paths.forEach((p, i) => expect(again[i], p || 'index').toBe(first[i]))
    const file = join(decks, `${EXAMPLE}.md`)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Neu seit dem letzten Start'))
    const changed = await serve()
    expect(changed[0]).toContain('Neu seit dem letzten Start')
    expect(changed[1]).toContain('Neu seit dem letzten Start')
  })
})
