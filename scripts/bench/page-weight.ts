// What one deck page loads in Chromium from the built site: JS and CSS bytes, raw and gzip, requests.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface Bytes {
  raw: number
  gzip: number
  count: number
}

export interface PageWeight {
  url: string
  requests: number
  byType: Record<string, Bytes>
}

/** Serves `dir` on 127.0.0.1 (port 0), without compression: a response's body is the file. */
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    let file = normalize(join(dir, decodeURIComponent((req.url ?? '/').split('?')[0]!)))
    if (file !== dir && !file.startsWith(dir + sep)) return void res.writeHead(403).end()
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file))
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** Opens `<site>/<slug>/` and sums every response by resource type (script, stylesheet, font, …). */
export async function measurePageWeight(browser: Browser, siteDir: string, slug: string): Promise<PageWeight> {
  const server = await serve(siteDir)
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  const bodies: Promise<void>[] = []
  const byType: Record<string, Bytes> = {}
  let requests = 0
  page.on('request', () => requests++)
  page.on('response', (response) => {
    const type = response.request().resourceType()
    bodies.push(
      response.body().then(
        (body) => {
          const entry = (byType[type] ??= { raw: 0, gzip: 0, count: 0 })
          entry.raw += body.length
          entry.gzip += gzipSync(body).length
          entry.count++
        },
        () => {},
      ),
    )
  })
  try {
    const url = `${server.url}${slug}/`
    await page.goto(url, { waitUntil: 'networkidle' })
    await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
    await Promise.all(bodies)
    return { url, requests, byType }
  } finally {
    await page.close()
    await server.close()
  }
}
