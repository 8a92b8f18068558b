// The site's start page: upcoming meetings first, then past ones, grouped by audience.
import { escapeHtml } from './escape-html.ts'
import { formatDate, WORDS } from './i18n.ts'
import type { Lang } from './frontmatter.ts'
import type { Deck } from './model.ts'
import { pageShell } from './page-shell.ts'
import { departmentNames, GERMAN } from './plan.ts'
import { EXPORTS_FOLDER, exportFileName } from './select-decks.ts'
import type { SiteContext } from './site-context.ts'
import { siteHref } from './urls.ts'

/** What the index shows of a deck: its frontmatter is enough (the dev server lists decks before their homework is sized). */
export type IndexDeck = Pick<Deck, 'slug' | 'meta'> & { homework: readonly { title: string }[] }

/** Upcoming decks soonest first, past decks latest first; then audience, then title. */
export function splitByDate<D extends Pick<Deck, 'meta'>>(decks: readonly D[], today: string): { upcoming: D[]; past: D[] } {
  const byTitle = (a: D, b: D) => GERMAN.compare(a.meta.title, b.meta.title)
  const upcoming = decks.filter((d) => d.meta.date >= today).sort((a, b) => a.meta.date.localeCompare(b.meta.date) || byTitle(a, b))
  const past = decks.filter((d) => d.meta.date < today).sort((a, b) => b.meta.date.localeCompare(a.meta.date) || byTitle(a, b))
  return { upcoming, past }
}

/** By department as the editorial plan names it: `Vertrieb` and `vertrieb ` are one group. */
function groupByAudience(decks: IndexDeck[], department: (audience: string) => string): Map<string, IndexDeck[]> {
  const groups = new Map<string, IndexDeck[]>()
  for (const deck of decks) {
    const name = department(deck.meta.audience)
    const group = groups.get(name)
    if (group) group.push(deck)
    else groups.set(name, [deck])
  }
  return new Map([...groups].sort(([a], [b]) => GERMAN.compare(a, b)))
}

export function renderIndex(decks: readonly IndexDeck[], ctx: SiteContext): string {
  const lang = ctx.site.lang
  const words = WORDS[lang]
  const href = (target: string) => escapeHtml(siteHref(ctx.base, 'index.html', target))
  const department = departmentNames(decks, ctx.site.departments)
  const card = (deck: IndexDeck) => {
    const w = WORDS[deck.meta.lang]
    const tasks = deck.homework.map((t, i) => `<li><a href="${href(`${deck.slug}/homework/`)}#task-${i + 1}">${escapeHtml(t.title)}</a></li>`).join('')
    const presenter = deck.meta.presenter ? ` · ${w.presenter} ${escapeHtml(deck.meta.presenter)}` : ''
    return `<li class="deck" lang="${deck.meta.lang}" data-audience="${escapeHtml(department(deck.meta.audience))}">
<h4><a dir="auto" href="${href(`${deck.slug}/`)}">${escapeHtml(deck.meta.title)}</a></h4>
<p class="meta"><time datetime="${deck.meta.date}">${escapeHtml(formatDate(deck.meta.date, deck.meta.lang, true))}</time>${presenter} · ${deck.meta.duration} ${w.minutes}</p>
<details><summary>${w.homework} (${deck.homework.length})</summary><ul class="homework">${tasks}</ul></details>${ctx.exports ? takeAlong(deck, href) : ''}
</li>`
  }
  const section = (title: string, id: string, list: IndexDeck[]) => {
    if (list.length === 0) return ''
    const groups = [...groupByAudience(list, department)]
      .map(([audience, ds]) => `<section class="audience"><h3><bdi>${escapeHtml(audience)}</bdi></h3>\n<ul class="decks">\n${ds.map(card).join('\n')}\n</ul></section>`)
      .join('\n')
    return `<section id="${id}"><h2>${title}</h2>\n${groups}\n</section>`
  }
  const { upcoming, past } = splitByDate(decks, ctx.today)
  const body = `<header><h1>${escapeHtml(ctx.site.organisation)}: ${words.decks}</h1>
<p class="site-nav"><a href="${href('plan/')}">${words.plan}</a></p></header>
<main>
${decks.length === 0 ? `<p>${words.none}</p>` : filterForm(decks.map((d) => department(d.meta.audience)), lang)}${section(words.upcoming, 'upcoming', upcoming)}
${section(words.past, 'past', past)}
</main>`
  const feed = `\n<link rel="alternate" type="application/atom+xml" title="${escapeHtml(ctx.site.organisation)}" href="${href('feed.xml')}">`
  const scripts = (ctx.assets.pageJs ?? []).map((s) => `\n<script defer src="${href(s)}"></script>`).join('')
  return pageShell({ lang, title: `${ctx.site.organisation}: ${words.decks}`, css: ctx.assets.pageCss.map((c) => siteHref(ctx.base, 'index.html', c)), body, bodyClass: 'index', dev: ctx.dev, head: feed + scripts })
}

/** The deck's files in exports/, to download: built with exports only. */
function takeAlong(deck: IndexDeck, href: (target: string) => string): string {
  const w = WORDS[deck.meta.lang]
  const label = { html: w.takeAlongHtml, pdf: w.takeAlongPdf, handout: w.takeAlongHandout }
  const links = (['html', 'pdf', 'handout'] as const).map((kind) => {
    const name = exportFileName(deck.slug, kind)
    return `<a href="${href(`${EXPORTS_FOLDER}/${name}`)}" download="${escapeHtml(name)}" data-kind="${kind}">${label[kind]}</a>`
  })
  return `\n<p class="take-along">${w.takeAlong}: ${links.join(' · ')}</p>`
}

/**
 * Filter by department and search by title: hidden until the page script runs, so that without
 * JavaScript the full list shows and no control sits there doing nothing.
 */
function filterForm(audiences: readonly string[], lang: Lang): string {
  const words = WORDS[lang]
  const departments = [...new Set(audiences)].sort(GERMAN.compare)
  const options = departments.map((d) => `<option value="${escapeHtml(d)}">${escapeHtml(d)}</option>`).join('')
  return `<div class="filter" role="search" data-filter hidden>
<label>${words.department} <select name="department"><option value="">${words.allDepartments}</option>${options}</select></label>
<label>${words.searchTitle} <input type="search" name="q" autocomplete="off"></label>
</div>
<p class="no-match" role="status" hidden>${words.noMatch}</p>
`
}
