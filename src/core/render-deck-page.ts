// The presentation page of one deck: reveal.js markup, its slides, notes and the homework slide.
import { escapeHtml } from './escape-html.ts'
import type { Deck } from './model.ts'
import { ASSET_MARKER } from './markdown/index.ts'
import { renderHomeworkSlide } from './render-homework.ts'
import type { RenderedSlides } from './render-slides.ts'
import { CONTENT_SECURITY_POLICY, type SiteContext } from './site-context.ts'
import { slideTimings } from './time-budget.ts'
import { siteHref } from './urls.ts'

export function deckPagePath(deck: Deck): string {
  return `${deck.slug}/index.html`
}

export function renderDeckPage(deck: Deck, rendered: RenderedSlides, ctx: SiteContext): string {
  const from = deckPagePath(deck)
  const href = (target: string) => siteHref(ctx.base, from, target)
  const timings = slideTimings(rendered.slides, ctx.site.wordsPerMinute)
  const sections = rendered.slides
    .map((slide, i) => {
      const notes = slide.notesHtml ? `\n<aside class="notes">${slide.notesHtml}</aside>` : ''
      return `<section data-line="${slide.line}" data-timing="${timings[i]}">\n${slide.html}${notes}\n</section>`
    })
    .join('\n')
  const homeworkUrl = ctx.site.siteUrl ? `${ctx.site.siteUrl}${deck.slug}/homework/` : undefined
  const css = (ctx.assets.deckCss[deck.meta.theme] ?? []).map((c) => `<link rel="stylesheet" href="${escapeHtml(href(c))}">`)
  const js = ctx.assets.deckJs.map((s) => `<script type="module" src="${escapeHtml(href(s))}"></script>`)
  const body = `${sections}\n${renderHomeworkSlide(deck, homeworkUrl)}`
  return `<!doctype html>
<html lang="${deck.meta.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
${ctx.dev ? '' : `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n`}<title>${escapeHtml(deck.meta.title)} · ${escapeHtml(deck.meta.audience)}</title>
<meta name="description" content="${escapeHtml(`${deck.meta.audience}, ${deck.meta.date}`)}">
${[...css, ...js].join('\n')}
</head>
<body>
<div class="reveal" data-slug="${escapeHtml(deck.slug)}" data-lang="${deck.meta.lang}" data-total-time="${deck.meta.duration * 60}" data-homework="${escapeHtml(href(`${deck.slug}/homework/`))}" data-index="${escapeHtml(href(''))}">
<div class="slides">
${replaceAssets(body, ctx, from)}
</div>
</div>
</body>
</html>
`
}

/** Swaps the image markers the Markdown renderer left for the URLs of the emitted files. */
export function replaceAssets(html: string, ctx: SiteContext, from: string): string {
  return html.replace(new RegExp(`${ASSET_MARKER}(.*?)__"`, 'g'), (_, encoded: string) => {
    return `${escapeHtml(siteHref(ctx.base, from, ctx.assets.image(decodeURIComponent(encoded))))}"`
  })
}
