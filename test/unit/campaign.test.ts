// Campaign tags: own domains and their subdomains get utm_ parameters, nobody else's link ever does.
import { describe, expect, it } from 'vitest'
import { tagUrl, type Medium } from '../../src/core/campaign.ts'
import { SiteOptions, type SiteOptionsInput } from '../../src/core/frontmatter.ts'
import { parseDeck } from '../../src/core/parse-deck.ts'
import { renderSlides } from '../../src/core/render-slides.ts'
import { shareUrl } from '../../src/core/share-url.ts'
import { resolveOptions } from '../../src/vite/options.ts'

const site = (options: SiteOptionsInput = {}) =>
  SiteOptions.parse({ campaign: { domains: ['example.com', 'Bäckerei-Müller.de'] }, mastodonInstance: 'social.example.com', ...options })
const SLUG = 'vertrieb/2026-12'
const tag = (url: string, medium: Medium = 'qr', options?: SiteOptionsInput) => tagUrl(url, site(options), SLUG, medium)
const TAGS = 'utm_source=updeck&utm_medium=qr&utm_campaign=vertrieb/2026-12'

describe('tagUrl', () => {
  it('tags the own domains and every subdomain, whatever the case or a trailing dot', () => {
    expect(tag('https://example.com/')).toBe(`https://example.com/?${TAGS}`)
    expect(tag('https://blog.example.com/2026/werk')).toBe(`https://blog.example.com/2026/werk?${TAGS}`)
    expect(tag('https://a.b.Example.COM/x')).toBe(`https://a.b.example.com/x?${TAGS}`)
    expect(tag('https://www.example.com./x')).toBe(`https://www.example.com./x?${TAGS}`)
    expect(tag('http://example.com/x')).toBe(`http://example.com/x?${TAGS}`)
  })

  it('never tags lookalikes: another domain that ends or starts like an own one', () => {
    for (const url of ['https://notexample.com/', 'https://example.com.evil.net/', 'https://example.co/', 'https://example.com-shop.net/', 'https://wwwexample.com/']) {
      expect(tag(url), url).toBe(url)
    }
  })

  it('never tags anyone else: LinkedIn and Xing profiles, share intents, also when they share an own page', () => {
    const own = 'https://example.com/news/werk'
    for (const url of [
      'https://www.linkedin.com/in/jana-hoffmann/',
      'https://www.xing.com/profile/Jana_Hoffmann',
      shareUrl('linkedin', '', own),
      shareUrl('x', 'Neues Werk!', own),
      shareUrl('xing', '', own),
      // The company's own Mastodon instance is an own subdomain, but its share intent is no visit.
      shareUrl('mastodon', 'Neues Werk!', own, 'social.example.com'),
    ]) {
      expect(tag(url), url).toBe(url)
      expect(tag(url)).not.toContain('utm_')
    }
    // A profile on the own instance is an own page, though: a visit there counts.
    expect(tag('https://social.example.com/@muster')).toBe(`https://social.example.com/@muster?${TAGS}`)
  })

  it('keeps the query and the fragment as written', () => {
    expect(tag('https://example.com/a?x=1&y=a%20b#teil-2')).toBe(`https://example.com/a?x=1&y=a%20b&${TAGS}#teil-2`)
    expect(tag('https://example.com/a?x=1&#top')).toBe(`https://example.com/a?x=1&${TAGS}#top`)
    expect(tag('https://example.com/#top')).toBe(`https://example.com/?${TAGS}#top`)
  })

  it('leaves a utm_ parameter the deck wrote alone and adds only the missing ones', () => {
    expect(tag('https://example.com/?utm_campaign=winter')).toBe('https://example.com/?utm_campaign=winter&utm_source=updeck&utm_medium=qr')
    const all = 'https://example.com/?utm_source=mail&utm_medium=print&utm_campaign=winter'
    expect(tag(all)).toBe(all)
  })

  it('compares international domain names as the browser does (punycode)', () => {
    expect(tag('https://xn--bckerei-mller-bfb28a.de/brot')).toBe(`https://xn--bckerei-mller-bfb28a.de/brot?${TAGS}`)
    expect(tag(new URL('https://shop.bäckerei-müller.de/brot').href)).toBe(`https://shop.xn--bckerei-mller-bfb28a.de/brot?${TAGS}`)
    expect(tag('https://bäckerei-müller.de/brot')).toBe(`https://xn--bckerei-mller-bfb28a.de/brot?${TAGS}`)
    expect(tag('https://xn--bckerei-mller-bfb28a.com/')).toBe('https://xn--bckerei-mller-bfb28a.com/')
  })

  it('writes the medium, the source and the slug (slashes as they are, the rest percent-encoded)', () => {
    const media: Medium[] = ['qr', 'slide', 'homework-page', 'newsletter']
    for (const medium of media) expect(new URL(tag('https://example.com/', medium)).searchParams.get('utm_medium')).toBe(medium)
    const url = tagUrl('https://example.com/', site({ campaign: { domains: ['example.com'], source: 'Intranet Präsentation' } }), 'änderung/営業', 'slide')
    expect(url).toBe('https://example.com/?utm_source=Intranet%20Pr%C3%A4sentation&utm_medium=slide&utm_campaign=%C3%A4nderung/%E5%96%B6%E6%A5%AD')
    expect(Object.fromEntries(new URL(url).searchParams)).toEqual({ utm_source: 'Intranet Präsentation', utm_medium: 'slide', utm_campaign: 'änderung/営業' })
    expect(new URL(url).href).toBe(url) // what a phone opens is exactly what the code holds
  })

  it('tags nothing without the option, and nothing but http(s)', () => {
    expect(tagUrl('https://example.com/', SiteOptions.parse({}), SLUG, 'qr')).toBe('https://example.com/')
    for (const url of ['mailto:jana@example.com', 'tel:+4930123', 'ftp://example.com/x', '/relative/path', 'not a url']) expect(tag(url)).toBe(url)
  })
})

describe('the campaign option', () => {
  const problems = (domains: unknown) => {
    try {
      resolveOptions({ campaign: { domains } } as SiteOptionsInput)
      return ''
    } catch (error) {
      return (error as Error).message
    }
  }

  it('keeps domains as ASCII host names', () => {
    expect(site().campaign).toEqual({ domains: ['example.com', 'xn--bckerei-mller-bfb28a.de'], source: 'updeck' })
    expect(resolveOptions({ campaign: { domains: ['Example.COM.'] } }).campaign?.domains).toEqual(['example.com'])
  })

  it('refuses what is not a host name, naming the field', () => {
    expect(problems(['https://example.com'])).toBe('vite.config.ts updeck() campaign.domains.1: "https://example.com" is a web address: write the host name only, e.g. example.com (its subdomains are included), without https://')
    expect(problems(['example.com', 'example.com/news'])).toBe('vite.config.ts updeck() campaign.domains.2: "example.com/news" is not a host name: write the host name only, e.g. example.com (its subdomains are included), without a path, port or query')
    expect(problems(['*.example.com'])).toBe('vite.config.ts updeck() campaign.domains.1: "*.example.com": write the host name only, e.g. example.com (its subdomains are included)')
    expect(problems(['intranet'])).toBe('vite.config.ts updeck() campaign.domains.1: "intranet" is not a full host name: write the host name only, e.g. example.com (its subdomains are included)')
    expect(problems(['www.linkedin.com'])).toBe(`vite.config.ts updeck() campaign.domains.1: "www.linkedin.com" is a social network, not the company's own site: links there never get campaign tags`)
    expect(problems([])).toBe("vite.config.ts updeck() campaign.domains: list at least one domain, e.g. domains: ['example.com']")
    expect(problems('example.com')).toBe("vite.config.ts updeck() campaign.domains: list the own domains, e.g. domains: ['example.com']")
  })
})

describe('a deck with campaign tags', () => {
  const text = `---
title: Update
date: 2026-12-03
audience: Vertrieb
homework:
  - { kind: blog, title: Lesen, url: "https://blog.example.com/werk?ref=a#mitte", details: "Siehe [Karriere](https://jobs.example.com/) und [Xing](https://www.xing.com/pages/muster)" }
  - { kind: profile, title: Profil, url: "https://www.xing.com/profile/Jana" }
  - { kind: share, network: linkedin, title: Teilen, text: Neu, url: "https://example.com/news" }
---

# Update

Mehr auf [unserer Seite](https://www.example.com/werk) und bei [Partnern](https://partner.example.net/).

Note:
Intern: [Entwurf](https://example.com/entwurf)
`
  const config = site({ siteUrl: 'https://intranet.example.org/decks/' })
  const parsed = parseDeck(text, 'vertrieb/2026-12.md', { themes: ['default'], site: config })
  const deck = parsed.deck!

  it('gives each task a link per medium; the code encodes the qr one', () => {
    const [blog, profile, share] = deck.homework
    expect(blog!.links).toEqual({
      qr: 'https://blog.example.com/werk?ref=a&utm_source=updeck&utm_medium=qr&utm_campaign=vertrieb/2026-12#mitte',
      slide: 'https://blog.example.com/werk?ref=a&utm_source=updeck&utm_medium=slide&utm_campaign=vertrieb/2026-12#mitte',
      'homework-page': 'https://blog.example.com/werk?ref=a&utm_source=updeck&utm_medium=homework-page&utm_campaign=vertrieb/2026-12#mitte',
      newsletter: 'https://blog.example.com/werk?ref=a&utm_source=updeck&utm_medium=newsletter&utm_campaign=vertrieb/2026-12#mitte',
    })
    expect(blog!.target).toBe(blog!.links.qr)
    expect(Object.values(profile!.links)).toEqual(Array(4).fill('https://www.xing.com/profile/Jana'))
    expect(Object.values(share!.links)).toEqual(Array(4).fill('https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fexample.com%2Fnews'))
    expect(share!.target).toBe(share!.links.qr)
  })

  it('tags own links on the slides (slide) and in task details (homework-page), not in speaker notes', () => {
    const rendered = renderSlides(deck, config)
    const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
    expect(hrefs(rendered.slides[0]!.html)).toEqual(['https://www.example.com/werk?utm_source=updeck&utm_medium=slide&utm_campaign=vertrieb/2026-12', 'https://partner.example.net/'])
    expect(hrefs(rendered.slides[0]!.notesHtml)).toEqual(['https://example.com/entwurf'])
    expect(hrefs(rendered.details[0]!)).toEqual(['https://jobs.example.com/?utm_source=updeck&utm_medium=homework-page&utm_campaign=vertrieb/2026-12', 'https://www.xing.com/pages/muster'])
  })
})

describe('tags count against the QR size promise', () => {
  const deckWith = (url: string) => `---
title: Update
date: 2026-12-03
audience: Vertrieb
homework:
  - { kind: follow, title: Folgen, url: "https://www.xing.com/pages/muster" }
  - { kind: blog, title: Werk lesen, url: "${url}" }
---

# Update
`
  const parse = (url: string, options: SiteOptionsInput) => parseDeck(deckWith(url), 'vertrieb/2026-12.md', { themes: ['default'], site: SiteOptions.parse(options) })
  const WITH_SITE = { siteUrl: 'https://intranet.example.org/decks/' }
  const CAMPAIGN = { campaign: { domains: ['example.com'] } }
  /** The longest own link that the slide shows directly without tags (found with the real fit, by bisection). */
  const longest = (() => {
    const url = (n: number) => `https://blog.example.com/${'a'.repeat(n)}`
    const fits = (n: number) => !parse(url(n), WITH_SITE).deck!.homework[1]!.forward
    let [lo, hi] = [1, 3000]
    expect(fits(lo) && !fits(hi)).toBe(true)
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (fits(mid)) lo = mid
      else hi = mid
    }
    return url(lo)
  })()

  it('a link that fits untagged is forwarded once tagged, and its forwarding page leads to the tagged URL', () => {
    const untagged = parse(longest, WITH_SITE)
    expect(untagged.deck!.homework[1]!).toMatchObject({ target: longest })
    expect(untagged.diagnostics).toEqual([])
    const tagged = parse(longest, { ...WITH_SITE, ...CAMPAIGN })
    const task = tagged.deck!.homework[1]!
    expect(task.forward).toBe(`${longest}?utm_source=updeck&utm_medium=qr&utm_campaign=vertrieb/2026-12`)
    expect(task.target).toMatch(/^https:\/\/intranet\.example\.org\/decks\/go\/[0-9a-z]{10}\/$/)
    expect(tagged.diagnostics.map((d) => `${d.line} ${d.field} ${d.severity}: ${d.message}`)).toEqual([
      `7 homework.2 notice: "Werk lesen" is forwarded through ${task.target} (the link is too long to scan from the back)`,
    ])
  })

  it('without a site address the tagged link is reported as too long, at its task', () => {
    expect(parse(longest, {}).diagnostics).toEqual([])
    const { deck, diagnostics } = parse(longest, CAMPAIGN)
    expect(deck).toBeUndefined()
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ line: 7, field: 'homework.2.url', severity: 'error' })
    expect(diagnostics[0]!.message).toMatch(new RegExp(`^too long for a QR code that scans from the back of the room \\(${longest.length + `?${TAGS}`.length} characters with its campaign tags, QR version \\d+`))
  })
})
