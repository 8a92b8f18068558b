// The dev loop: `npm run dev` in a child, a deck open on slide 2, and the time from writing a
// changed heading to the new text being on screen, edit after edit.
import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { BENCH_SITE_URL, spawnCli } from './run-cli.ts'

export interface DevLoopResult {
  /** Write → next animation frame after the new heading is in the DOM, in ms (page clock). */
  visibleMs: number[]
  /** Write → Node has the answer back from the page (adds playwright's round trip), in ms. */
  roundTripMs: number[]
  /** Edits that did not show within the timeout, or left the slide. */
  failures: string[]
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return typeof address === 'object' && address ? address.port : 0
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the dev server did not answer ${url} within ${timeoutMs / 1000} s`)
}

/** The second slide's heading: the second line starting with "# " after the frontmatter. */
function secondHeading(text: string): string {
  const body = text.slice(text.indexOf('\n---', 4) + 4)
  const heading = body.split('\n').filter((line) => line.startsWith('# '))[1]
  if (!heading) throw new Error('the generated deck has no second heading')
  return heading
}

/**
 * In-page script (a string: helpers a TypeScript transform may add do not exist in the page). It records when
 * the present slide's heading first shows `expected`, then waits one frame (the paint). Same machine,
 * same clock: performance.timeOrigin + now() in the page compares with the same sum in Node.
 */
function watchHeading(expected: string): string {
  return `window.benchSeen = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('section.present h1')?.textContent !== ${JSON.stringify(expected)}) return
      observer.disconnect()
      requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()))
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  }); undefined`
}

export async function measureDevLoop(browser: Browser, decksDir: string, deckFile: string, slug: string, edits: number): Promise<DevLoopResult> {
  const port = await freePort()
  const server = spawnCli(['dev', '--decks', decksDir, '--port', String(port), '--today', '2026-12-01', '--site-url', BENCH_SITE_URL])
  let log = ''
  server.stdout!.on('data', (chunk: Buffer) => (log += chunk))
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk))
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  const path = join(decksDir, deckFile)
  const original = await readFile(path, 'utf8')
  const heading = secondHeading(original)
  const result: DevLoopResult = { visibleMs: [], roundTripMs: [], failures: [] }
  try {
    const url = `http://127.0.0.1:${port}/${slug}/`
    await waitForHttp(url, 60_000)
    const open = async () => {
      await page.goto(`${url}#/1`)
      await page.waitForSelector('html.updeck-ready', { timeout: 30_000 })
      await page.waitForFunction(() => location.hash === '#/1' && document.querySelector('section.present h1') !== null)
    }
    await open()
    // Edit 0 warms the server's render path and is not counted. A failed edit (the page reloaded,
    // e.g. because vite saw a change under src/, or the text never came) is reported, the page
    // reopened, and another edit takes its place, up to 5 extra.
    for (let i = 0; result.visibleMs.length < edits && i <= edits + 5; i++) {
      const text = `${heading.slice(2)} – Änderung ${i}`
      await page.evaluate(watchHeading(text))
      const logBefore = log.length
      const written = performance.timeOrigin + performance.now()
      await writeFile(path, original.replace(heading, `# ${text}`))
      try {
        const shown = await page.evaluate<number>('Promise.race([window.benchSeen, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 5000))])')
        const back = performance.timeOrigin + performance.now()
        const hash = await page.evaluate(() => location.hash)
        if (hash !== '#/1') {
          result.failures.push(`edit ${i}: left the slide (hash ${hash})`)
          await open()
        } else if (i > 0) {
          result.visibleMs.push(shown - written)
          result.roundTripMs.push(back - written)
        }
      } catch (error) {
        const server = log.slice(logBefore).trim().split('\n').slice(-2).join(' / ')
        result.failures.push(`edit ${i}: not shown within 5 s: ${String(error).split('\n')[0]}${server ? ` (dev server: ${server})` : ''}`)
        await open()
      }
      // Let the file watcher settle, so that two edits never merge into one change event.
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
    return result
  } catch (error) {
    throw new Error(`${String(error)}\ndev server output:\n${log}`)
  } finally {
    await page.close()
    await writeFile(path, original)
    await stopChild(server)
  }
}

/** Ends the dev server by its PID: SIGTERM, then SIGKILL if it is still there after 3 s. */
async function stopChild(child: ReturnType<typeof spawnCli>): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  process.kill(child.pid, 'SIGTERM')
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}
