// The generated last slide: the deck's tasks with QR codes sized to scan from the back of the room.
import { codeBox, layoutHomework, textBox } from './homework-layout.ts'
import { escapeHtml } from './escape-html.ts'
import { formatDate, NETWORK_NAMES, WORDS } from './i18n.ts'
import { kindIcon } from './icons.ts'
import type { HomeworkTask } from './frontmatter.ts'
import type { Deck, Task } from './model.ts'
import { qrCode } from './qr.ts'
import { shortLinkLabel } from './short-link.ts'
import { displayUrl, urlPath } from './urls.ts'

/**
 * What a task's link is called: the short link (`xing.com/profile`); for share tasks the network,
 * and on the homework page also the page being shared (the slide has no room for both). A
 * forwarded task shows its forwarding address on the slide, short enough to type.
 */
export function taskLabel(task: Task, where: 'slide' | 'page'): string {
  if (where === 'slide') return task.forward ? shortLinkLabel(task.target) : slideLabel(task)
  return task.kind === 'share' ? `${NETWORK_NAMES[task.network]}: ${displayUrl(task.url)}` : displayUrl(task.url)
}

/** A task's link on the slide when it is not forwarded: the short link, or a share's network. */
export function slideLabel(task: HomeworkTask): string {
  return task.kind === 'share' ? NETWORK_NAMES[task.network] : displayUrl(task.url)
}

/**
 * The text below a code: the short link with the due date beside it, or below it where the layout
 * says the column is too narrow; a forwarding address on two lines, whole, to be typed (see addressBox).
 */
function linkLine(task: Task, due: string, dueBelow: boolean): string {
  if (!task.forward) {
    const url = `<span class="updeck-url">${escapeHtml(taskLabel(task, 'slide'))}</span>`
    if (due && dueBelow) return `<p class="updeck-link updeck-due-below">${url}${due}</p>`
    return `<p class="updeck-link">${url}${due ? ` · ${due}` : ''}</p>`
  }
  const address = shortLinkLabel(task.target)
  const split = address.lastIndexOf('go/')
  return `<p class="updeck-link updeck-address"><span class="updeck-url">${escapeHtml(address.slice(0, split))}<br>${escapeHtml(address.slice(split))}</span>${due ? ` · ${due}` : ''}</p>`
}

/** A task's QR code as inline SVG, `px` wide: dark on white with its 4-module quiet zone. */
export function qrSvg(task: Task, px: number): string {
  return `<svg width="${px}" height="${px}" ${qrCode(task.target, task.qrLevel).svg.slice('<svg '.length)}`
}

/** The homework page's public address, with a site address (siteUrl): what phones are shown. */
export function homeworkPageUrl(deck: Deck, siteUrl: string | undefined): string | undefined {
  return siteUrl ? `${siteUrl}${urlPath(deck.slug)}/homework/` : undefined
}

/**
 * A click on a code leads to the task's 'slide' link (campaign tags of a click, no forwarding
 * page); `data-code` holds what the code encodes. The slide draws what `layoutHomework` computed: each task is placed at its cell (inline style;
 * the CSP allows inline styles) and its code is exactly its tile's px (width and height).
 */
/**
 * `homeworkUrl` is the homework page's public address, shown for phones (with a site address);
 * `pageHref` links the heading to the same page as this copy of the site has it (relative from a
 * folder), for the presenter.
 */
export function renderHomeworkSlide(deck: Deck, homeworkUrl: string | undefined, pageHref?: string): string {
  const words = WORDS[deck.meta.lang]
  const layout = layoutHomework(
    deck.homework.map((task) => codeBox(qrCode(task.target, task.qrLevel).modules, textBox(slideLabel(task), task.due !== undefined, task.forward ? shortLinkLabel(task.target) : undefined))),
  )
  const items = deck.homework
    .map((task, i) => {
      const cell = layout.cells[i]!
      const due = task.due ? `<span class="updeck-due">${words.due} ${escapeHtml(formatDate(task.due, deck.meta.lang))}</span>` : ''
      const twoLines = task.forward || (due && cell.dueBelow)
      return `<li class="updeck-task updeck-kind-${task.kind}${task.forward ? ' updeck-forwarded' : ''}${twoLines ? ' updeck-two-lines' : ''}" style="left:${cell.x}px;top:${cell.y}px;width:${cell.width}px">
<p class="updeck-task-title" title="${escapeHtml(task.title)}">${kindIcon(task.kind)} ${escapeHtml(task.title)}</p>
<a class="updeck-qr" href="${escapeHtml(task.links.slide)}" data-code="${escapeHtml(task.target)}" target="_blank" rel="noopener noreferrer">${qrSvg(task, cell.tile)}</a>
${linkLine(task, due, cell.dueBelow)}
</li>`
    })
    .join('\n')
  const page = homeworkUrl ? `<p class="updeck-homework-url">${words.homeworkPage}: <a href="${escapeHtml(homeworkUrl)}">${escapeHtml(displayUrl(homeworkUrl))}</a></p>` : ''
  return `<section class="updeck-homework" data-tasks="${deck.homework.length}" data-rows="${layout.rows}" data-px-per-module="${layout.pxPerModule}" data-state="updeck-homework">
<header class="updeck-homework-head"><h2>${pageHref ? `<a href="${escapeHtml(pageHref)}">${words.homework}</a>` : words.homework}</h2>${page}</header>
<ol class="updeck-tasks">
${items}
</ol>
</section>`
}
