// buildSite: rendered decks → every page and file of the static site.
import { escapeHtml } from './escape-html.ts'
import { taskIcs } from './ics.ts'
import { WORDS } from './i18n.ts'
import type { Deck, Diagnostic, Page } from './model.ts'
import { pageShell } from './page-shell.ts'
import { deckPagePath, renderDeckPage } from './render-deck-page.ts'
import { homeworkPagePath, icsPath, renderHomeworkPage } from './render-homework-page.ts'
import { renderIndex } from './render-index.ts'
import type { RenderedSlides } from './render-slides.ts'
import type { SiteContext } from './site-context.ts'
import { atomFeed, decksJson } from './site-data.ts'

export interface RenderedDeck {
  deck: Deck
  rendered: RenderedSlides
}

/** Top-level folders of the site that no deck may take. */
const RESERVED = new Set(['assets', 'go'])

/** Problems between decks: two decks at one address, or a deck where the site keeps its files. */
export function checkSlugs(decks: readonly Deck[]): Diagnostic[] {
  const problems: Diagnostic[] = []
  const seen = new Map<string, Deck>()
  const at = (deck: Deck, message: string): Diagnostic => ({ file: deck.file, line: 1, col: 1, field: '', message, severity: 'error' })
  for (const deck of decks) {
    const first = deck.slug.split('/')[0]!
    const other = seen.get(deck.slug)
    if (deck.slug === '') problems.push(at(deck, 'the file name gives no address: use letters or digits in it'))
    else if (other) problems.push(at(deck, `has the same address /${deck.slug}/ as ${other.file}: rename one of them`))
    else if (RESERVED.has(first) || /(^|\/)homework$/.test(deck.slug)) problems.push(at(deck, `the address /${deck.slug}/ is used by the site itself: rename the file or folder`))
    seen.set(deck.slug, deck)
  }
  return problems
}

export function buildSite(decks: readonly RenderedDeck[], ctx: SiteContext): Page[] {
  const pages: Page[] = []
  for (const { deck, rendered } of decks) {
    pages.push({ path: deckPagePath(deck), content: renderDeckPage(deck, rendered, ctx) })
    pages.push({ path: homeworkPagePath(deck), content: renderHomeworkPage(deck, rendered, ctx) })
    deck.homework.forEach((task, i) => {
      if (!task.due) return
      const host = ctx.site.siteUrl ? new URL(ctx.site.siteUrl).hostname : 'updeck'
      const content = taskIcs({
        uid: `${deck.slug.replace(/\//g, '.')}.task-${i + 1}@${host}`,
        title: task.title,
        description: `${deck.meta.title} (${deck.meta.audience})${task.details ? `\n\n${task.details}` : ''}`,
        url: task.target,
        due: task.due,
        lang: deck.meta.lang,
        organisation: ctx.site.organisation,
        stamp: ctx.stamp,
      })
      pages.push({ path: icsPath(deck, i), content })
    })
  }
  const plain = decks.map((d) => d.deck)
  if (ctx.site.shortLinks) pages.push(...forwardingPages(plain, ctx))
  pages.push({ path: 'index.html', content: renderIndex(plain, ctx) })
  pages.push({ path: 'decks.json', content: decksJson(plain, ctx) })
  pages.push({ path: 'feed.xml', content: atomFeed(plain, ctx) })
  return pages
}

/** With shortLinks, each code encodes <site>/go/<id>/: a static page forwarding to the task's URL. */
function forwardingPages(decks: readonly Deck[], ctx: SiteContext): Page[] {
  const pages = new Map<string, Page>()
  for (const deck of decks) {
    for (const task of deck.homework) {
      const id = /\/go\/([^/]+)\/$/.exec(task.target)?.[1]
      const url = task.forward ?? task.target
      if (!id || pages.has(id)) continue
      const words = WORDS[deck.meta.lang]
      const head = `\n<meta http-equiv="refresh" content="0; url=${escapeHtml(url)}">\n<meta name="referrer" content="no-referrer">`
      const body = `<main><p>${words.forwarding} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p></main>`
      pages.set(id, { path: `go/${id}/index.html`, content: pageShell({ lang: deck.meta.lang, title: task.title, css: [], body, bodyClass: 'go', head }) })
    }
  }
  return [...pages.values()]
}
