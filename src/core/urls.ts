// Links between pages of the site, under a base path ("/intern/decks/") or relative ("./").
import { domainToUnicode } from 'node:url'
import { graphemes } from './graphemes.ts'

/**
 * The URL of `target` (a path from the site root, e.g. `assets/app.js` or `vertrieb/`) as written
 * in the page at `from` (e.g. `vertrieb/index.html`).
 *
 * Relative links (base `./`, the default) name a folder's `index.html`: opened from a folder
 * (`file://`), a link to `vertrieb/` shows the folder's listing, not its page. Under a base path
 * links keep the folder's address, as a web server serves it.
 */
export function siteHref(base: string, from: string, target: string): string {
  if (base !== './' && base !== '') return `${base}${urlPath(target)}`
  const depth = from.split('/').length - 1
  const page = target === '' || target.endsWith('/') ? `${target}index.html` : target
  return `${'../'.repeat(depth)}${urlPath(page)}`
}

/**
 * A site path as written in a URL: letters beyond ASCII percent-encoded as UTF-8 (a deck named
 * עדכון.md lives at /%D7%A2%D7%93…/), ASCII left as it is, so encoded paths are not encoded twice.
 */
export function urlPath(path: string): string {
  return path.replace(/[^\x21-\x7e]+/g, encodeURIComponent)
}

/** Labels already made: a task's link is labelled for the layout, the slide and the homework page. */
const labels = new Map<string, string>()

/** Short human-readable form of a URL for under a QR code: host without www, plus the path. */
export function displayUrl(url: string): string {
  let label = labels.get(url)
  if (label === undefined) {
    if (labels.size >= 1_000) labels.clear()
    label = shortForm(url)
    labels.set(url, label)
  }
  return label
}

function shortForm(url: string): string {
  const u = new URL(url)
  const host = domainToUnicode(u.hostname).replace(/^www\./, '')
  let path = u.pathname === '/' ? '' : u.pathname.replace(/\/$/, '')
  try {
    path = decodeURIComponent(path)
  } catch {
    // keep the encoded path
  }
  const full = host + path
  // Counted and cut in graphemes: a UTF-16 slice would split an emoji or drop a combining accent.
  // No more UTF-16 units than the limit: no more graphemes either (segmenting is the costly part).
  if (full.length <= 42) return full
  // Printable ASCII is a grapheme per unit; other text is segmented only as far as the cut.
  if (/^[\x20-\x7e]*$/.test(full)) return `${full.slice(0, 40)}…`
  const seen: string[] = []
  for (const segment of graphemes(full)) {
    seen.push(segment)
    if (seen.length > 42) return `${seen.slice(0, 40).join('')}…`
  }
  return full
}

