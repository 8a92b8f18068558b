// The dev loop: `npm run dev` in a child, a deck open on slide 2, and the time from writing a
// changed heading to the new text being on screen, edit after edit.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { firstOk, startDevServer } from './dev-server.ts'
import type { CliOptions } from './run-cli.ts'

export interface DevLoopResult {
  /** Write → next animation frame after the new heading is in the DOM, in ms (page clock). */
  visibleMs: number[]
  /** Write → Node has the answer back from the page (adds playwright's round trip), in ms. */
  roundTripMs: number[]
  /** Edits that did not show within the timeout, or left the slide. */
  failures: string[]
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

export async function measureDevLoop(browser: Browser, decksDir: string, deckFile: string, slug: string, edits: number, options: CliOptions = {}): Promise<DevLoopResult> {
  const server = await startDevServer(decksDir, options)
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  const path = join(decksDir, deckFile)
  const original = await readFile(path, 'utf8')
  const heading = secondHeading(original)
  const result: DevLoopResult = { visibleMs: [], roundTripMs: [], failures: [] }
  try {
    const url = `http://127.0.0.1:${server.port}/${slug}/`
    await firstOk(server, `/${slug}/`, '', 60_000)
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
      const logBefore = server.log().length
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
        const said = server.log().slice(logBefore).trim().split('\n').slice(-2).join(' / ')
        result.failures.push(`edit ${i}: not shown within 5 s: ${String(error).split('\n')[0]}${said ? ` (dev server: ${said})` : ''}`)
        await open()
      }
      // Let the file watcher settle, so that two edits never merge into one change event.
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
    return result
  } catch (error) {
    throw new Error(`${String(error)}\ndev server output:\n${server.log()}`)
  } finally {
    await page.close()
    await writeFile(path, original)
    await server.stop()
  }
}
