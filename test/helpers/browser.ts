// Debian's Chromium driven by playwright-core; never a downloaded browser. Missing browser = failure.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM_ARGS } from '../../src/io/chromium.ts'

export const CHROMIUM = '/usr/bin/chromium'

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  })
}

export interface PageWatch {
  errors: string[]
  foreignRequests: string[]
}

/** Records console errors, page errors and every request to a host other than 127.0.0.1. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], foreignRequests: [] }
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text())
  })
  page.on('pageerror', (e) => watch.errors.push(e.message))
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.protocol !== 'data:' && url.protocol !== 'about:' && url.hostname !== '127.0.0.1') watch.foreignRequests.push(r.url())
  })
  return watch
}

/** Opens a deck and waits until reveal.js has initialised it. */
export async function openDeck(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForSelector('html.updeck-ready', { timeout: 15_000 })
}
