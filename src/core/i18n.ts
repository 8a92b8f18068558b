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
    takeAlong: 'Mitnehmen',
    takeAlongHtml: 'HTML-Datei',
    takeAlongPdf: 'PDF',
    takeAlongHandout: 'Aushang (PDF)',
    minutes: 'Min.',
    forwarding: 'Weiterleitung zu',
    sharedText: 'Dieser Text wird geteilt:',
    kinds: { profile: 'Profil pflegen', account: 'Konto anlegen', blog: 'Blogbeitrag schreiben', share: 'Beitrag teilen', follow: 'Folgen', link: 'Link öffnen' },
    none: 'Noch keine Präsentationen.',
    plan: 'Redaktionsplan',
    planIntro: 'Welche Abteilung wann von uns gehört hat: sechs Monate zurück, sechs voraus.',
    department: 'Abteilung',
    today: 'Heute',
    task: 'Aufgabe',
    taskPlural: 'Aufgaben',
    lastVisit: 'Zuletzt',
    nextVisit: 'Nächster Termin',
    stale: 'Überfällig',
    neverVisited: 'Noch nie besucht',
    weekAgo: 'vor 1 Woche',
    weeksAgo: 'vor # Wochen',
    staleRule: 'seit # Wochen oder länger kein Termin (bis heute gezählt);',
    neverRule: 'bis heute kein Termin.',
    notListed: 'Nicht in der Abteilungsliste',
    meetings: 'Termine',
    subscribe: 'Alle Termine als Kalender (Outlook)',
    subscribeNote: 'Abonnieren geht nur, wenn die Seite auf einem Webserver liegt, nicht von file://: in Outlook „Kalender hinzufügen → Aus dem Internet“ mit der Adresse dieses Links',
    noDepartments: 'Noch keine Abteilungen: Präsentationen (audience) oder die Einstellung departments füllen den Plan.',
    topics: 'Die Themen',
    viewDeck: 'Präsentation ansehen',
    shareOn: 'Auf {network} teilen',
    newsletter: 'Für den Newsletter',
    copyForNewsletter: 'Für den Newsletter kopieren',
    copied: 'Kopiert',
    copyFailed: 'Kopieren nicht möglich: bitte newsletter.html öffnen und von dort kopieren',
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
    takeAlong: 'Take along',
    takeAlongHtml: 'HTML file',
    takeAlongPdf: 'PDF',
    takeAlongHandout: 'Notice sheet (PDF)',
    minutes: 'min',
    forwarding: 'Forwarding to',
    sharedText: 'This is the text you share:',
    kinds: { profile: 'Update your profile', account: 'Create an account', blog: 'Write a blog post', share: 'Share a post', follow: 'Follow', link: 'Open the link' },
    none: 'No presentations yet.',
    plan: 'Editorial plan',
    planIntro: 'Which department heard from us when: six months back, six ahead.',
    department: 'Department',
    today: 'Today',
    task: 'task',
    taskPlural: 'tasks',
    lastVisit: 'Last',
    nextVisit: 'Next meeting',
    stale: 'Overdue',
    neverVisited: 'Never visited',
    weekAgo: '1 week ago',
    weeksAgo: '# weeks ago',
    staleRule: 'no meeting for # weeks or more (counted to today);',
    neverRule: 'no meeting up to today.',
    notListed: 'Not in the department list',
    meetings: 'Meetings',
    subscribe: 'All meetings as a calendar (Outlook)',
    subscribeNote: 'Subscribing works only when the site is on a web server, not from file://: in Outlook "Add calendar → From Internet" with the address of this link',
    noDepartments: 'No departments yet: decks (audience) or the departments setting fill the plan.',
    topics: 'Topics',
    viewDeck: 'View the presentation',
    shareOn: 'Share on {network}',
    newsletter: 'For the newsletter',
    copyForNewsletter: 'Copy for newsletter',
    copied: 'Copied',
    copyFailed: 'Could not copy: open newsletter.html and copy from there',
    allDepartments: 'All departments',
    searchTitle: 'Search titles',
    noMatch: 'No presentation matches.',
  },
} satisfies Record<Lang, Record<string, string | Record<TaskKind, string>>>

export type Words = (typeof WORDS)['de']

export const NETWORK_NAMES: Record<Network, string> = { linkedin: 'LinkedIn', x: 'X', xing: 'XING', mastodon: 'Mastodon' }

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTHS_DE = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dez.']

/** 2026-12 → "Dez. 2026" (de) or "Dec 2026" (en). */
export function formatMonth(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${(lang === 'de' ? MONTHS_DE : MONTHS_EN)[m - 1]} ${y}`
}
const WEEKDAYS = { de: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] }

/** 2026-12-03 → "Do, 03.12.2026" (de) or "Thu, 3 Dec 2026" (en). */
export function formatDate(iso: string, lang: Lang, weekday = false): string {
  // A site has few dates, each formatted on several pages: remembered by what decides the answer.
  const key = `${iso} ${lang} ${weekday}`
  let formatted = FORMATTED.get(key)
  if (formatted === undefined) FORMATTED.set(key, (formatted = formatDay(iso, lang, weekday)))
  return formatted
}

const FORMATTED = new Map<string, string>()

function formatDay(iso: string, lang: Lang, weekday: boolean): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const day = weekday ? `${WEEKDAYS[lang][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ` : ''
  return lang === 'de'
    ? `${day}${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`
    : `${day}${d} ${MONTHS_EN[m - 1]} ${y}`
}
