// The command line reads the decks and parses their frontmatter before it loads vite (vite/dev-start.ts).
// The plugin must serve the same index without that head start (vite's own createServer with updeck()
// in a config), and must never serve decks read for another folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer, type ViteDevServer } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'
import { updeck } from '../../src/index.ts'
import { devLoad, startDevDecks } from '../../src/vite/dev-start.ts'
import { resolveOptions } from '../../src/vite/options.ts'
import { TODAY } from '../helpers/build-fixture.ts'
import { tempProject } from '../helpers/temp-project.ts'

/** More decks than the frontmatter pool needs to use its worker threads (MIN_DECKS_FOR_WORKERS). */
const DECKS = 80
const deck = (title: string, date = '2027-01-14') => `---\ntitle: ${title}\ndate: ${date}\naudience: Vertrieb\n---\n\n# ${title}\n`

let server: ViteDevServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A project whose decks folder holds DECKS decks titled `<prefix> <i>` and one whose date is wrong. */
function project(prefix: string): { root: string; decksDir: string } {
  const { root, decksDir } = tempProject()
  for (let i = 0; i < DECKS; i++) writeFileSync(join(decksDir, `${prefix.toLowerCase()}-${i}.md`), deck(`${prefix} ${i}`))
  writeFileSync(join(decksDir, 'kaputt.md'), deck('Kaputt', '3. Dezember'))
  return { root, decksDir }
}

async function index(started: ViteDevServer): Promise<string> {
  await started.listen()
  const response = await fetch(`${started.resolvedUrls!.local[0]!}`)
  expect(response.status).toBe(200)
  return response.text()
}

const port = () => 7300 + Math.floor(Math.random() * 300)

describe('the dev server without the command line', () => {
  it('lists every deck and the broken deck\'s error when vite itself creates the server with updeck()', async () => {
    const { root, decksDir } = project('Thema')
    server = await createServer({ root, configFile: false, logLevel: 'silent', plugins: updeck(), server: { host: '127.0.0.1', port: port() }, updeck: { decksDir, today: TODAY } })
    const html = await index(server)
    for (let i = 0; i < DECKS; i++) expect(html).toContain(`Thema ${i}<`)
    expect(html).toMatch(/kaputt\.md:3:7 date: use YYYY-MM-DD/)
  })

  it('never serves decks read for another folder: a head start that does not fit is dropped and the right folder read', async () => {
    const { root, decksDir } = project('Richtig')
    const other = join(root, 'andere')
    mkdirSync(other)
    writeFileSync(join(other, 'falsch.md'), deck('Falsch'))
    const start = await startDevDecks(root, devLoad(root, resolveOptions({}), other))
    server = await createServer({ root, configFile: false, logLevel: 'silent', plugins: updeck(), server: { host: '127.0.0.1', port: port() }, updeck: { decksDir, today: TODAY, start } })
    const html = await index(server)
    expect(html).toContain('Richtig 0<')
    expect(html).not.toContain('Falsch')
  })
})
