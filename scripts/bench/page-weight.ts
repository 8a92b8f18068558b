// What one deck page loads in Chromium from the built site: JS and CSS bytes, raw and gzip, requests.
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
// The tests' static server: no compression, so a response's body is the file.
import { serveDir } from '../../test/helpers/serve.ts'

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

/** Opens `<site>/<slug>/` and sums every response by resource type (script, stylesheet, font, …). */
export async function measurePageWeight(browser: Browser, siteDir: string, slug: string): Promise<PageWeight> {
  const server = await serveDir(siteDir)
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
