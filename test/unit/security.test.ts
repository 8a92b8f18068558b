// Hostile decks: whatever a deck holds, the pages it renders can not run script.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildSite } from '../../src/core/build-site.ts'
import { isSafeLink } from '../../src/core/safe-url.ts'
import { checkHttpsUrl } from '../../src/core/safe-url.ts'
import { loadDeck } from '../../src/io/load-decks.ts'
import { FIXTURE_DECKS, siteConfig, THEMES } from '../helpers/site.ts'

const site = siteConfig()
const assets = { deckJs: ['assets/deck.js'], deckCss: { default: ['assets/deck.css'] }, pageCss: ['assets/page.css'], image: (p: string) => `assets/${p}` }

describe('a deck full of hostile Markdown', () => {
  const file = 'bad/hostile-markdown.md'
  const loaded = loadDeck(readFileSync(join(FIXTURE_DECKS, file), 'utf8'), file, { decksDir: FIXTURE_DECKS, themes: THEMES, site })
  const pages = buildSite([loaded.deck!], { site, base: '/', today: '2026-12-01', stamp: '20261201T000000Z', assets })
  const html = pages.filter((p) => p.path.endsWith('.html')).map((p) => p.content).join('\n')

  it('escapes raw HTML and the title instead of passing it through', () => {
    expect(html).not.toMatch(/<script(?![^>]*defer src="\/assets\/deck\.js")/i)
    expect(html).not.toMatch(/<img[^>]*onerror/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('leaves no javascript:, vbscript: or data: URL in any href or src', () => {
    // The one data: URL is our own empty favicon, which saves a request the browser would make.
    const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!).filter((u) => u !== 'data:,')
    expect(urls.length).toBeGreaterThan(5)
    for (const url of urls) expect(url, url).not.toMatch(/^\s*(javascript|vbscript|data):/i)
  })

  it('carries a Content-Security-Policy without inline script', () => {
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';`)
  })
})

describe('URL checks', () => {
  const refused = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'jav&#x61;script:alert(1)', 'javascript&colon;alert(1)', 'java%73cript:alert(1)', '%6A%61vascript:alert(1)', 'vbscript:x', 'VBScript:x', 'data:text/html,x', 'DATA:image/svg+xml,x', '\u0000javascript:x']
  for (const url of refused) it(`refuses the link ${JSON.stringify(url)}`, () => expect(isSafeLink(url)).toBe(false))
  for (const url of ['https://example.com', 'http://intranet/x', 'mailto:a@example.com', 'img/x.png', '#anchor', '../other/'])
    it(`allows the link ${url}`, () => expect(isSafeLink(url)).toBe(true))
  it('homework URLs: https only, normalised like a browser', () => {
    expect(checkHttpsUrl('http://example.com')).toEqual({ error: 'only https:// links are allowed' })
    expect(checkHttpsUrl('https://user:pw@example.com')).toEqual({ error: 'must not contain a user name or password' })
    expect(checkHttpsUrl('https://Bücher.example/ä ö')).toEqual({ href: 'https://xn--bcher-kva.example/%C3%A4%20%C3%B6' })
  })
})
