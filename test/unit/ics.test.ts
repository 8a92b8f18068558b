import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { taskIcs, type TaskIcsInput } from '../../src/core/ics.ts'

const base: TaskIcsInput = {
  uid: 'vertrieb-2026-12-1@intranet.example.com',
  title: 'Xing-Profil aktualisieren: Foto, Größe, Übersicht',
  description: 'Foto, aktuelle Position; drei Skills\nZweite Zeile mit \\ Backslash',
  url: 'https://www.xing.com/profile?a=1,2;b',
  due: '2026-12-10',
  lang: 'de',
  organisation: 'Beispiel GmbH',
  stamp: '20261203T090000Z',
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  const vevent = calendar.getFirstSubcomponent('vevent')!
  return { calendar, vevent, event: new ICAL.Event(vevent) }
}

describe('taskIcs', () => {
  const ics = taskIcs(base)
  const { calendar, vevent, event } = parse(ics)

  it('is one all-day event on the due date, ending the next day', () => {
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1)
    expect(event.startDate.isDate).toBe(true)
    expect(event.startDate.toString()).toBe('2026-12-10')
    expect(event.endDate.toString()).toBe('2026-12-11')
    expect(ics).toContain('\r\nDTSTART;VALUE=DATE:20261210\r\n')
  })

  it('keeps umlauts and special characters in summary and description', () => {
    expect(event.summary).toBe(base.title)
    expect(event.description).toBe(`${base.description}\n\n${base.url}`)
    expect(ics.replaceAll('\r\n ', '')).toContain('Foto\\, aktuelle Position\\; drei Skills\\nZweite Zeile mit \\\\ Backslash')
  })

  it('carries the URL, the uid, the stamp and a product id', () => {
    expect(vevent.getFirstPropertyValue('url')).toBe(base.url)
    expect(event.uid).toBe(base.uid)
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-03T09:00:00Z')
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Beispiel GmbH//updeck//DE')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
  })

  it('reminds at 09:00 the day before with a display alarm', () => {
    const alarm = vevent.getFirstSubcomponent('valarm')!
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY')
    expect(alarm.getFirstPropertyValue('description')).toBe(base.title)
    expect(alarm.getFirstPropertyValue('trigger')?.toString()).toBe('-PT15H')
  })

  it('uses CRLF line endings only', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
  })

  it('is deterministic: the same input gives the same bytes', () => {
    expect(taskIcs(base)).toBe(ics)
  })
})

describe('line folding', () => {
  const long = {
    ...base,
    title: 'Größte Übung für äußerst wichtige Grüße an alle Kolleginnen und Kollegen 🎉🚀 ÄÖÜ äöü ß',
    description: 'Ä'.repeat(120) + ' 👩‍💻 ' + 'ß'.repeat(50),
    url: `https://example.com/${'x'.repeat(200)}`,
  }
  const ics = taskIcs(long)

  it('keeps every line within 75 octets', () => {
    const lines = ics.split('\r\n')
    expect(lines.some((line) => line.startsWith(' '))).toBe(true) // something was folded
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75)
  })

  it('never splits a character, so unfolding restores every value', () => {
    expect(ics).not.toContain('\uFFFD')
    const { event, vevent } = parse(ics)
    expect(event.summary).toBe(long.title)
    expect(event.description).toBe(`${long.description}\n\n${long.url}`)
    expect(vevent.getFirstPropertyValue('url')).toBe(long.url)
  })
})

describe('line folding, any text', () => {
  /** Where a line breaks decides the bytes: each part takes characters while the next still fits its 75 (74) octets. */
  const foldedAsOctets = (line: string): string[] => {
    const parts = ['']
    for (const char of line) {
      const limit = parts.length === 1 ? 75 : 74
      if (Buffer.byteLength(parts.at(-1)! + char, 'utf8') > limit) parts.push('')
      parts[parts.length - 1] += char
    }
    return parts
  }

  it('breaks exactly where the octets run out, for ASCII, umlauts, CJK, emoji and broken surrogates', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', ' ', 'ä', 'ß', '€', '語', '🎉', '👩‍💻', '\ud83d'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 200 })
    const check = (title: string) => {
      const clean = title.replace(/[\\;,\r\n]/g, 'x') // nothing to escape: the summary line is the title
      const ics = taskIcs({ ...base, title: clean })
      const summary = ics.slice(ics.indexOf('SUMMARY;'), ics.indexOf('\r\nDESCRIPTION;')).split('\r\n ')
      expect(summary).toEqual(foldedAsOctets(`SUMMARY;LANGUAGE=de:${clean}`))
    }
    fc.assert(fc.property(text, check), { numRuns: 300 })
    // "SUMMARY;LANGUAGE=de:" is 20 octets: titles of 55 and 56 make lines of 75 and 76.
    for (const n of [54, 55, 56, 57, 129, 130, 131]) check('a'.repeat(n))
  })
})

describe('dates', () => {
  it.each([
    ['2026-12-31', '20270101'],
    ['2028-02-28', '20280229'],
    ['2027-02-28', '20270301'],
  ])('due %s ends on %s', (due, end) => {
    expect(taskIcs({ ...base, due })).toContain(`\r\nDTEND;VALUE=DATE:${end}\r\n`)
  })

  it('refuses a malformed date or stamp (a programmer error: the schema validated them)', () => {
    expect(() => taskIcs({ ...base, due: '10.12.2026' })).toThrow(/YYYY-MM-DD/)
    expect(() => taskIcs({ ...base, stamp: '2026-12-03T09:00:00Z' })).toThrow(/stamp/)
  })

  it('writes the language', () => {
    expect(taskIcs({ ...base, lang: 'en' })).toContain('SUMMARY;LANGUAGE=en:')
  })
})
