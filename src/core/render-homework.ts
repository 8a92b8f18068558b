// The generated last slide: the deck's tasks with QR codes sized to scan from the back of the room.
import { maxQrVersion, qrTileSize } from './homework-layout.ts'
import { escapeHtml } from './escape-html.ts'
import { formatDate, NETWORK_NAMES, WORDS } from './i18n.ts'
import { kindIcon } from './icons.ts'
import type { Deck, Task } from './model.ts'
import { qrCode } from './qr.ts'
import { displayUrl } from './urls.ts'

/**
 * What a task's link is called: the short link (`xing.com/profile`); for share tasks the network,
 * and on the homework page also the page being shared (the slide has no room for both).
 */
export function taskLabel(task: Task, where: 'slide' | 'page'): string {
  if (task.kind !== 'share') return displayUrl(task.url)
  return where === 'slide' ? NETWORK_NAMES[task.network] : `${NETWORK_NAMES[task.network]}: ${displayUrl(task.url)}`
}

/** A QR code as inline SVG, `px` wide: dark on white with its 4-module quiet zone. */
export function qrSvg(target: string, px: number, maxVersion = 40): string {
  return qrCode(target, maxVersion).svg.replace('<svg ', `<svg width="${px}" height="${px}" `)
}

export function renderHomeworkSlide(deck: Deck, homeworkUrl: string | undefined): string {
  const words = WORDS[deck.meta.lang]
  const tile = qrTileSize(deck.homework.length)
  const items = deck.homework
    .map((task) => {
      const due = task.due ? ` · <span class="updeck-due">${words.due} ${escapeHtml(formatDate(task.due, deck.meta.lang))}</span>` : ''
      return `<li class="updeck-task updeck-kind-${task.kind}">
<p class="updeck-task-title" title="${escapeHtml(task.title)}">${kindIcon(task.kind)} ${escapeHtml(task.title)}</p>
<a class="updeck-qr" href="${escapeHtml(task.target)}" target="_blank" rel="noopener noreferrer">${qrSvg(task.target, tile, maxQrVersion(deck.homework.length))}</a>
<p class="updeck-link"><span class="updeck-url">${escapeHtml(taskLabel(task, 'slide'))}</span>${due}</p>
</li>`
    })
    .join('\n')
  const page = homeworkUrl ? `<p class="updeck-homework-url">${words.homeworkPage}: <a href="${escapeHtml(homeworkUrl)}">${escapeHtml(displayUrl(homeworkUrl))}</a></p>` : ''
  return `<section class="updeck-homework" data-tasks="${deck.homework.length}" data-state="updeck-homework">
<header class="updeck-homework-head"><h2>${words.homework}</h2>${page}</header>
<ol class="updeck-tasks">
${items}
</ol>
</section>`
}
