// The speaker view's words in German and English, and how it writes times, clock and pacing.

const WORDS = {
  de: {
    title: 'Sprecheransicht',
    openKey: 'Sprecheransicht öffnen',
    current: 'Aktuelle Folie',
    next: 'Nächste Folie',
    end: 'Ende der Präsentation',
    notes: 'Notizen',
    noNotes: 'Keine Notizen zu dieser Folie.',
    waiting: 'Warte auf die Präsentation … (Taste S im Präsentationsfenster)',
    time: 'Zeit',
    slideTime: 'Diese Folie',
    clock: 'Uhr',
    slide: 'Folie',
    onTime: 'Im Plan',
    behind: 'hinter Plan',
    ahead: 'vor Plan',
    start: 'Start',
    pause: 'Pause',
    resume: 'Weiter',
    reset: 'Zurücksetzen',
  },
  en: {
    title: 'Speaker view',
    openKey: 'Open the speaker view',
    current: 'Current slide',
    next: 'Next slide',
    end: 'End of the presentation',
    notes: 'Notes',
    noNotes: 'No notes for this slide.',
    waiting: 'Waiting for the presentation … (press S in the presentation window)',
    time: 'Time',
    slideTime: 'This slide',
    clock: 'Clock',
    slide: 'Slide',
    onTime: 'On time',
    behind: 'behind',
    ahead: 'ahead',
    start: 'Start',
    pause: 'Pause',
    resume: 'Resume',
    reset: 'Reset',
  },
}

export type SpeakerWords = (typeof WORDS)['de']

/** German unless the page says English; the deck format knows only `de` and `en`. */
export function speakerWords(lang: string | undefined): SpeakerWords {
  return lang?.toLowerCase().startsWith('en') ? WORDS.en : WORDS.de
}

/** Wall clock: German always 24-hour (14:05), English in the browser's own habit. */
export function clockFormat(lang: string | undefined): Intl.DateTimeFormat {
  return lang?.toLowerCase().startsWith('en')
    ? new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
    : new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

/** Whole seconds as m:ss, or h:mm:ss from an hour on. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const two = (n: number) => String(n).padStart(2, '0')
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`
}

export type Pace = 'ontime' | 'behind' | 'ahead'

/** Within this many seconds of the plan counts as on time: nobody talks to the second. */
const TOLERANCE = 5

/** The pacing verdict for seconds late (positive) or early (negative), e.g. "+0:20 hinter Plan". */
export function describePace(late: number, words: SpeakerWords): { pace: Pace; text: string } {
  if (Math.abs(late) < TOLERANCE) return { pace: 'ontime', text: words.onTime }
  return late > 0
    ? { pace: 'behind', text: `+${formatDuration(late)} ${words.behind}` }
    : { pace: 'ahead', text: `−${formatDuration(-late)} ${words.ahead}` }
}
