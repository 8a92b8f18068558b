// The built site in Chromium beyond the slides' layout: every image loads, and long words, links and
// code never make a phone scroll sideways.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openDeck, watchPage } from '../helpers/browser.ts'
import { buildTo, tempDir } from '../helpers/build-fixture.ts'
import { serveDir, type StaticServer } from '../helpers/serve.ts'
import { brokenSlideImages } from '../helpers/slide-images.ts'
import { ROOT } from '../helpers/site.ts'

const EXAMPLES = ['engineering/2027-01-14-tech-blog', 'personal/2026-12-10-employer-branding', 'vertrieb/2026-12-03-social-media-update']
const COMPOUND = 'Rechtsschutzversicherungsgesellschaftenangestelltenvertretung'
const LONG_URL = 'https://intranet.example.com/social-media/leitfaden/2026/kapitel-7-profilbilder-und-titelbilder-fuer-xing-und-linkedin.pdf'
/** A deck whose words are longer than a phone is wide: in the audience, the title and the details. */
const LONG_WORDS = `---
title: ${COMPOUND}sitzung
date: 2026-12-20
audience: ${COMPOUND}
homework:
  - kind: link
    title: ${COMPOUND}sleitfaden lesen
    url: https://example.com/leitfaden
    details: |
      Der Leitfaden liegt unter ${LONG_URL} und als [${LONG_URL}](${LONG_URL}).
      Im Terminal: \`npx updeck-${COMPOUND.toLowerCase()}-einrichten --mit-allen-optionen\`

      \`\`\`
      curl --fail --location ${LONG_URL}?herunterladen=ja&format=pdf&sprache=de
      \`\`\`
---

# ${COMPOUND}
`

let browser: Browser
let server: StaticServer

beforeAll(async () => {
  const decksDir = join(tempDir('pages'), 'decks')
  cpSync(join(ROOT, 'decks'), decksDir, { recursive: true })
  mkdirSync(join(decksDir, 'lang'))
  writeFileSync(join(decksDir, 'lang', 'woerter.md'), LONG_WORDS)
  const result = await buildTo({ decksDir, base: './' })
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  server = await serveDir(result.outDir)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('every image on every slide of the example decks loads in the built site', () => {
  for (const slug of EXAMPLES) {
    it(slug, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
      const watch = watchPage(page)
      await openDeck(page, `${server.url}${slug}/`)
      const { broken, seen } = await brokenSlideImages(page)
      expect(seen).toBeGreaterThan(0)
      expect(broken).toEqual([])
      expect(watch.errors).toEqual([])
      await page.close()
    })
  }
})

describe('a 390 px phone never scrolls sideways, even with one long German compound', () => {
  const pages: [string, string][] = [
    ['the index', ''],
    ['the homework page with a long URL and code in details', 'lang/woerter/homework/'],
    ['the editorial plan (its grid scrolls inside its own box)', 'plan/'],
  ]
  for (const [name, path] of pages) {
    it(name, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
      await page.goto(`${server.url}${path}`)
      await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')))
      expect(await page.locator(`text=${COMPOUND}`).count()).toBeGreaterThan(0)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      await page.close()
    })
  }
})
