// The dev server survives any request, and serves nothing outside the decks folder on a deck's behalf.
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dev } from '../../src/index.ts'
import { tempDir, TODAY } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'

const SECRET = 'SECRET=hunter2'
let server: ViteDevServer
let root: string
let port: number

/** A request with exactly this path: fetch() would normalise `\` and `..` before sending. */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('latin1') }))
    })
    req.on('error', reject)
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${path}`)))
    req.end()
  })
}

beforeAll(async () => {
  // A project of its own: the decks folder inside the root, as in a real project, next to a secret.
  root = tempDir('dev-requests')
  cpSync(join(ROOT, 'decks'), join(root, 'decks'), { recursive: true })
  cpSync(join(ROOT, 'themes'), join(root, 'themes'), { recursive: true })
  writeFileSync(join(root, '.env'), `${SECRET}\n`)
  writeFileSync(join(root, 'secret.txt'), `${SECRET}\n`)
  mkdirSync(join(root, 'elsewhere'))
  writeFileSync(join(root, 'elsewhere', 'logo.png'), `${SECRET}\n`)
  symlinkSync('../../../.env', join(root, 'decks/vertrieb/img/logo.png'))
  symlinkSync('../elsewhere', join(root, 'decks/fremd'))
  port = 6200 + Math.floor(Math.random() * 200)
  server = await dev({ root, today: TODAY, port })
})

afterAll(async () => {
  await server?.close()
})

describe('the dev server and hostile requests', () => {
  it('answers a malformed address with 400 and keeps running', async () => {
    expect((await get('/%E0')).status).toBe(400)
    expect((await get('/@updeck/decks/%E0%A4')).status).toBe(400)
    expect((await get('/')).status).toBe(200)
  })

  it('serves a deck image with the Content-Type of its content', async () => {
    const svg = await get('/@updeck/decks/vertrieb/img/reichweite.svg')
    expect([svg.status, svg.type]).toEqual([200, 'image/svg+xml'])
    expect(svg.body).toContain('<svg')
    const png = await get('/@updeck/decks/personal/img/banner.png')
    expect([png.status, png.type]).toEqual([200, 'image/png'])
  })

  const refused = [
    ['an image path that climbs out', '/@updeck/decks/..%2F..%2Fsecret.txt'],
    ['an image path that climbs out, unencoded', '/@updeck/decks/../../secret.txt'],
    ['an image that is a link to ../../.env', '/@updeck/decks/vertrieb/img/logo.png'],
    ['an image in a linked folder that leads outside', '/@updeck/decks/fremd/logo.png'],
    ['a deck file, which is no image', '/@updeck/decks/vertrieb/2026-12-03-social-media-update.md'],
    ["vite's own file serving of the decks folder", '/decks/vertrieb/img/logo.png'],
    ["vite's own file serving, with ?raw", '/decks/vertrieb/img/logo.png?raw'],
    ["vite's own file serving, with backslashes", '/decks\\vertrieb\\img\\logo.png'],
    ["vite's own file serving, with %2e%2e", '/x/%2e%2e/decks/fremd/logo.png'],
    ["vite's /@fs/ route", () => `/@fs${root}/decks/vertrieb/img/logo.png`],
  ] as const
  for (const [name, path] of refused) {
    it(`refuses ${name}`, async () => {
      const response = await get(typeof path === 'function' ? path() : path)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.body).not.toContain(SECRET)
      expect(response.body).not.toContain('title: Social Media')
    })
  }

  it('still answers after all of them', async () => {
    expect((await get('/vertrieb/2026-12-03-social-media-update/')).status).toBe(200)
  })
})
