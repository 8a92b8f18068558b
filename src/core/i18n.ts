// The product's own words in German and English, and dates the way each language writes them.
import type { Lang, Network, TaskKind } from './frontmatter.ts'

export const WORDS = {
  de: {
    homework: 'Social Hausaufgabe',
    homeworkPage: 'Alle Aufgaben mit Details',
    due: 'bis',
    open: 'Jetzt öffnen',
    addToCalendar: 'Erinnerung in den Kalender',
    scan: 'Mit dem Handy scannen',
    upcoming: 'Anstehende Termine',
    past: 'Vergangene Termine',
    decks: 'Präsentationen',
    presenter: 'Präsentiert von',
    tasks: 'Aufgaben',
    backToDeck: 'Zur Präsentation',
    backToIndex: 'Alle Präsentationen',
    minutes: 'Min.',
    forwarding: 'Weiterleitung zu',
    sharedText: 'Dieser Text wird geteilt:',
    kinds: { profile: 'Profil pflegen', account: 'Konto anlegen', blog: 'Blogbeitrag schreiben', share: 'Beitrag teilen', follow: 'Folgen', link: 'Link öffnen' },
    none: 'Noch keine Präsentationen.',
    topics: 'Die Themen',
    viewDeck: 'Präsentation ansehen',
    shareOn: 'Auf {network} teilen',
    newsletter: 'Für den Newsletter',
    copyForNewsletter: 'Für den Newsletter kopieren',
    copied: 'Kopiert',
    copyFailed: 'Kopieren nicht möglich: bitte newsletter.html öffnen und von dort kopieren',
    department: 'Abteilung',
    allDepartments: 'Alle Abteilungen',
    searchTitle: 'Titel suchen',
    noMatch: 'Keine Präsentation passt zur Auswahl.',
  },
  en: {
    homework: 'Social homework',
    homeworkPage: 'All tasks with details',
    due: 'by',
    open: 'Open now',
    addToCalendar: 'Add reminder to calendar',
    scan: 'Scan with your phone',
    upcoming: 'Upcoming meetings',
    past: 'Past meetings',
    decks: 'Presentations',
    presenter: 'Presented by',
    tasks: 'Tasks',
    backToDeck: 'Back to the presentation',
    backToIndex: 'All presentations',
    minutes: 'min',
    forwarding: 'Forwarding to',
    sharedText: 'This is the text you share:',
    kinds: { profile: 'Update your profile', account: 'Create an account', blog: 'Write a blog post', share: 'Share a post', follow: 'Follow', link: 'Open the link' },
    none: 'No presentations yet.',
    topics: 'Topics',
    viewDeck: 'View the presentation',
    shareOn: 'Share on {network}',
    newsletter: 'For the newsletter',
    copyForNewsletter: 'Copy for newsletter',
    copied: 'Copied',
    copyFailed: 'Could not copy: open newsletter.html and copy from there',
    department: 'Department',
    allDepartments: 'All departments',
    searchTitle: 'Search titles',
    noMatch: 'No presentation matches.',
  },
} satisfies Record<Lang, Record<string, string | Record<TaskKind, string>>>

export type Words = (typeof WORDS)['de']

export const NETWORK_NAMES: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X', xing: 'XING', mastodon: 'Mastodon' }

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = { de: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] }

/** 2026-12-03 → "Do, 03.12.2026" (de) or "Thu, 3 Dec 2026" (en). */
export function formatDate(iso: string, lang: Lang, weekday = false): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const day = weekday ? `${WEEKDAYS[lang][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ` : ''
  return lang === 'de'
    ? `${day}${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`
    : `${day}${d} ${MONTHS_EN[m - 1]} ${y}`
}
