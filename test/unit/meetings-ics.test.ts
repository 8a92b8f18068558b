// meetings.ics from decks: one all-day event per deck, links as the site's address allows, read by ical.js.
import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { meetingsIcs } from '../../src/core/ics.ts'
import { meetingsCalendar } from '../../src/core/meetings.ts'
import type { Deck } from '../../src/core/model.ts'
import type { SiteContext } from '../../src/core/site-context.ts'
import { siteConfig } from '../helpers/site.ts'

const deck = (slug: string, date: string, title: string, audience: string): Deck => ({
  file: `${slug}.md`,
  slug,
  meta: { title, date, audience, duration: 5, theme: 'default', lang: 'de', presenter: 'Jana Hoffmann' },
  slides: [],
  homework: [],
  durationAt: { line: 1, col: 1 },
  defaultHomework: false,
})
const DECKS = [deck('vertrieb/2027-01', '2027-01-14', 'Update; Januar, mit Ümläuten und einem sehr langen Titel, der gefaltet werden muss', 'Vertrieb'), deck('עדכון', '2026-12-03', 'Kickoff', 'Personal')]
const ctx = (base: string, siteUrl?: string): SiteContext => ({
  site: siteConfig({ organisation: 'Muster GmbH', ...(siteUrl ? { siteUrl } : {}) }),
  base,
  today: '2026-12-05',
  stamp: '20261205T101500Z',
  assets: { deckJs: [], deckCss: {}, pageCss: [], image: (p) => p },
})
const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))

describe('meetingsCalendar', () => {
  it('with a site address: absolute URL and link, UIDs from slug and host, sorted by date', () => {
    const [kickoff, update] = events(meetingsCalendar(DECKS, ctx('/', 'https://intranet.example.com/decks/')))
    expect(kickoff!.uid).toBe('עדכון@intranet.example.com')
    expect(kickoff!.component.getFirstPropertyValue('url')).toBe('https://intranet.example.com/decks/%D7%A2%D7%93%D7%9B%D7%95%D7%9F/')
    expect(update!.uid).toBe('vertrieb.2027-01@intranet.example.com')
    expect(update!.summary).toBe(`${DECKS[0]!.meta.title} (Vertrieb)`)
    expect(update!.startDate.toString()).toBe('2027-01-14')
    expect(update!.endDate.toString()).toBe('2027-01-15')
    expect(update!.description).toBe('Vertrieb · Präsentiert von Jana Hoffmann · 5 Min.\n\nhttps://intranet.example.com/decks/vertrieb/2027-01/')
  })

  it('under a base path without a site address: the path in the description, no URL property', () => {
    const [, update] = events(meetingsCalendar(DECKS, ctx('/intern/')))
    expect(update!.uid).toBe('vertrieb.2027-01@updeck')
    expect(update!.component.getFirstPropertyValue('url')).toBeNull()
    expect(update!.description.endsWith('\n\n/intern/vertrieb/2027-01/')).toBe(true)
  })

  it('with relative links (--base ./) and no address: no link at all', () => {
    const [, update] = events(meetingsCalendar(DECKS, ctx('./')))
    expect(update!.description).toBe('Vertrieb · Präsentiert von Jana Hoffmann · 5 Min.')
  })
})

describe('meetingsIcs', () => {
  const ics = meetingsIcs({ name: 'Muster GmbH: Termine', lang: 'de', organisation: 'Muster GmbH', stamp: '20261205T101500Z', events: [{ uid: 'a@x', title: 'A, B; C', description: 'x', date: '2026-12-31', lang: 'de', category: 'Vertrieb' }] })
  const calendar = new ICAL.Component(ICAL.parse(ics))
  const vevent = calendar.getFirstSubcomponent('vevent')!

  it('names the calendar and asks subscribers to refresh', () => {
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Muster GmbH: Termine')
    expect(calendar.getFirstPropertyValue('refresh-interval')?.toString()).toBe('PT12H')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
  })

  it('stamps each event with the build time and a sequence of minutes since 2000', () => {
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-05T10:15:00Z')
    expect(vevent.getFirstPropertyValue('sequence')).toBe((Date.UTC(2026, 11, 5, 10, 15) - Date.UTC(2000, 0, 1)) / 60_000)
  })

  it('escapes text, ends a year-end event in the next year, uses CRLF and folds at 75 octets', () => {
    expect(vevent.getFirstPropertyValue('summary')).toBe('A, B; C')
    expect(vevent.getFirstPropertyValue('dtend')?.toString()).toBe('2027-01-01')
    expect(vevent.getFirstPropertyValue('categories')).toBe('Vertrieb')
    const long = meetingsCalendar(DECKS, ctx('/'))
    expect(long.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    for (const line of long.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  })
})

describe('meetings.ics with hostile text', () => {
  it('reads back exactly (markup, quotes, commas, semicolons, backslashes, emoji, flags, CJK, RTL), every line at most 75 octets of whole UTF-8 characters', () => {
    const piece = fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '&amp;', 'a,b', 'c;d', 'e\\f', '\\n', '👩‍👩‍👧', '🇩🇪', '日本語', 'שלום', 'Ü', ' ', 'x')
    const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join('').trim() || 'x')
    fc.assert(
      fc.property(text, text, (title, audience) => {
        const ics = meetingsCalendar([deck('a', '2026-12-03', title, audience)], ctx('/', 'https://intranet.example.com/decks/'))
        const bytes = Buffer.from(ics, 'utf8')
        let start = 0
        for (let i = 0; i <= bytes.length - 2; i++) {
          if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue
          const line = bytes.subarray(start, i)
          expect(line.length).toBeLessThanOrEqual(75)
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow() // no character cut in two
          start = i + 2
        }
        const [event] = events(ics)
        expect(event!.summary).toBe(`${title} (${audience})`)
        expect(event!.description.startsWith(`${audience} · `)).toBe(true)
        expect(event!.component.getFirstProperty('categories')!.getValues()).toEqual([audience])
      }),
      { numRuns: 200, seed: 12 },
    )
  })
})
