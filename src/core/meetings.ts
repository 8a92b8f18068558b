// meetings.ics: every deck as an all-day event on its date, for a calendar to subscribe to.
import { WORDS } from './i18n.ts'
import { meetingsIcs } from './ics.ts'
import type { Deck } from './model.ts'
import type { SiteContext } from './site-context.ts'
import { urlPath } from './urls.ts'

export const MEETINGS_PATH = 'meetings.ics'

/** Where a deck lives for a calendar: absolute with a site address, else a site-root path, else nothing. */
export function deckAddress(deck: Deck, ctx: SiteContext): string | undefined {
  const path = `${urlPath(deck.slug)}/`
  if (ctx.site.siteUrl) return `${ctx.site.siteUrl}${path}`
  return ctx.base.startsWith('/') ? `${ctx.base}${path}` : undefined
}

/**
 * UIDs are `<slug with / as .>@<host of siteUrl, or updeck>` (slugs hold no dots, so they stay
 * unique), the scheme of the homework reminders (`….task-1@host`).
 */
export function meetingsCalendar(decks: readonly Deck[], ctx: SiteContext): string {
  const host = ctx.site.siteUrl ? new URL(ctx.site.siteUrl).hostname : 'updeck'
  const sorted = [...decks].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.slug.localeCompare(b.slug))
  const events = sorted.map((deck) => {
    const words = WORDS[deck.meta.lang]
    const address = deckAddress(deck, ctx)
    const presenter = deck.meta.presenter ? ` · ${words.presenter} ${deck.meta.presenter}` : ''
    const tasks = deck.homework.length ? `\n${words.homework}: ${deck.homework.map((t) => t.title).join(' · ')}` : ''
    return {
      uid: `${deck.slug.replace(/\//g, '.')}@${host}`,
      title: `${deck.meta.title} (${deck.meta.audience})`,
      description: `${deck.meta.audience}${presenter} · ${deck.meta.duration} ${words.minutes}${tasks}${address ? `\n\n${address}` : ''}`,
      url: ctx.site.siteUrl ? address : undefined,
      date: deck.meta.date,
      lang: deck.meta.lang,
      category: deck.meta.audience,
    }
  })
  const lang = ctx.site.lang
  return meetingsIcs({ name: `${ctx.site.organisation}: ${WORDS[lang].meetings}`, lang, organisation: ctx.site.organisation, stamp: ctx.stamp, events })
}
