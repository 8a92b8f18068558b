// The editorial plan's grid: which months, which departments, which decks where, who is overdue.
import { describe, expect, it } from 'vitest'
import type { Deck, Task } from '../../src/core/model.ts'
import { departmentKey, departmentNames, monthWindow, planGrid, type PlanGrid } from '../../src/core/plan.ts'
import { renderIndex } from '../../src/core/render-index.ts'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { resolveOptions } from '../../src/vite/options.ts'

function deck(slug: string, date: string, audience: string, tasks = 1, title = slug): Deck {
  const url = 'https://example.com/'
  const task: Task = { kind: 'follow', title: 'Folgen', url, target: url, links: { qr: url, slide: url, 'homework-page': url, newsletter: url }, line: 1, qrLevel: 'M' }
  return {
    file: `${slug}.md`,
    slug,
    meta: { title, date, audience, duration: 5, theme: 'default', lang: 'de' },
    slides: [],
    homework: Array.from({ length: tasks }, () => task),
    durationAt: { line: 1, col: 1 },
    defaultHomework: false,
  }
}

const TODAY = '2026-12-05'
const row = (grid: PlanGrid, name: string) => {
  const found = grid.rows.find((r) => r.name === name)
  if (!found) throw new Error(`no row ${name} in ${grid.rows.map((r) => r.name).join(', ')}`)
  return found
}
/** The month (YYYY-MM) of each deck in a row, as slug → month. */
const placed = (grid: PlanGrid, name: string) =>
  Object.fromEntries(row(grid, name).cells.flatMap((cell, i) => cell.map((d) => [d.slug, grid.months[i]!.month])))

describe('monthWindow', () => {
  it.each([
    ['2026-12-05', '2026-06', '2027-06'],
    ['2026-01-31', '2025-07', '2026-07'],
    ['2026-07-01', '2026-01', '2027-01'],
    ['2027-06-30', '2026-12', '2027-12'],
  ])('today %s: thirteen months from %s to %s, today’s in the middle', (today, first, last) => {
    const months = monthWindow(today)
    expect(months).toHaveLength(13)
    expect(months[0]!.month).toBe(first)
    expect(months[12]!.month).toBe(last)
    expect(months.filter((m) => m.current)).toEqual([{ month: today.slice(0, 7), current: true }])
    expect(months[6]!.current).toBe(true)
  })
})

describe('planGrid', () => {
  const decks = [
    deck('vertrieb/juli', '2026-07-02', 'Vertrieb', 3, 'Auftakt'),
    deck('vertrieb/dez-b', '2026-12-03', 'Vertrieb', 4, 'Zweites Update'),
    deck('vertrieb/dez-a', '2026-12-03', 'Vertrieb', 2, 'Erstes Update'),
    deck('vertrieb/feb', '2027-02-04', 'Vertrieb', 1),
    deck('personal/start', '2026-09-10', ' personal ', 2),
    deck('engineering/blog', '2027-01-14', 'Engineering', 1),
    deck('gf/strategie', '2026-11-20', 'Geschäftsführung', 2),
    deck('einkauf/alt', '2026-03-12', 'Einkauf', 1),
    deck('einkauf/neu', '2027-09-01', 'Einkauf', 1),
  ]
  const grid = planGrid(decks, { today: TODAY, departments: ['Vertrieb', 'Personal', 'Engineering', 'Einkauf', 'Marketing'], staleAfterWeeks: 8 })

  it('lists the departments in the option’s order, then audiences not on the list', () => {
    expect(grid.rows.map((r) => [r.name, r.listed])).toEqual([
      ['Vertrieb', true],
      ['Personal', true],
      ['Engineering', true],
      ['Einkauf', true],
      ['Marketing', true],
      ['Geschäftsführung', false],
    ])
  })

  it('puts each deck into its department’s month, with title, date and number of tasks', () => {
    expect(placed(grid, 'Vertrieb')).toEqual({ 'vertrieb/juli': '2026-07', 'vertrieb/dez-a': '2026-12', 'vertrieb/dez-b': '2026-12', 'vertrieb/feb': '2027-02' })
    const december = row(grid, 'Vertrieb').cells[6]!
    expect(december).toEqual([
      { slug: 'vertrieb/dez-a', title: 'Erstes Update', date: '2026-12-03', tasks: 2, lang: 'de', past: true },
      { slug: 'vertrieb/dez-b', title: 'Zweites Update', date: '2026-12-03', tasks: 4, lang: 'de', past: true },
    ])
    expect(row(grid, 'Engineering').cells[7]).toEqual([{ slug: 'engineering/blog', title: 'engineering/blog', date: '2027-01-14', tasks: 1, lang: 'de', past: false }])
    expect(grid.rows.every((r) => r.cells.length === 13)).toBe(true)
  })

  it('matches an audience to a department ignoring case and spaces', () => {
    expect(placed(grid, 'Personal')).toEqual({ 'personal/start': '2026-09' })
    expect(departmentKey('  Human   Resources ')).toBe(departmentKey('human resources'))
  })

  it('leaves decks outside the window out of the cells, but counts them as visits', () => {
    const einkauf = row(grid, 'Einkauf')
    expect(placed(grid, 'Einkauf')).toEqual({})
    expect(einkauf.lastVisit).toBe('2026-03-12')
    expect(einkauf.nextVisit).toBe('2027-09-01')
    expect(einkauf.status).toBe('stale')
  })

  it('gives last and next visit around today', () => {
    expect(row(grid, 'Vertrieb')).toMatchObject({ lastVisit: '2026-12-03', nextVisit: '2027-02-04', daysSince: 2, status: 'fresh' })
    expect(row(grid, 'Personal')).toMatchObject({ lastVisit: '2026-09-10', daysSince: 86, status: 'stale' })
    expect(row(grid, 'Personal').nextVisit).toBeUndefined()
  })

  it('marks departments never visited: listed without decks, or with planned decks only', () => {
    expect(row(grid, 'Marketing')).toMatchObject({ status: 'never', cells: Array(13).fill([]) })
    expect(row(grid, 'Marketing').lastVisit).toBeUndefined()
    expect(row(grid, 'Engineering')).toMatchObject({ status: 'never', nextVisit: '2027-01-14' })
  })

  it('keeps an audience not on the list, marked, with its own decks', () => {
    expect(row(grid, 'Geschäftsführung')).toMatchObject({ listed: false, status: 'fresh', lastVisit: '2026-11-20' })
    expect(placed(grid, 'Geschäftsführung')).toEqual({ 'gf/strategie': '2026-11' })
  })
})

describe('stale: staleAfterWeeks × 7 days from the last visit to today', () => {
  const statusOn = (lastVisit: string, staleAfterWeeks = 8) => planGrid([deck('a', lastVisit, 'A')], { today: TODAY, departments: [], staleAfterWeeks }).rows[0]!.status
  it.each([
    ['2026-10-11', 8, 'fresh'], // 55 days
    ['2026-10-10', 8, 'stale'], // 56 days: exactly eight weeks
    ['2026-12-05', 8, 'fresh'], // a meeting today is a visit
    ['2026-11-28', 1, 'stale'], // 7 days, one week
    ['2026-11-29', 1, 'fresh'],
    ['2026-12-06', 8, 'never'], // tomorrow: planned, not visited
  ])('last meeting %s, after %i weeks: %s', (date, weeks, status) => {
    expect(statusOn(date, weeks)).toBe(status)
  })

  it('counts calendar days across a year and a leap day', () => {
    const grid = planGrid([deck('a', '2028-01-03', 'A')], { today: '2028-02-28', departments: [], staleAfterWeeks: 8 })
    expect(grid.rows[0]).toMatchObject({ daysSince: 56, status: 'stale' })
    const leap = planGrid([deck('a', '2028-01-04', 'A')], { today: '2028-03-01', departments: [], staleAfterWeeks: 8 })
    expect(leap.rows[0]).toMatchObject({ daysSince: 57, status: 'stale' })
  })
})

describe('departments spelled', () => {
  it('as the option writes them; unlisted ones as their latest deck does, alphabetically', () => {
    const grid = planGrid([deck('b', '2026-10-01', 'zentrale'), deck('c', '2026-11-01', 'Zentrale'), deck('a', '2026-11-02', 'vertrieb'), deck('d', '2026-11-03', 'Ärzte')], {
      today: TODAY,
      departments: ['Vertrieb'],
      staleAfterWeeks: 8,
    })
    expect(grid.rows.map((r) => [r.name, r.listed])).toEqual([
      ['Vertrieb', true],
      ['Ärzte', false],
      ['Zentrale', false],
    ])
  })

  it('without a list, every audience is a row of its own, none marked', () => {
    const grid = planGrid([deck('a', '2026-11-01', 'Vertrieb'), deck('b', '2026-11-01', 'Einkauf')], { today: TODAY, departments: [], staleAfterWeeks: 8 })
    expect(grid.rows.map((r) => [r.name, r.listed])).toEqual([
      ['Einkauf', true],
      ['Vertrieb', true],
    ])
  })

  it('a department listed twice is one row', () => {
    const grid = planGrid([], { today: TODAY, departments: ['Vertrieb', 'vertrieb '], staleAfterWeeks: 8 })
    expect(grid.rows.map((r) => r.name)).toEqual(['Vertrieb'])
  })
})

describe('the index groups and filters departments as the plan names them', () => {
  type Node = DefaultTreeAdapterMap['node']
  const elements = (node: Node, tag: string): DefaultTreeAdapterMap['element'][] => {
    const own = 'tagName' in node && node.tagName === tag ? [node as DefaultTreeAdapterMap['element']] : []
    return [...own, ...('childNodes' in node ? node.childNodes.flatMap((c) => elements(c, tag)) : [])]
  }
  const textOf = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '')
  const decks = [deck('a', '2026-11-01', 'vertrieb'), deck('b', '2026-11-20', 'Vertrieb'), deck('c', '2026-10-01', 'R&D "Labs" #1 = x'), deck('d', '2026-10-02', 'r&d "labs"  #1 = x')]

  it('one name per department: the option’s spelling, else the latest deck’s', () => {
    expect(departmentNames(decks, ['VERTRIEB'])('vertrieb')).toBe('VERTRIEB')
    expect(departmentNames(decks, [])('vertrieb')).toBe('Vertrieb')
    expect(departmentNames(decks, [])('R&D "Labs" #1 = x')).toBe('r&d "labs"  #1 = x')
  })

  it('audiences differing in case or spaces are one group and one filter option, not two', () => {
    const site = resolveOptions({ departments: ['Vertrieb'] })
    const html = renderIndex(decks, { site, base: './', today: TODAY, stamp: '20261205T120000Z', assets: { deckJs: [], deckCss: {}, pageCss: [], image: (p) => p } })
    const doc = parse(html)
    const options = elements(doc, 'option').map((o) => o.attrs.find((a) => a.name === 'value')!.value)
    expect(options).toEqual(['', 'r&d "labs"  #1 = x', 'Vertrieb'])
    expect(elements(doc, 'h3').map(textOf)).toEqual(['r&d "labs"  #1 = x', 'Vertrieb'])
    // Every card carries its group's name, which the filter compares with the menu.
    const audiences = elements(doc, 'li').flatMap((li) => li.attrs.filter((a) => a.name === 'data-audience').map((a) => a.value))
    expect(audiences.sort()).toEqual(['Vertrieb', 'Vertrieb', 'r&d "labs"  #1 = x', 'r&d "labs"  #1 = x'])
  })
})

describe('site options departments and staleAfterWeeks', () => {
  it('default to no list and eight weeks', () => {
    expect(resolveOptions({})).toMatchObject({ departments: [], staleAfterWeeks: 8 })
  })

  it.each([
    [{ staleAfterWeeks: 0 }, 'vite.config.ts updeck() staleAfterWeeks: must be at least 1'],
    [{ staleAfterWeeks: 2.5 }, 'vite.config.ts updeck() staleAfterWeeks: must be a whole number'],
    [{ departments: ['Vertrieb', ' '] }, 'vite.config.ts updeck() departments.2: must not be empty'],
  ])('refuse %o with a message naming the option', (options, message) => {
    expect(() => resolveOptions(options)).toThrow(message)
  })
})
