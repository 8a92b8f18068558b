// The one escaping helper: every value from a deck or the options goes through it into HTML.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: string | number): string {
  // NUL becomes U+FFFD as HTML parsers and markdown-it do: it delimits the renderer's own image markers.
  return String(value).replace(/[&<>"'\0]/g, (c) => ENTITIES[c] ?? '\uFFFD')
}
