// markdown-it rule: refuses unsafe links and images outside the decks folder, records images.
import { posix } from 'node:path'
import type { StateCore, Token } from 'markdown-it'
import { escapeHtml } from '../escape-html.ts'
import { isSafeLink, urlScheme } from '../safe-url.ts'
import type { Lines, RenderEnv } from './env.ts'

/**
 * Marks an image source for the build to replace with the emitted file's URL (like vite's
 * __VITE_ASSET__). It starts and ends with NUL, which no deck text can carry into the HTML:
 * markdown-it turns NUL into U+FFFD, and so does escapeHtml; so a user can not forge one.
 */
export const ASSET_MARKER = '\0updeck-asset:'

export function linkGuard(state: StateCore): void {
  const env = state.env as unknown as RenderEnv
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue
    const line: Lines = block.map ?? [0, 0]
    for (const token of block.children) {
      if (token.type === 'link_open') checkLink(token, line, env)
      if (token.type === 'image') checkImage(token, line, env)
    }
  }
}

function checkLink(token: Token, line: Lines, env: RenderEnv): void {
  const href = String(token.attrGet('href') ?? '')
  if (isSafeLink(href)) return
  if (!env.reportedHrefs?.has(href)) env.problem(line, href, unsafeLinkMessage(href))
  token.attrSet('href', '#')
}

export const unsafeLinkMessage = (href: string) => `link "${clip(href)}" is not allowed: use an https:// address`

function checkImage(token: Token, line: Lines, env: RenderEnv): void {
  const src = String(token.attrGet('src') ?? '')
  token.attrSet('src', '')
  if (urlScheme(src) !== '' || src.startsWith('//')) {
    env.problem(line, src, `image "${clip(src)}" must be a file in the decks folder, not a web address: download it next to the deck`)
    return
  }
  let path: string
  try {
    path = decodeURIComponent(src.replace(/[?#].*$/, ''))
  } catch {
    path = src
  }
  const resolved = posix.normalize(posix.join(posix.dirname(env.file), path))
  if (path.startsWith('/') || resolved.startsWith('../') || resolved === '..') {
    env.problem(line, src, `image "${clip(src)}" is outside the decks folder: put it next to the deck`)
    return
  }
  env.image(line, src, resolved)
  token.attrSet('src', `${ASSET_MARKER}${encodeURIComponent(resolved)}\0`)
  if (!token.content.trim()) env.warn(line, src, `image "${clip(src)}" has no alt text: describe it in the brackets, ![like this](${clip(src)})`)
}

const IMAGE_MARKERS = new RegExp(`${ASSET_MARKER}([^\0"]*)\0`, 'g')

/**
 * Swaps the image markers left in rendered HTML for the URL each image gets, attribute-escaped.
 * A page without one (its QR codes make up most of it) is only searched for the marker's text.
 */
export function replaceImageMarkers(html: string, url: (path: string) => string): string {
  if (!html.includes(ASSET_MARKER)) return html
  return html.replace(IMAGE_MARKERS, (_, encoded: string) => escapeHtml(url(decodeURIComponent(encoded))))
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s)
