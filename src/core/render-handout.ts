// The homework sheet for a notice board: one A4 page with each task, its details, a QR code at
// least 3 cm wide, the link to type and the due date, in the deck's language. Printed by Chromium.
import { escapeHtml } from './escape-html.ts'
import { HANDOUT_CSS } from './handout-css.ts'
import { formatDate, NETWORK_NAMES, WORDS } from './i18n.ts'
import { kindIcon } from './icons.ts'
import { replaceImageMarkers } from './markdown/index.ts'
import type { Deck, Task } from './model.ts'
import { QUIET_ZONE, qrCode } from './qr.ts'
import { taskLabel } from './render-homework.ts'
import { shortLinkLabel } from './short-link.ts'

/**
 * Width of a code's dark part (finder pattern to finder pattern) in mm: a phone reads it from
 * about ten times that, so 31 mm scans from 30 cm in front of the board; with three tasks or fewer
 * there is room for 40 mm. Six rows of 31 mm codes and their text fit one A4 page.
 */
export function handoutCodeMm(tasks: number): number {
  return tasks <= 3 ? 40 : 31
}

/**
 * What a colleague types when not scanning: the forwarding address, or the short link as the
 * homework page shows it. Paper has room for a whole line: a link the screen cuts ("…") is printed
 * whole, without its scheme, so that it can be typed.
 */
export function handoutLink(task: Task): string {
  if (task.forward) return shortLinkLabel(task.target)
  const label = taskLabel(task, 'page')
  if (!label.endsWith('…')) return label
  const whole = task.url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')
  return task.kind === 'share' ? `${NETWORK_NAMES[task.network]}: ${whole}` : whole
}

export interface HandoutInput {
  deck: Deck
  /** Each task's details as HTML ('' without), as renderSlides made them. */
  details: string[]
  /** The URL an image of the decks folder is shown from (the sheet is one file: a data: URL). */
  image(path: string): string
  /** The site's organisation, in the footer. */
  organisation: string
  /** Where the deck's homework page lives, when the site address is known. */
  homeworkUrl?: string | undefined
}

/** The sheet as a complete HTML document with its own @page size (A4 portrait). */
export function renderHandout(input: HandoutInput): string {
  const { deck } = input
  const lang = deck.meta.lang
  const words = WORDS[lang]
  const mm = handoutCodeMm(deck.homework.length)
  const codes = deck.homework.map((task) => qrCode(task.target, task.qrLevel))
  // One column for all codes, as wide as the widest with its quiet zone: the texts line up.
  const column = Math.max(...codes.map((code) => codeSize(code.modules, mm).size))
  const tasks = deck.homework.map((task, i) => renderTask(task, input.details[i] ?? '', mm, lang)).join('\n')
  const meta = [deck.meta.audience, formatDate(deck.meta.date, lang, true), deck.meta.presenter].filter(Boolean).map((s) => escapeHtml(s!))
  const page = input.homeworkUrl ? `<p>${words.homeworkPage}: <span class="link">${escapeHtml(shortLinkLabel(input.homeworkUrl))}</span></p>` : ''
  const body = `<header>
<p class="organisation">${escapeHtml(input.organisation)}</p>
<h1>${words.homework}</h1>
<p class="deck">${escapeHtml(deck.meta.title)}</p>
<p class="meta">${meta.join(' · ')}</p>
</header>
<ol class="tasks count-${deck.homework.length}" style="--qr-column:${column.toFixed(2)}mm">
${tasks}
</ol>
<footer>${page}<p>${words.scan}</p></footer>`
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${words.homework} · ${deck.meta.title}`)}</title>
<style>${HANDOUT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`
  return replaceImageMarkers(html, input.image)
}

function renderTask(task: Task, details: string, mm: number, lang: Deck['meta']['lang']): string {
  const words = WORDS[lang]
  const code = qrCode(task.target, task.qrLevel)
  const { size, overlap } = codeSize(code.modules, mm)
  const svg = code.svg.replace('<svg ', `<svg width="${size.toFixed(2)}mm" height="${size.toFixed(2)}mm" style="margin:-${overlap.toFixed(2)}mm auto" `)
  const due = task.due ? `<p class="due">${words.due} ${escapeHtml(formatDate(task.due, lang, true))}</p>` : ''
  return `<li class="task kind-${task.kind}">
<div class="qr">${svg}</div>
<div class="text">
<p class="kind">${kindIcon(task.kind)} ${escapeHtml(words.kinds[task.kind])}</p>
<h2>${escapeHtml(task.title)}</h2>
${details ? `<div class="details">${details}</div>\n` : ''}<p class="link">${escapeHtml(handoutLink(task))}</p>
${due}
</div>
</li>`
}

/**
 * A code whose dark part is `mm` wide, in mm: its whole size with the quiet zone (inside the SVG),
 * and how far it may reach into the next row: half the quiet zone, so that neighbouring rows share
 * theirs and four modules of white always stay between two codes.
 */
function codeSize(modules: number, mm: number): { size: number; overlap: number } {
  const module = mm / (modules - 2 * QUIET_ZONE)
  return { size: module * modules, overlap: (module * QUIET_ZONE) / 2 }
}
