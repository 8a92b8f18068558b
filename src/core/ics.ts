// A calendar file (RFC 5545) reminding a colleague of one homework task's due date.

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
  if (!/^\d{8}T\d{6}Z$/.test(stamp)) throw new Error(`taskIcs: stamp must be YYYYMMDDTHHMMSSZ, got ${stamp}`)
  const start = compactDate(due, 0)
  const text = description.trim() ? `${description.trim()}\n\n${url}` : url
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${escapeText(organisation)}//updeck//${lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
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

/** `YYYY-MM-DD` plus `days`, as YYYYMMDD; plain calendar arithmetic in UTC, no clock. */
function compactDate(date: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new Error(`taskIcs: due must be YYYY-MM-DD, got ${date}`)
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days))
  return d.toISOString().slice(0, 10).replaceAll('-', '')
}

/** RFC 5545 3.3.11: backslash, semicolon and comma escaped; any line break becomes \n. */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()

/** RFC 5545 3.1: lines of at most 75 octets, continued after CRLF + space; never inside a character. */
function fold(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    const limit = parts.length === 0 ? 75 : 74 // continuation lines start with the space
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}
