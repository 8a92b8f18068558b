// The one escaping helper: every value from a deck or the options goes through it into HTML.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const SPECIAL = /[&<>"'\0]/
const SPECIALS = /[&<>"'\0]/g
// NUL becomes U+FFFD as HTML parsers and markdown-it do: it delimits the renderer's own image markers.
const entity = (c: string) => ENTITIES[c] ?? '\uFFFD'

export function escapeHtml(value: string | number): string {
  const text = typeof value === 'string' ? value : String(value)
  // Most values (paths, dates, plain titles) hold nothing to escape: test first, replace only then.
  return SPECIAL.test(text) ? text.replace(SPECIALS, entity) : text
}
