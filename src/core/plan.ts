// The editorial plan's data: departments × months, from the decks' audience and date and nothing else.
import type { Deck } from './model.ts'

export interface PlanOptions {
  /** YYYY-MM-DD. */
  today: string
  /** The site's `departments`: listed first, in this order, visited or not. */
  departments: readonly string[]
  /** The site's `staleAfterWeeks`. */
  staleAfterWeeks: number
}

export interface PlanMonth {
  /** YYYY-MM. */
  month: string
  /** The month that holds today. */
  current: boolean
}

export interface PlanDeck {
  slug: string
  title: string
  date: string
  tasks: number
  lang: Deck['meta']['lang']
  /** Dated before today (a deck of today counts as a visit, see `lastVisit`). */
  past: boolean
}

/**
 * `never`: no deck dated today or earlier. `stale`: the last one is `staleAfterWeeks` × 7 days
 * before today or longer ago. `fresh`: otherwise. Planned decks do not change the status.
 */
export type PlanStatus = 'fresh' | 'stale' | 'never'

export interface PlanRow {
  /** As written in `departments`, else as written in the department's latest deck. */
  name: string
  /** False when `departments` is not empty and does not name this audience (a typo, or a new one). */
  listed: boolean
  /** One list per month of `PlanGrid.months`, each sorted by date, then title. */
  cells: PlanDeck[][]
  /** Date of the latest deck dated today or earlier, also outside the window. */
  lastVisit?: string
  /** Date of the earliest deck dated after today, also outside the window. */
  nextVisit?: string
  /** Whole days from `lastVisit` to today. */
  daysSince?: number
  status: PlanStatus
}

export interface PlanGrid {
  today: string
  staleAfterWeeks: number
  /** Thirteen months: six before today's month, today's, six after. */
  months: PlanMonth[]
  rows: PlanRow[]
}

let collator: Intl.Collator | undefined

/**
 * Titles and department names in German order: what localeCompare(…, 'de') gives, one collator for
 * all, made when first used (loading ICU's collation took 10 ms of a build that renders no site page).
 */
export const GERMAN = { compare: (a: string, b: string): number => (collator ??= new Intl.Collator('de')).compare(a, b) }

const keys = new Map<string, string>()

/** How audiences match departments: case, surrounding and repeated white space and Unicode form ignored. */
export function departmentKey(name: string): string {
  let key = keys.get(name) // a site has a few audiences, named on every deck
  if (key === undefined) {
    if (keys.size >= 1_000) keys.clear()
    key = name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('de')
    keys.set(name, key)
  }
  return key
}

/**
 * The name each audience goes by, shared by the plan's rows and the index's groups and filter: the
 * spelling of `departments` when listed there, else that of the department's latest deck.
 * @example departmentNames(decks, ['Vertrieb'])('vertrieb ') // 'Vertrieb'
 */
export function departmentNames(decks: readonly Pick<Deck, 'meta'>[], departments: readonly string[]): (audience: string) => string {
  const names = new Map<string, string>()
  for (const name of departments) if (!names.has(departmentKey(name))) names.set(departmentKey(name), name.trim())
  const listed = new Set(names.keys())
  const byDate = [...decks].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || GERMAN.compare(a.meta.title, b.meta.title))
  for (const deck of byDate) if (!listed.has(departmentKey(deck.meta.audience))) names.set(departmentKey(deck.meta.audience), deck.meta.audience)
  return (audience) => names.get(departmentKey(audience)) ?? audience
}

/**
 * Rows: the listed departments in their order, then every other audience alphabetically.
 * @example planGrid(decks, { today: '2026-12-05', departments: ['Vertrieb', 'Einkauf'], staleAfterWeeks: 8 })
 */
export function planGrid(decks: readonly Deck[], options: PlanOptions): PlanGrid {
  const { today, staleAfterWeeks } = options
  if (!Number.isInteger(staleAfterWeeks) || staleAfterWeeks < 1) throw new Error(`planGrid: staleAfterWeeks must be a positive integer, got ${staleAfterWeeks}`)
  const months = monthWindow(today)
  const groups = new Map<string, { name: string; listed: boolean; decks: Deck[] }>()
  for (const name of options.departments) {
    const key = departmentKey(name)
    if (!groups.has(key)) groups.set(key, { name: name.trim(), listed: true, decks: [] })
  }
  const listedAny = groups.size > 0
  const byDate = [...decks].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || GERMAN.compare(a.meta.title, b.meta.title))
  const unlisted: string[] = []
  for (const deck of byDate) {
    const key = departmentKey(deck.meta.audience)
    let group = groups.get(key)
    if (!group) {
      group = { name: '', listed: !listedAny, decks: [] }
      groups.set(key, group)
      unlisted.push(key)
    }
    if (!group.listed || !listedAny) group.name = deck.meta.audience // the latest spelling wins
    group.decks.push(deck)
  }
  const order = [...options.departments.map(departmentKey), ...unlisted.sort((a, b) => GERMAN.compare(groups.get(a)!.name, groups.get(b)!.name))]
  const rows = [...new Set(order)].map((key) => planRow(groups.get(key)!, months, today, staleAfterWeeks))
  return { today, staleAfterWeeks, months, rows }
}

function planRow(group: { name: string; listed: boolean; decks: Deck[] }, months: PlanMonth[], today: string, staleAfterWeeks: number): PlanRow {
  const cells = months.map(({ month }) =>
    group.decks
      .filter((d) => d.meta.date.startsWith(`${month}-`))
      .map((d): PlanDeck => ({ slug: d.slug, title: d.meta.title, date: d.meta.date, tasks: d.homework.length, lang: d.meta.lang, past: d.meta.date < today })),
  )
  const lastVisit = group.decks.filter((d) => d.meta.date <= today).at(-1)?.meta.date
  const nextVisit = group.decks.find((d) => d.meta.date > today)?.meta.date
  const row: PlanRow = { name: group.name, listed: group.listed, cells, status: 'never' }
  if (nextVisit) row.nextVisit = nextVisit
  if (lastVisit) {
    const daysSince = dayNumber(today) - dayNumber(lastVisit)
    Object.assign(row, { lastVisit, daysSince, status: daysSince >= staleAfterWeeks * 7 ? 'stale' : 'fresh' })
  }
  return row
}

/** YYYY-MM of today's month and the six months on either side. */
export function monthWindow(today: string): PlanMonth[] {
  const [year, month] = today.split('-').map(Number) as [number, number]
  return Array.from({ length: 13 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 + i - 6, 1))
    return { month: d.toISOString().slice(0, 7), current: i === 6 }
  })
}

/** Days since 1970-01-01 of a YYYY-MM-DD date: calendar arithmetic, no clock. */
export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new Error(`dayNumber: expected YYYY-MM-DD, got ${date}`)
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000
}
