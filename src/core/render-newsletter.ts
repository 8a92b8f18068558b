// A deck as a newsletter snippet to paste into Outlook: e-mail-safe HTML (tables, inline styles, no
// script, no stylesheet, 600 px) and the same as plain text.
import { tagUrl } from './campaign.ts'
import { escapeHtml } from './escape-html.ts'
import { graphemes } from './graphemes.ts'
import type { SiteConfig } from './frontmatter.ts'
import { formatDate, NETWORK_NAMES, WORDS } from './i18n.ts'
import type { Deck, Task } from './model.ts'
import type { RenderedSlides } from './render-slides.ts'
import type { SiteContext } from './site-context.ts'
import { siteHref } from './urls.ts'

export function newsletterPaths(deck: Deck): { html: string; text: string } {
  return { html: `${deck.slug}/newsletter.html`, text: `${deck.slug}/newsletter.txt` }
}

export interface NewsletterSnippet {
  /** The 600 px table to paste (no document around it). */
  html: string
  /** The plain-text version, wrapped at 72 columns. */
  text: string
}

/** A link to the site from the newsletter: campaign-tagged (utm_medium=newsletter) when the site is on an own domain. */
export function newsletterLink(url: string, deck: Deck, ctx: SiteContext): string {
  return tagUrl(url, ctx.site, deck.slug, 'newsletter')
}

/**
 * What a task's button opens: the task's own URL (for a share task the share intent itself), with
 * the newsletter's campaign tags. A forwarding page only exists to keep a QR code small; a link in
 * an e-mail needs none.
 */
export function newsletterTaskUrl(task: Task): string {
  return task.links.newsletter
}

/** The first heading of each slide, as text (slides without a heading are skipped). */
export function slideHeadings(rendered: RenderedSlides): string[] {
  return rendered.slides.flatMap((slide) => {
    const match = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/.exec(slide.html)
    const text = match ? decodeText(match[2]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim() : ''
    return text ? [text] : []
  })
}

/** Undoes markdown-it's escaping (the only entities its output holds). */
function decodeText(html: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
  return html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => entities[e]!)
}

/** The site's links from the newsletter: absolute, or none when the site's address is unknown. */
function siteLinks(deck: Deck, ctx: SiteContext): { deck: string; homework: string } | undefined {
  const siteUrl = ctx.site.siteUrl
  if (!siteUrl) return undefined
  const from = newsletterPaths(deck).html
  return {
    deck: newsletterLink(siteHref(siteUrl, from, `${deck.slug}/`), deck, ctx),
    homework: newsletterLink(siteHref(siteUrl, from, `${deck.slug}/homework/`), deck, ctx),
  }
}

const FONT = 'font-family:Arial, Helvetica, sans-serif;'
const INK = '#14171c'
const MUTED = '#4a5260'
const ACCENT = '#0045c2'
const quoted = (text: string, deck: Deck) => (deck.meta.lang === 'de' ? `„${text}“` : `“${text}”`)

function taskFacts(task: Task, deck: Deck): string {
  const words = WORDS[deck.meta.lang]
  const due = task.due ? ` · ${words.due} ${formatDate(task.due, deck.meta.lang, true)}` : ''
  return `${words.kinds[task.kind]}${due}`
}

function buttonLabel(task: Task, deck: Deck): string {
  const words = WORDS[deck.meta.lang]
  return task.kind === 'share' ? words.shareOn.replace('{network}', NETWORK_NAMES[task.network]) : words.open
}

/** A "bulletproof" button: the colour sits on a table cell, so Outlook's Word engine draws it too. */
function button(href: string, label: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:separate;"><tr>
<td align="center" bgcolor="${ACCENT}" style="background-color:${ACCENT};border-radius:6px;padding:12px 22px;"><a href="${escapeHtml(href)}" target="_blank" style="${FONT}font-size:16px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;display:inline-block;">${escapeHtml(label)}</a></td>
</tr></table>`
}

export function newsletterSnippet(deck: Deck, rendered: RenderedSlides, ctx: SiteContext): NewsletterSnippet {
  // Both versions say the same: the slides' headings and the site's links, found once.
  const parts: SnippetParts = { headings: slideHeadings(rendered), links: siteLinks(deck, ctx) }
  return { html: snippetHtml(deck, parts), text: snippetText(deck, parts) }
}

interface SnippetParts {
  headings: string[]
  links: { deck: string; homework: string } | undefined
}

function metaLine(deck: Deck): string {
  const words = WORDS[deck.meta.lang]
  const presenter = deck.meta.presenter ? ` · ${words.presenter} ${deck.meta.presenter}` : ''
  return `${deck.meta.audience} · ${formatDate(deck.meta.date, deck.meta.lang, true)}${presenter}`
}

function snippetHtml(deck: Deck, { headings, links }: SnippetParts): string {
  const words = WORDS[deck.meta.lang]
  const h2 = (text: string) => `<h2 style="margin:0 0 12px;${FONT}font-size:20px;line-height:26px;font-weight:bold;color:${INK};">${escapeHtml(text)}</h2>`
  const row = (content: string) => `<tr>\n<td style="padding:24px 32px 0;${FONT}font-size:16px;line-height:24px;color:${INK};">\n${content}\n</td>\n</tr>`
  const rows: string[] = []
  const title = links
    ? `<a href="${escapeHtml(links.deck)}" target="_blank" style="color:#ffffff;text-decoration:none;">${escapeHtml(deck.meta.title)}</a>`
    : escapeHtml(deck.meta.title)
  rows.push(`<tr>
<td bgcolor="${ACCENT}" style="background-color:${ACCENT};padding:24px 32px;${FONT}color:#ffffff;">
<p style="margin:0 0 8px;${FONT}font-size:14px;line-height:20px;color:#ffffff;">${escapeHtml(metaLine(deck))}</p>
<h1 dir="auto" style="margin:0;${FONT}font-size:26px;line-height:32px;font-weight:bold;color:#ffffff;">${title}</h1>
</td>
</tr>`)
  if (headings.length) {
    const items = headings.map((h) => `<li dir="auto" style="margin:0 0 6px;">${escapeHtml(h)}</li>`).join('\n')
    rows.push(row(`${h2(words.topics)}\n<ul style="margin:0;padding:0 0 0 24px;${FONT}font-size:16px;line-height:24px;color:${INK};">\n${items}\n</ul>`))
  }
  if (deck.homework.length) {
    const tasks = deck.homework.map((task) => {
      const shared = task.kind === 'share' ? `\n<p style="margin:0 0 10px;${FONT}font-size:15px;line-height:22px;font-style:italic;color:${MUTED};">${escapeHtml(`${words.sharedText} ${quoted(task.text, deck)}`)}</p>` : ''
      return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>
<td style="padding:0 0 20px;${FONT}">
<p style="margin:0;${FONT}font-size:13px;line-height:18px;color:${MUTED};">${escapeHtml(taskFacts(task, deck))}</p>
<p dir="auto" style="margin:2px 0 10px;${FONT}font-size:18px;line-height:24px;font-weight:bold;color:${INK};">${escapeHtml(task.title)}</p>${shared}
${button(newsletterTaskUrl(task), buttonLabel(task, deck))}
</td>
</tr></table>`
    })
    rows.push(row(`${h2(words.homework)}\n${tasks.join('\n')}`))
  }
  if (links) {
    const link = (href: string, label: string) => `<a href="${escapeHtml(href)}" target="_blank" style="color:${ACCENT};text-decoration:underline;">${escapeHtml(label)}</a>`
    rows.push(row(`<p style="margin:0;${FONT}font-size:16px;line-height:24px;">${link(links.deck, words.viewDeck)} · ${link(links.homework, words.homeworkPage)}</p>`))
  }
  rows.push(`<tr>\n<td style="padding:0 0 24px;font-size:0;line-height:0;">&nbsp;</td>\n</tr>`)
  return `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:600px;table-layout:fixed;border-collapse:collapse;background-color:#ffffff;${FONT}color:${INK};overflow-wrap:anywhere;word-break:break-word;">
${rows.join('\n')}
</table>`
}

/** newsletter.html: the snippet in a minimal document, centred on a grey page as a mail shows it. */
export function renderNewsletterPage(deck: Deck, snippet: NewsletterSnippet): string {
  return `<!doctype html>
<html lang="${deck.meta.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(`${WORDS[deck.meta.lang].newsletter}: ${deck.meta.title}`)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f6f9;" bgcolor="#f4f6f9">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f6f9" style="border-collapse:collapse;background-color:#f4f6f9;">
<tr>
<td align="center" style="padding:24px 0;">
${snippet.html}
</td>
</tr>
</table>
</body>
</html>
`
}

const WIDTH = 72


/** Chinese, Japanese and Korean letters and their punctuation: two columns wide, and a line may break between them. */
const CJK = /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u
/** Closing punctuation and the like, which must not start a line (UAX #14 classes CL, CP, NS). */
const NO_BREAK_BEFORE = /^[、。，．：；！？」』）】〕〉》〙〛ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ]/u

/** Columns one grapheme takes in a monospaced mail client: emoji (also ZWJ sequences and flags) and CJK two, the rest one. */
function graphemeColumns(grapheme: string): number {
  if (CJK.test(grapheme) || /\p{Emoji_Presentation}|\p{Regional_Indicator}|\ufe0f/u.test(grapheme)) return 2
  return 1
}

/**
 * Text in which every UTF-16 unit is a grapheme of one column that a line may not break inside:
 * ASCII, Latin-1 and Latin Extended letters without combining marks, and the punctuation of German
 * and English text. Most of a deck is such text; the grapheme segmenter is the costly part.
 */
const SIMPLE = /^[\x20-\x7e\u00a0-\u02ff\u2013\u2014\u2018-\u201e\u2022\u2026\u20ac]*$/

/**
 * Columns `text` takes in a monospaced mail client (not its UTF-16 length). Not string-width (the
 * CLI's tables use it): core is also bundled with a project's vite.config.ts, where its default
 * import does not survive the bundling.
 */
export function textColumns(text: string): number {
  if (SIMPLE.test(text)) return text.length
  let columns = 0
  for (const segment of graphemes(text)) columns += graphemeColumns(segment)
  return columns
}

/** A word as the pieces a line may end between: CJK text breaks between its characters, needing no space. A URL stays whole. */
function breakPieces(word: string): string[] {
  if (/^[a-z][a-z0-9+.-]*:/i.test(word) || SIMPLE.test(word)) return [word]
  const pieces: string[] = []
  let piece = ''
  for (const segment of graphemes(word)) {
    const cjk = CJK.test(segment)
    if (cjk && piece && !NO_BREAK_BEFORE.test(segment)) {
      pieces.push(piece)
      piece = ''
    }
    piece += segment
    if (cjk && !/^[「『（【〔〈《]/u.test(segment)) {
      pieces.push(piece)
      piece = ''
    }
  }
  if (piece) pieces.push(piece)
  // A closing mark after a CJK character joins it (no line starts with it).
  return pieces.reduce<string[]>((joined, p) => (joined.length && NO_BREAK_BEFORE.test(p) ? [...joined.slice(0, -1), joined.at(-1)! + p] : [...joined, p]), [])
}

/**
 * Wraps `text` at 72 columns as a monospaced mail client shows them (emoji and CJK count two); the
 * first line starts with `first`, the others with `rest`. A URL or other word is never cut; CJK
 * text, which has no spaces, breaks between its characters.
 */
export function wrapText(text: string, first = '', rest = first): string {
  const lines: string[] = []
  let line = first
  let columns = textColumns(first)
  let empty = true
  // Most text is all SIMPLE: then each word is one piece, one column per UTF-16 unit.
  const simple = SIMPLE.test(text)
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = simple ? [word] : breakPieces(word)
    pieces.forEach((piece, i) => {
      const gap = empty || i > 0 ? '' : ' '
      const width = simple ? piece.length : textColumns(piece)
      if (!empty && columns + gap.length + width > WIDTH) {
        lines.push(line)
        line = rest + piece
        columns = textColumns(rest) + width
      } else {
        line += gap + piece
        columns += gap.length + width
      }
      empty = false
    })
  }
  lines.push(line)
  return lines.join('\n')
}

function snippetText(deck: Deck, { headings, links }: SnippetParts): string {
  const words = WORDS[deck.meta.lang]
  const blocks = [`${wrapText(deck.meta.title)}\n${wrapText(metaLine(deck))}`]
  if (headings.length) blocks.push(`${words.topics}\n${headings.map((h) => wrapText(h, '- ', '  ')).join('\n')}`)
  if (deck.homework.length) {
    const tasks = deck.homework.map((task) => {
      const shared = task.kind === 'share' ? `\n${wrapText(`${words.sharedText} ${quoted(task.text, deck)}`, '  ')}` : ''
      const url = newsletterTaskUrl(task)
      return `${wrapText(`${task.title} (${taskFacts(task, deck)})`, '- ', '  ')}${shared}\n  ${buttonLabel(task, deck)}: ${url}`
    })
    blocks.push(`${words.homework}\n${tasks.join('\n')}`)
  }
  if (links) blocks.push(`${words.viewDeck}: ${links.deck}\n${words.homeworkPage}: ${links.homework}`)
  return `${blocks.join('\n\n')}\n`
}

/**
 * Said once per build, not once per deck: without the site's address the snippets cannot link to
 * the presentation or its homework page (a relative link means nothing in an e-mail).
 */
export function newsletterNotes(site: SiteConfig): string[] {
  if (site.siteUrl) return []
  return ["the decks' newsletter snippets (newsletter.html, newsletter.txt) leave out the links to the presentation and its homework page, as the site's address is unknown: set --site-url (siteUrl in vite.config.ts) to include them"]
}
