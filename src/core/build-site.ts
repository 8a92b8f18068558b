// buildSite: rendered decks → every page and file of the static site.
import { escapeHtml } from './escape-html.ts'
import { taskIcs } from './ics.ts'
import { WORDS } from './i18n.ts'
import { checkShortLinks, shortLinkIdOf } from './short-link.ts'
import { siteHref } from './urls.ts'
import type { Deck, Diagnostic, Page } from './model.ts'
import { pageShell } from './page-shell.ts'
import { deckPagePath, renderDeckPage } from './render-deck-page.ts'
import { homeworkPagePath, icsPath, renderHomeworkPage } from './render-homework-page.ts'
import { renderIndex } from './render-index.ts'
import { MEETINGS_PATH, meetingsCalendar } from './meetings.ts'
import { PLAN_PATH, renderPlan } from './render-plan.ts'
import { newsletterPaths, newsletterSnippet, renderNewsletterPage } from './render-newsletter.ts'
import type { RenderedSlides } from './render-slides.ts'
import type { SiteContext } from './site-context.ts'
import { atomFeed, decksJson } from './site-data.ts'

export interface RenderedDeck {
  deck: Deck
  rendered: RenderedSlides
}

/** Where the forwarding pages go: `go/<id>/index.html`. */
const FORWARD_FOLDER = 'go'

/** Top-level folders of the pages about all decks, written after the decks' own. */
export const SITE_PAGE_FOLDERS: readonly string[] = [FORWARD_FOLDER, PLAN_PATH.split('/')[0]!]

/** Top-level folders of the site that no deck may take. */
const RESERVED = new Set(['assets', 'exports', ...SITE_PAGE_FOLDERS])

/**
 * Problems between decks: two decks at one address, a deck where the site keeps its files, or (never
 * seen, but checked) two forwarded links that would share one forwarding page.
 */
export function checkSlugs(decks: readonly Deck[]): Diagnostic[] {
  return [...checkAddresses(decks), ...checkShortLinks(decks)]
}

/** The first two: they need only each deck's file and slug (the dev server checks them before the homework is sized). */
export function checkAddresses(decks: readonly Pick<Deck, 'file' | 'slug'>[]): Diagnostic[] {
  type Addressed = Pick<Deck, 'file' | 'slug'>
  const problems: Diagnostic[] = []
  const seen = new Map<string, Addressed>()
  const at = (deck: Addressed, message: string): Diagnostic => ({ file: deck.file, line: 1, col: 1, field: '', message, severity: 'error' })
  for (const deck of decks) {
    const first = deck.slug.split('/')[0]!
    const other = seen.get(deck.slug)
    if (deck.slug === '') problems.push(at(deck, `the file name "${deck.file.split('/').pop()}" has no letters or digits (emoji and punctuation do not count), so it gives no address: add a word to it`))
    else if (other) problems.push(at(deck, `has the same address /${deck.slug}/ as ${other.file}: rename one of them`))
    else if (RESERVED.has(first) || /(^|\/)homework$/.test(deck.slug)) problems.push(at(deck, `the address /${deck.slug}/ is used by the site itself: rename the file or folder`))
    seen.set(deck.slug, deck)
  }
  return problems
}

export function buildSite(decks: readonly RenderedDeck[], ctx: SiteContext): Page[] {
  const plain = decks.map((d) => d.deck)
  return [...decks.flatMap((d) => deckPages(d, ctx)), ...forwardingPages(plain, ctx), ...sitePages(plain, ctx)]
}

/** One deck's files: the presentation, its homework page, its newsletter snippet and a calendar file per due task. */
export function deckPages({ deck, rendered }: RenderedDeck, ctx: SiteContext): Page[] {
  const snippet = newsletterSnippet(deck, rendered, ctx)
  const pages: Page[] = [
    { path: deckPagePath(deck), content: renderDeckPage(deck, rendered, ctx) },
    { path: homeworkPagePath(deck), content: renderHomeworkPage(deck, rendered, ctx, snippet) },
    { path: newsletterPaths(deck).html, content: renderNewsletterPage(deck, snippet) },
    { path: newsletterPaths(deck).text, content: snippet.text },
  ]
  deck.homework.forEach((task, i) => {
    if (!task.due) return
    const host = ctx.site.siteUrl ? new URL(ctx.site.siteUrl).hostname : 'updeck'
    const content = taskIcs({
      uid: `${deck.slug.replace(/\//g, '.')}.task-${i + 1}@${host}`,
      title: task.title,
      description: `${deck.meta.title} (${deck.meta.audience})${task.details ? `\n\n${task.details}` : ''}`,
      url: task.links['homework-page'], // reached from the homework page: its button's link
      due: task.due,
      lang: deck.meta.lang,
      organisation: ctx.site.organisation,
      stamp: ctx.stamp,
    })
    pages.push({ path: icsPath(deck, i), content })
  })
  return pages
}

/** The files about all decks: index.html, decks.json, feed.xml, the editorial plan and meetings.ics. */
export function sitePages(decks: readonly Deck[], ctx: SiteContext): Page[] {
  return sitePageMakers(decks, ctx).map(({ path, make }) => ({ path, content: make() }))
}

/** The same files, each made only when asked for (the dev server answers one request at a time). */
export function sitePageMakers(decks: readonly Deck[], ctx: SiteContext): { path: string; make: () => string }[] {
  return [
    { path: 'index.html', make: () => renderIndex(decks, ctx) },
    { path: 'decks.json', make: () => decksJson(decks, ctx) },
    { path: 'feed.xml', make: () => atomFeed(decks, ctx) },
    { path: PLAN_PATH, make: () => renderPlan(decks, ctx) },
    { path: MEETINGS_PATH, make: () => meetingsCalendar(decks, ctx) },
  ]
}

/**
 * A forwarded task's code encodes <site>go/<id>/: a static page that leads on to the task's URL
 * without script (meta refresh, and a visible link for browsers that do not follow it); a share
 * task's page also shows the text being shared.
 */
export function forwardingPages(decks: readonly Deck[], ctx: SiteContext): Page[] {
  const pages = new Map<string, Page>()
  for (const deck of decks) {
    for (const task of deck.homework) {
      const id = shortLinkIdOf(task.target)
      if (!task.forward || !id || pages.has(id)) continue
      const words = WORDS[deck.meta.lang]
      const url = escapeHtml(task.forward)
      const head = `\n<meta http-equiv="refresh" content="0; url=${url}">\n<meta name="referrer" content="no-referrer">`
      const shared = task.kind === 'share' ? `\n<p>${words.sharedText}</p>\n<blockquote class="shared">${escapeHtml(task.text)}<br>${escapeHtml(task.url)}</blockquote>` : ''
      const body = `<main>\n<h1>${escapeHtml(task.title)}</h1>${shared}\n<p>${words.forwarding} <a href="${url}">${url}</a></p>\n</main>`
      const path = `${FORWARD_FOLDER}/${id}/index.html`
      const css = ctx.assets.pageCss.map((c) => siteHref(ctx.base, path, c))
      pages.set(id, { path, content: pageShell({ lang: deck.meta.lang, title: task.title, css, body, bodyClass: 'go', head }) })
    }
  }
  return [...pages.values()]
}
