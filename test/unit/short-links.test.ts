// shortLinks: true: codes encode <siteUrl>go/<id>/, a static page that forwards to the task's URL.
import { describe, expect, it } from 'vitest'
import { buildSite } from '../../src/core/build-site.ts'
import { loadDeck } from '../../src/io/load-decks.ts'
import { FIXTURE_DECKS, siteConfig, THEMES } from '../helpers/site.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const assets = { deckJs: ['assets/deck.js'], deckCss: { default: ['assets/deck.css'] }, pageCss: ['assets/page.css'], image: (p: string) => `assets/${p}` }

describe('shortLinks', () => {
  const site = siteConfig({ siteUrl: 'https://intranet.example.com/decks', shortLinks: true })
  const file = 'ok/full.md'
  const { deck } = loadDeck(readFileSync(join(FIXTURE_DECKS, file), 'utf8'), file, { decksDir: FIXTURE_DECKS, themes: THEMES, site })
  const pages = buildSite([deck!], { site, base: '/decks/', today: '2026-12-01', stamp: '20261201T000000Z', assets })

  it('gives every task a short code on the site, at QR version 3 or less', () => {
    for (const task of deck!.deck.homework) {
      expect(task.target).toMatch(/^https:\/\/intranet\.example\.com\/decks\/go\/[0-9a-z]{10}\/$/)
      expect(task.target.length).toBeLessThanOrEqual(53) // version 3 at level L holds 53 bytes
    }
  })

  it('writes a forwarding page per code that sends the phone to the real URL', () => {
    for (const task of deck!.deck.homework) {
      const id = /go\/(\w+)\//.exec(task.target)![1]
      const page = pages.find((p) => p.path === `go/${id}/index.html`)!
      expect(page.content).toContain(`<meta http-equiv="refresh" content="0; url=${task.forward!.replace(/&/g, '&amp;')}">`)
    }
  })

  it('puts the short URL into decks.json, exactly what the code holds, and where it leads as target', () => {
    const json = JSON.parse(pages.find((p) => p.path === 'decks.json')!.content) as { homework: { url: string; target?: string }[] }[]
    expect(json[0]!.homework.map((t) => t.url)).toEqual(deck!.deck.homework.map((t) => t.target))
    expect(json[0]!.homework.map((t) => t.target)).toEqual(deck!.deck.homework.map((t) => t.forward))
  })

  it("shows a share task's text on its forwarding page, in the deck's language, with a visible link", () => {
    const task = deck!.deck.homework.find((t) => t.kind === 'share')!
    const id = /go\/(\w+)\//.exec(task.target)![1]
    const html = pages.find((p) => p.path === `go/${id}/index.html`)!.content
    expect(html).toContain('<p>This is the text you share:</p>\n<blockquote class="shared">Unser neues Werk in Leipzig ist eröffnet! 🎉<br>https://example.com/news/leipzig</blockquote>')
    expect(html).toContain(`<p>Forwarding to <a href="${task.forward!.replace(/&/g, '&amp;')}">`)
    expect(html).not.toMatch(/<script/)
  })

  it('shows the homework page address on the slide when the site URL is known', () => {
    const html = pages.find((p) => p.path === `${deck!.deck.slug}/index.html`)!.content
    expect(html).toContain(`<a href="https://intranet.example.com/decks/${deck!.deck.slug}/homework/">`)
  })
})

describe("shortLinks: 'auto' (the default)", () => {
  const file = 'ok/full.md'
  const text = readFileSync(join(FIXTURE_DECKS, file), 'utf8')
  const build = (site: ReturnType<typeof siteConfig>) => {
    const { deck } = loadDeck(text, file, { decksDir: FIXTURE_DECKS, themes: THEMES, site })
    return { deck: deck!, pages: buildSite([deck!], { site, base: '/', today: '2026-12-01', stamp: '20261201T000000Z', assets }) }
  }

  it('forwards nothing that fits: no go/ pages, no target in decks.json', () => {
    const { deck, pages } = build(siteConfig({ siteUrl: 'https://intranet.example.com/decks/' }))
    expect(deck.deck.homework.some((t) => t.forward)).toBe(false)
    expect(pages.filter((p) => p.path.startsWith('go/'))).toEqual([])
    expect(pages.find((p) => p.path === 'decks.json')!.content).not.toContain('"target"')
  })
})
