// Finds and starts the system's Chromium through playwright-core: updeck never downloads a browser.
import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import type { Browser } from 'playwright-core'
import { importModule } from './import-module.ts'

/** The flags the tests and the benchmark use too: headless, no sandbox (containers, root), nothing that phones home. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
const HOW = 'install it (Debian/Ubuntu: apt-get install chromium) or set UPDECK_CHROMIUM=/path/to/chromium'

const runnable = (path: string) => {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile() // a folder passes X_OK too
  } catch {
    return false
  }
}

/**
 * The Chromium to use: UPDECK_CHROMIUM, else /usr/bin/chromium, else the first of chromium,
 * chromium-browser, google-chrome on PATH. Returns a presenter's message when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string } | { problem: string } {
  const given = env.UPDECK_CHROMIUM
  if (given) {
    if (runnable(given)) return { path: given }
    return { problem: `UPDECK_CHROMIUM=${given}: ${existsSync(given) ? 'not a program that can be run' : 'no such file'}. Chromium prints the PDFs: ${HOW}` }
  }
  const dirs = ['/usr/bin', ...(env.PATH ?? '').split(delimiter).filter(Boolean)]
  for (const name of NAMES) {
    for (const dir of dirs) if (runnable(join(dir, name))) return { path: join(dir, name) }
  }
  return { problem: `Chromium was not found (looked for ${NAMES.join(', ')} in /usr/bin and on PATH); it prints the PDFs: ${HOW}` }
}

/** Starts the browser found by findChromium, or returns why it cannot. */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<{ browser: Browser } | { problem: string }> {
  const found = findChromium(env)
  if ('problem' in found) return found
  const { chromium } = await importModule<typeof import('playwright-core')>('playwright-core')
  try {
    return { browser: await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS }) }
  } catch (error) {
    // playwright's message carries a call log of dozens of lines; its first line says what happened.
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^browserType\.launch: /, '')
    return { problem: `${found.path} did not start as Chromium (${first}). Chromium prints the PDFs: ${HOW}` }
  }
}
