// The homework page a phone opens: each task with details, a big button, its QR and a reminder.
import { escapeHtml } from './escape-html.ts'
import { formatDate, WORDS } from './i18n.ts'
import { kindIcon } from './icons.ts'
import type { Deck } from './model.ts'
import type { RenderedSlides } from './render-slides.ts'
import { qrSvg, taskLabel } from './render-homework.ts'
import type { SiteContext } from './site-context.ts'
import { pageShell } from './page-shell.ts'
import { siteHref } from './urls.ts'
import { replaceAssets } from './render-deck-page.ts'
import { newsletterPaths, newsletterSnippet, type NewsletterSnippet } from './render-newsletter.ts'

export function homeworkPagePath(deck: Deck): string {
  return `${deck.slug}/homework/index.html`
}

export function icsPath(deck: Deck, index: number): string {
  return `${deck.slug}/homework/task-${index + 1}.ics`
}

/** Lets a long link in a button wrap after its slashes instead of in the middle of a word. */
const breakable = (text: string) => escapeHtml(text).replace(/\//g, '/<wbr>')

/**
 * A button leads to the task's 'homework-page' link (a tap, no forwarding page); the QR code is the
 * slide's code ('qr' tags, or its forwarding address), for a second phone.
 */
export function renderHomeworkPage(deck: Deck, rendered: RenderedSlides, ctx: SiteContext, snippet: NewsletterSnippet = newsletterSnippet(deck, rendered, ctx)): string {
  const lang = deck.meta.lang
  const words = WORDS[lang]
  const from = homeworkPagePath(deck)
  const href = (target: string) => siteHref(ctx.base, from, target)
  const tasks = deck.homework
    .map((task, i) => {
      const due = task.due
        ? `<p class="due"><span>${words.due} ${escapeHtml(formatDate(task.due, lang, true))}</span> <a class="ics" href="${escapeHtml(href(icsPath(deck, i)))}" download>${words.addToCalendar}</a></p>`
        : ''
      const details = rendered.details[i] ?? ''
      return `<li class="task kind-${task.kind}" id="task-${i + 1}">
<p class="kind">${kindIcon(task.kind)} ${escapeHtml(words.kinds[task.kind])}</p>
<h2>${escapeHtml(task.title)}</h2>
${details ? `<div class="details">${details}</div>\n` : ''}<p><a class="button" href="${escapeHtml(task.links['homework-page'])}" target="_blank" rel="noopener noreferrer">${words.open}: ${breakable(taskLabel(task, 'page'))}</a></p>
<figure class="qr">${qrSvg(task, 200)}<figcaption>${words.scan}: <span class="url">${escapeHtml(task.target)}</span></figcaption></figure>
${due}
</li>`
    })
    .join('\n')
  const body = `<header>
<p class="crumbs"><a href="${escapeHtml(href(''))}">${words.backToIndex}</a> · <a href="${escapeHtml(href(`${deck.slug}/`))}">${words.backToDeck}</a></p>
<h1>${words.homework}</h1>
<p class="meta">${escapeHtml(deck.meta.title)} · ${escapeHtml(deck.meta.audience)} · ${escapeHtml(formatDate(deck.meta.date, lang))}</p>
</header>
<main>
<ol class="tasks">
${tasks}
</ol>
${newsletterBox(deck, snippet, href)}
</main>`
  const scripts = (ctx.assets.pageJs ?? []).map((s) => `\n<script defer src="${escapeHtml(href(s))}"></script>`).join('')
  return pageShell({ lang, title: `${words.homework} · ${deck.meta.title}`, css: ctx.assets.pageCss.map(href), dev: ctx.dev, body: replaceAssets(body, ctx, from), bodyClass: 'homework', head: scripts })
}

/**
 * The newsletter snippet, for the social media manager: links to newsletter.html and .txt, and a
 * copy button that the page script shows. The snippet itself is embedded in <template>s, so copying
 * works offline and from file://, where fetching newsletter.html is blocked.
 */
function newsletterBox(deck: Deck, snippet: NewsletterSnippet, href: (target: string) => string): string {
  const words = WORDS[deck.meta.lang]
  const paths = newsletterPaths(deck)
  const file = (path: string) => `<a href="${escapeHtml(href(path))}">${escapeHtml(path.split('/').pop()!)}</a>`
  return `<aside class="newsletter" aria-labelledby="newsletter-title">
<h2 id="newsletter-title">${words.newsletter}</h2>
<p class="files">${file(paths.html)} · ${file(paths.text)}</p>
<p class="copy" hidden><button type="button" class="copy-newsletter" data-copy-newsletter data-copied="${escapeHtml(words.copied)}" data-failed="${escapeHtml(words.copyFailed)}">${words.copyForNewsletter}</button> <span class="copy-status" role="status"></span></p>
<template id="newsletter-html">${snippet.html}</template>
<template id="newsletter-text">${escapeHtml(snippet.text)}</template>
</aside>`
}
