// One deck as one self-contained HTML file: its slides, the runtime's script and styles inline,
// images as data: URIs, and a CSP that allows that one script by its hash and no request at all.
import { createHash } from 'node:crypto'
import { escapeHtml } from './escape-html.ts'
import { inlineScript, inlineStyle } from './inline-assets.ts'
import type { Deck } from './model.ts'
import { renderDeckSlides } from './render-deck-page.ts'
import type { RenderedSlides } from './render-slides.ts'
import type { SiteContext } from './site-context.ts'

/** Names the tool that made the file, for whoever finds it on a stick (overwriting goes by the export record). */
export const EXPORT_MARK = '<meta name="generator" content="updeck export">'

export interface InlineParts {
  /** The deck runtime's bundled JavaScript. */
  js: string
  /** The deck's stylesheets (runtime and theme), their url()s already data: URIs. */
  css: string
  /** data: URI of each image the deck uses, by its path in the decks folder. */
  images: ReadonlyMap<string, string>
}

/** The slides with every image as its data: URI, and no link to a homework page beside the file (there is none). */
export function renderInlineSlides(deck: Deck, rendered: RenderedSlides, ctx: SiteContext, images: ReadonlyMap<string, string>): string {
  return renderDeckSlides(deck, rendered, { ...ctx, assets: { ...ctx.assets, image: (path) => images.get(path) ?? '' } }, false)
}

/** What the browser lets the file do: its own script and styles, data: images and fonts, and itself in a frame. */
export function exportPolicy(js: string): string {
  const hash = createHash('sha256').update(js).digest('base64')
  return [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    // reveal.js lays slides out through style attributes; styles cannot run script.
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    // The speaker view shows this same file, with ?receiver, in two preview frames.
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

export function renderDeckFile(deck: Deck, rendered: RenderedSlides, ctx: SiteContext, parts: InlineParts): string {
  const js = inlineScript(parts.js)
  const data = `data-slug="${escapeHtml(deck.slug)}" data-lang="${deck.meta.lang}" data-total-time="${deck.meta.duration * 60}"`
  return `<!doctype html>
<html lang="${escapeHtml(deck.meta.lang)}">
<head>
<meta charset="utf-8">
${EXPORT_MARK}
<meta http-equiv="Content-Security-Policy" content="${exportPolicy(js)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escapeHtml(`${deck.meta.audience}, ${deck.meta.date}`)}">
<link rel="icon" href="data:,">
<title>${escapeHtml(`${deck.meta.title} · ${deck.meta.audience}`)}</title>
<style>${inlineStyle(parts.css)}</style>
<script type="module">${js}</script>
</head>
<body class="deck">
<div class="reveal" ${data}>
<div class="slides">
${renderInlineSlides(deck, rendered, ctx, parts.images)}
</div>
</div>
</body>
</html>
`
}
