// The machine-readable files of the site: decks.json and the Atom feed.
import { Feed } from 'feed'
import type { Deck } from './model.ts'
import type { SiteContext } from './site-context.ts'
import { splitByDate } from './render-index.ts'
import { siteHref, urlPath } from './urls.ts'

/**
 * decks.json: one entry per deck; each task's url is exactly what its QR code encodes, and a
 * forwarded task's target is where its forwarding page leads.
 */
export function decksJson(decks: readonly Deck[], ctx: SiteContext): string {
  const { upcoming, past } = splitByDate(decks, ctx.today)
  const entries = [...upcoming, ...past].map((deck) => ({
    slug: deck.slug,
    title: deck.meta.title,
    date: deck.meta.date,
    audience: deck.meta.audience,
    presenter: deck.meta.presenter ?? null,
    lang: deck.meta.lang,
    duration: deck.meta.duration,
    path: `${urlPath(deck.slug)}/`,
    homeworkPath: `${urlPath(deck.slug)}/homework/`,
    homework: deck.homework.map((t) => ({ kind: t.kind, title: t.title, url: t.target, ...(t.forward ? { target: t.forward } : {}), due: t.due ?? null })),
  }))
  return `${JSON.stringify(entries, null, 2)}\n`
}

/**
 * feed.xml (Atom): decks newest first. Links are absolute under the site address (siteUrl), else
 * under an absolute base path, else relative to the feed itself (naming index.html, like every
 * relative link of the site). Ids are stable without a site URL too (tag URIs).
 */
export function atomFeed(decks: readonly Deck[], ctx: SiteContext): string {
  const link = (target: string) => (ctx.site.siteUrl ? `${ctx.site.siteUrl}${urlPath(target)}` : siteHref(ctx.base, 'feed.xml', target))
  const sorted = [...decks].sort((a, b) => b.meta.date.localeCompare(a.meta.date))
  const updated = new Date(`${sorted[0]?.meta.date ?? ctx.today}T00:00:00Z`)
  const tag = (slug: string) => `tag:updeck,2026:${encodeURIComponent(ctx.site.organisation)}/${urlPath(slug)}`
  const feed = new Feed({
    title: ctx.site.organisation,
    id: tag(''),
    link: link(''),
    updated,
    language: ctx.site.lang,
    generator: 'updeck',
    copyright: ctx.site.organisation,
    feedLinks: { atom: link('feed.xml') },
  })
  for (const deck of sorted) {
    const tasks = deck.homework.map((t) => t.title).join(' · ')
    feed.addItem({
      title: deck.meta.title,
      id: tag(deck.slug),
      link: link(`${deck.slug}/`),
      date: new Date(`${deck.meta.date}T00:00:00Z`),
      description: `${deck.meta.audience} · ${deck.meta.date}${tasks ? ` · ${tasks}` : ''}`,
      author: deck.meta.presenter ? [{ name: deck.meta.presenter }] : [],
    })
  }
  return feed.atom1()
}
