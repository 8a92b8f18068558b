// Forwarding ids: stable for a target, never shared by two targets.
import { describe, expect, it } from 'vitest'
import { checkShortLinks, shortLink, shortLinkId } from '../../src/core/short-link.ts'
import type { Deck, Task } from '../../src/core/model.ts'

/** The hash ids had before (32-bit FNV-1a): kept here to show the pair below really collided. */
function fnv1a(url: string): string {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(url)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  return hash.toString(36).padStart(7, '0')
}

describe('shortLinkId', () => {
  const a = 'https://example.com/news/971883'
  const b = 'https://example.com/news/1915040'

  it('gives the two news pages from the issue different ids (32-bit FNV-1a gave both one)', () => {
    expect(fnv1a(a)).toBe(fnv1a(b))
    expect(shortLinkId(a)).not.toBe(shortLinkId(b))
  })

  it('is 10 lower-case letters or digits, the same for the same target in every build', () => {
    expect(shortLinkId(a)).toMatch(/^[0-9a-z]{10}$/)
    expect(shortLinkId(a)).toBe(shortLinkId(`https://example.com/news/${971883}`))
    expect(shortLink('https://intranet.example.com/decks/', a)).toBe(`https://intranet.example.com/decks/go/${shortLinkId(a)}/`)
  })

  it('gives 20 000 different targets 20 000 different ids', () => {
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => shortLinkId(`https://example.com/news/${i}`)))
    expect(ids.size).toBe(20_000)
  })
})

describe('checkShortLinks', () => {
  const task = (target: string, forward?: string): Task => {
    const url = forward ?? target
    return { kind: 'link', title: 'Lesen', url, line: 9, target, links: { qr: url, slide: url, 'homework-page': url, newsletter: url }, qrLevel: 'M', ...(forward ? { forward } : {}) }
  }
  const deck = (file: string, homework: Task[]): Deck => ({
    file,
    slug: file.replace(/\.md$/, ''),
    meta: { title: 'T', date: '2026-12-03', audience: 'A', duration: 5, theme: 'default', lang: 'de' },
    slides: [],
    homework,
    durationAt: { line: 1, col: 1 },
    defaultHomework: false,
  })

  it('stops the build when two different targets would share one forwarding page', () => {
    const go = 'https://intranet.example.com/decks/go/0123456789/'
    const problems = checkShortLinks([deck('a.md', [task(go, 'https://example.com/a')]), deck('b.md', [task('https://www.xing.com/'), task(go, 'https://example.com/b')])])
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`)).toEqual([
      'b.md:9 homework.2: its forwarding page go/0123456789/ would also lead to https://example.com/a: change this link a little (e.g. add a / at its end) so that it gets another address',
    ])
  })

  it('allows one target forwarded from several decks', () => {
    const go = shortLink('https://intranet.example.com/decks/', 'https://example.com/a')
    expect(checkShortLinks([deck('a.md', [task(go, 'https://example.com/a')]), deck('b.md', [task(go, 'https://example.com/a')])])).toEqual([])
  })
})
