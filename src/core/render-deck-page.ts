// The presentation page of one deck: reveal.js markup, its slides, notes and the homework slide.
import { escapeHtml } from './escape-html.ts'
import type { Deck } from './model.ts'
import { replaceImageMarkers } from './markdown/index.ts'
import { homeworkPageUrl, renderHomeworkSlide } from './render-homework.ts'
import type { RenderedSlides } from './render-slides.ts'
import type { SiteContext } from './site-context.ts'
import { pageShell } from './page-shell.ts'
import { slideTimings } from './time-budget.ts'
import { siteHref } from './urls.ts'

export function deckPagePath(deck: Deck): string {
  return `${deck.slug}/index.html`
}

/**
 * What goes inside reveal.js's `.slides`: the deck's slides, then the homework slide, whose heading
 * links to this site's homework page unless `homeworkLink` is false (a one-file export has none).
 */
export function renderDeckSlides(deck: Deck, rendered: RenderedSlides, ctx: SiteContext, homeworkLink = true): string {
  const timings = slideTimings(rendered.slides, ctx.site.wordsPerMinute)
  const sections = rendered.slides.map((slide, i) => {
    const notes = slide.notesHtml ? `\n<aside class="notes">${slide.notesHtml}</aside>` : ''
    return `<section data-line="${slide.line}" data-timing="${timings[i]}">\n${slide.html}${notes}\n</section>`
  })
  const homeworkUrl = homeworkPageUrl(deck, ctx.site.siteUrl)
  const pageHref = homeworkLink ? siteHref(ctx.base, deckPagePath(deck), `${deck.slug}/homework/`) : undefined
  return replaceAssets([...sections, renderHomeworkSlide(deck, homeworkUrl, pageHref)].join('\n'), ctx, deckPagePath(deck))
}

export function renderDeckPage(deck: Deck, rendered: RenderedSlides, ctx: SiteContext): string {
  const href = (target: string) => escapeHtml(siteHref(ctx.base, deckPagePath(deck), target))
  // A classic deferred script: Chromium refuses module scripts from file://. The dev server's
  // runtime is vite's own module graph (HMR), so there it stays a module.
  const type = ctx.dev ? 'type="module"' : 'defer'
  const scripts = ctx.assets.deckJs.map((s) => `\n<script ${type} src="${href(s)}"></script>`).join('')
  const data = `data-slug="${escapeHtml(deck.slug)}" data-lang="${deck.meta.lang}" data-total-time="${deck.meta.duration * 60}" data-homework="${href(`${deck.slug}/homework/`)}" data-index="${href('')}"`
  return pageShell({
    lang: deck.meta.lang,
    title: `${deck.meta.title} · ${deck.meta.audience}`,
    css: (ctx.assets.deckCss[deck.meta.theme] ?? []).map((c) => siteHref(ctx.base, deckPagePath(deck), c)),
    head: `\n<meta name="description" content="${escapeHtml(`${deck.meta.audience}, ${deck.meta.date}`)}">${scripts}`,
    bodyClass: 'deck',
    dev: ctx.dev,
    body: `<div class="reveal" ${data}>\n<div class="slides">\n${renderDeckSlides(deck, rendered, ctx)}\n</div>\n</div>`,
  })
}

/** Swaps the image markers the Markdown renderer left for the URLs of the emitted files (or their data: URIs). */
export function replaceAssets(html: string, ctx: SiteContext, from: string): string {
  return replaceImageMarkers(html, (path) => {
    const url = ctx.assets.image(path)
    return url.startsWith('data:') ? url : siteHref(ctx.base, from, url)
  })
}
