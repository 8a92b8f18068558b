// plan/index.html: the editorial plan, departments × months, with today marked and overdue departments flagged.
import { escapeHtml } from './escape-html.ts'
import type { Lang } from './frontmatter.ts'
import { formatDate, formatMonth, WORDS, type Words } from './i18n.ts'
import { MEETINGS_PATH } from './meetings.ts'
import type { Deck } from './model.ts'
import { pageShell } from './page-shell.ts'
import { dayNumber, planGrid, type PlanDeck, type PlanGrid, type PlanRow } from './plan.ts'
import type { SiteContext } from './site-context.ts'
import { siteHref } from './urls.ts'

export const PLAN_PATH = 'plan/index.html'

export function renderPlan(decks: readonly Deck[], ctx: SiteContext): string {
  const lang = ctx.site.lang
  const words = WORDS[lang]
  const grid = planGrid(decks, { today: ctx.today, departments: ctx.site.departments, staleAfterWeeks: ctx.site.staleAfterWeeks })
  const href = (target: string) => escapeHtml(siteHref(ctx.base, PLAN_PATH, target))
  const calendar = ctx.site.siteUrl ? ` <code>${escapeHtml(`${ctx.site.siteUrl}${MEETINGS_PATH}`)}</code>` : ''
  const title = `${ctx.site.organisation}: ${words.plan}`
  const body = `<header>
<p class="crumbs"><a href="${href('')}">${words.backToIndex}</a></p>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${words.planIntro} ${words.today}: <time datetime="${grid.today}">${formatDate(grid.today, lang, true)}</time>.</p>
</header>
<main>
${grid.rows.length === 0 ? `<p>${words.noDepartments}</p>` : planTable(grid, lang, (d) => href(`${d.slug}/`))}
<p class="legend"><span class="status stale">${words.stale}</span> ${words.staleRule.replace('#', String(grid.staleAfterWeeks))} <span class="status never">${words.neverVisited}</span> ${words.neverRule}</p>
<p class="subscribe"><a class="ics" href="${href(MEETINGS_PATH)}">${words.subscribe}</a> <span>${words.subscribeNote}${calendar ? `:${calendar}` : '.'}</span></p>
</main>`
  return pageShell({ lang, title, css: ctx.assets.pageCss.map((c) => siteHref(ctx.base, PLAN_PATH, c)), body, bodyClass: 'plan', dev: ctx.dev })
}

/**
 * A table, so that screen readers announce department and month for every cell. It scrolls
 * sideways inside its own box; browsers that know `scroll-initial-target` (Chromium) open it at
 * today's month, others at the first. `--today` places the today line within the current month.
 */
function planTable(grid: PlanGrid, lang: Lang, deckHref: (d: PlanDeck) => string): string {
  const words = WORDS[lang]
  const [year, month, day] = grid.today.split('-').map(Number) as [number, number, number]
  const monthDays = dayNumber(`${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`) - dayNumber(`${grid.today.slice(0, 8)}01`)
  const todayAt = (((day - 0.5) / monthDays) * 100).toFixed(1)
  const head = grid.months
    .map((m) => {
      const today = m.current ? ` <span class="today-mark">${words.today} ${shortDate(grid.today, lang)}</span>` : ''
      return `<th scope="col" class="month${m.current ? ' current' : ''}"${m.current ? ' id="today"' : ''}><time datetime="${m.month}">${formatMonth(m.month, lang)}</time>${today}</th>`
    })
    .join('')
  const rows = grid.rows.map((row) => planRow(row, grid, words, lang, deckHref)).join('\n')
  return `<div class="plan-scroll" role="region" aria-label="${words.plan}" tabindex="0">
<table class="plan" style="--today: ${todayAt}%">
<thead><tr><th scope="col" class="dept">${words.department}</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`
}

function planRow(row: PlanRow, grid: PlanGrid, words: Words, lang: Lang, deckHref: (d: PlanDeck) => string): string {
  const status = row.status === 'fresh' ? '' : `<span class="status ${row.status}">${row.status === 'stale' ? words.stale : words.neverVisited}</span>`
  const weeks = Math.floor((row.daysSince ?? 0) / 7)
  const ago = row.status === 'stale' ? ` · <span class="ago">${weeks === 1 ? words.weekAgo : words.weeksAgo.replace('#', String(weeks))}</span>` : ''
  const last = row.lastVisit ? `<span class="visit">${words.lastVisit}: <time datetime="${row.lastVisit}">${formatDate(row.lastVisit, lang)}</time>${ago}</span>` : ''
  const next = row.nextVisit ? `<span class="visit">${words.nextVisit}: <time datetime="${row.nextVisit}">${formatDate(row.nextVisit, lang)}</time></span>` : ''
  const unlisted = row.listed ? '' : `<span class="unlisted">${words.notListed}</span>`
  const cells = row.cells
    .map((decks, i) => {
      const items = decks.map((d) => planDeck(d, words, lang, deckHref)).join('')
      return `<td${grid.months[i]!.current ? ' class="current"' : ''}>${items}</td>`
    })
    .join('')
  return `<tr class="${row.status}${row.listed ? '' : ' unlisted'}"><th scope="row" class="dept">${[`<span class="name" dir="auto">${escapeHtml(row.name)}</span>`, status, last, next, unlisted].filter(Boolean).join(' ')}</th>${cells}</tr>`
}

function planDeck(deck: PlanDeck, words: Words, lang: Lang, deckHref: (d: PlanDeck) => string): string {
  const tasks = `${deck.tasks} ${deck.tasks === 1 ? words.task : words.taskPlural}`
  return `<a class="plan-deck${deck.past ? ' past' : ''}" href="${deckHref(deck)}"><span class="title" lang="${deck.lang}" dir="auto">${escapeHtml(deck.title)}</span> <span class="when"><time datetime="${deck.date}">${shortDate(deck.date, lang)}</time> · ${tasks}</span></a>`
}

/** 2026-12-03 → "03.12." (de) or "3 Dec" (en): the column already names the year. */
function shortDate(date: string, lang: Lang): string {
  return formatDate(date, lang).replace(/ ?\d{4}$/, '')
}
