// Calendar files (RFC 5545): one homework task's due date, and every meeting of the site (meetings.ics).

/*
 * Why not the `ics` npm package (3.12, evaluated): it folds lines after 75 *characters*
 * (dist/utils/fold-line.js counts code points with runes2), not 75 octets, so a German summary
 * with umlauts or an emoji yields lines of 150 octets and more; it pulls in yup, nanoid and runes2
 * (yup duplicates zod); it is CommonJS only; and it fills DTSTAMP from Date.now() unless told
 * otherwise. What we need is one all-day event: ~60 lines are clearer than that.
 */

export interface TaskIcsInput {
  /** Stable across builds, e.g. `<slug>-<n>@<host>`, so re-importing updates instead of duplicating. */
  uid: string
  title: string
  description: string
  url: string
  /** YYYY-MM-DD: the all-day event's day. */
  due: string
  lang: 'de' | 'en'
  organisation: string
  /** DTSTAMP, YYYYMMDDTHHMMSSZ: passed in because the core has no clock. */
  stamp: string
}

/**
 * One all-day VEVENT on the due date with a display reminder.
 *
 * The reminder fires at 09:00 the day before (TRIGGER:-PT15H from the day's 00:00, local time as
 * all-day dates float). Outlook ignores alarms after an event's start, so "09:00 on the day"
 * (TRIGGER:PT9H) would be lost there; a day's notice also leaves time to do the task. Google
 * Calendar may apply the user's default all-day notification instead of ours on import.
 * @example taskIcs({ uid: 'vertrieb-1@intranet', title: 'Xing-Profil aktualisieren', … })
 */
export function taskIcs(input: TaskIcsInput): string {
  const { uid, title, description, url, due, lang, organisation, stamp } = input
  checkStamp(stamp)
  const start = compactDate(due, 0)
  const text = description.trim() ? `${description.trim()}\n\n${url}` : url
  const lines = [
    ...calendarHead(organisation, lang),
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${compactDate(due, 1)}`, // exclusive end: Outlook needs it for an all-day event
    `SUMMARY;LANGUAGE=${lang}:${escapeText(title)}`,
    `DESCRIPTION;LANGUAGE=${lang}:${escapeText(text)}`,
    `URL:${url}`, // a URI value: not TEXT-escaped
    'TRANSP:TRANSPARENT', // homework does not make the day busy
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(title)}`,
    'TRIGGER:-PT15H',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}

export interface MeetingEvent {
  /** Stable across builds, e.g. `<slug>@<host>`: a subscribed or re-imported calendar updates the event. */
  uid: string
  title: string
  description: string
  /** An absolute http(s) address, when the site has one. */
  url?: string | undefined
  /** YYYY-MM-DD: the all-day event's day. */
  date: string
  lang: 'de' | 'en'
  /** The audience, as the event's category. */
  category: string
}

export interface MeetingsIcsInput {
  /** X-WR-CALNAME: the name a subscribed calendar gets in Outlook, Apple and Google Calendar. */
  name: string
  lang: 'de' | 'en'
  organisation: string
  /** DTSTAMP, YYYYMMDDTHHMMSSZ: the build's time. */
  stamp: string
  events: readonly MeetingEvent[]
}

/**
 * A calendar to subscribe to: one all-day, free-time VEVENT per meeting. Every build stamps the
 * events with its time (DTSTAMP) and a SEQUENCE that grows with it (minutes since 2000), so a
 * client that imported an earlier build takes each event as the newer version of the same UID
 * (RFC 5546 2.1.5) instead of a duplicate; a subscription reloads every 12 hours.
 * @example meetingsIcs({ name: 'Muster GmbH: Termine', lang: 'de', organisation: 'Muster GmbH', stamp, events })
 */
export function meetingsIcs(input: MeetingsIcsInput): string {
  const { name, lang, organisation, stamp, events } = input
  checkStamp(stamp)
  const sequence = sequenceOf(stamp)
  const lines = [
    ...calendarHead(organisation, lang),
    `X-WR-CALNAME:${escapeText(name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
    ...events.flatMap((event) => [
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${sequence}`,
      `DTSTART;VALUE=DATE:${compactDate(event.date, 0)}`,
      `DTEND;VALUE=DATE:${compactDate(event.date, 1)}`,
      `SUMMARY;LANGUAGE=${event.lang}:${escapeText(event.title)}`,
      `DESCRIPTION;LANGUAGE=${event.lang}:${escapeText(event.description)}`,
      ...(event.url ? [`URL:${event.url}`] : []),
      `CATEGORIES:${escapeText(event.category)}`,
      'TRANSP:TRANSPARENT', // a marker on the day, not a day blocked
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}

function calendarHead(organisation: string, lang: 'de' | 'en'): string[] {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//${escapeText(organisation)}//updeck//${lang.toUpperCase()}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
}

function checkStamp(stamp: string): void {
  if (!/^\d{8}T\d{6}Z$/.test(stamp)) throw new Error(`ics: stamp must be YYYYMMDDTHHMMSSZ, got ${stamp}`)
}

/** Whole minutes from 2000-01-01T00:00Z to the stamp: grows with every later build, fits 32 bits until 6000. */
function sequenceOf(stamp: string): number {
  const [, y, mo, d, h, mi] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(stamp)!.map(Number) as number[]
  return Math.max(0, Math.floor((Date.UTC(y!, mo! - 1, d!, h!, mi!) - Date.UTC(2000, 0, 1)) / 60_000))
}

/** `YYYY-MM-DD` plus `days`, as YYYYMMDD; plain calendar arithmetic in UTC, no clock. */
function compactDate(date: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new Error(`ics: dates must be YYYY-MM-DD, got ${date}`)
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days))
  return d.toISOString().slice(0, 10).replaceAll('-', '')
}

/** RFC 5545 3.3.11: backslash, semicolon and comma escaped; any line break becomes \n. */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n')
}

/** RFC 5545 3.1: lines of at most 75 octets, continued after CRLF + space; never inside a character. */
function fold(line: string): string {
  if (line.length <= 75 && /^[\x00-\x7f]*$/.test(line)) return line // most lines: short ASCII
  const parts: string[] = []
  let start = 0
  let octets = 0
  let limit = 75 // continuation lines start with the space: 74 after the first
  for (let i = 0; i < line.length; ) {
    const code = line.codePointAt(i)!
    // UTF-8 octets of the code point; a lone surrogate is written as U+FFFD, 3 octets.
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    if (octets + size > limit) {
      parts.push(line.slice(start, i))
      start = i
      octets = 0
      limit = 74
    }
    octets += size
    i += code > 0xffff ? 2 : 1
  }
  parts.push(line.slice(start))
  return parts.join('\r\n ')
}
