// Which URLs a deck may use: links in Markdown, image sources and homework URLs.

const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/**
 * Decode what could hide a scheme: HTML entities (markdown-it has decoded named and numeric
 * ones already), percent escapes, and the control and space characters browsers strip.
 */
function unmask(url: string): string {
  let out = url
  // Without % or & there is nothing to decode (most URLs): the loop below would change nothing.
  for (let i = 0; i < 3 && MASKED.test(out); i++) {
    let next = out
    try {
      next = decodeURIComponent(out)
    } catch {
      next = out.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    }
    next = next.replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => codePoint(parseInt(h, 16)))
    next = next.replace(/&#(\d+);?/g, (_, d: string) => codePoint(Number(d)))
    next = next.replace(/&colon;?/gi, ':').replace(/&tab;?|&newline;?/gi, '')
    if (next === out) break
    out = next
  }
  // WHATWG URL parsing removes tabs and newlines anywhere and C0 controls and spaces at the ends.
  return out.replace(INVISIBLE, '')
}

const MASKED = /[%&]/
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u200b-\u200f\ufeff]/g

/** A numeric character reference beyond Unicode (&#x110000;) is U+FFFD to a browser; fromCodePoint throws. */
const codePoint = (n: number) => (n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd')

/** The scheme of a URL after unmasking, lower-case, or '' for a relative URL. */
export function urlScheme(url: string): string {
  const match = SCHEME.exec(unmask(url))
  return match ? match[1]!.toLowerCase() : ''
}

/** Links in slides: https, http, mailto, tel and relative paths; never javascript:, data:, vbscript:. */
export function isSafeLink(url: string): boolean {
  const scheme = urlScheme(url)
  return scheme === '' || scheme === 'https' || scheme === 'http' || scheme === 'mailto' || scheme === 'tel'
}

/** A homework URL: https only, no credentials; returns the WHATWG serialisation a phone opens. */
export function checkHttpsUrl(value: string): { href: string } | { error: string } {
  const trimmed = value.trim()
  if (urlScheme(trimmed) !== 'https') return { error: 'only https:// links are allowed' }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return { error: 'is not a valid web address' }
  }
  if (url.protocol !== 'https:') return { error: 'only https:// links are allowed' }
  if (url.username || url.password) return { error: 'must not contain a user name or password' }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return { error: 'needs a full host name, e.g. www.xing.com' }
  return { href: url.href }
}
