// Which decks an export is about: the slugs named on the command line, or all of them with --all.

/** The chosen slugs in the order given (or all, sorted), or a presenter's message. */
export function selectDecks(known: string[], wanted: string[], all: boolean): { slugs: string[] } | { problem: string } {
  const sorted = [...known].sort()
  if (!known.length) return { problem: 'the decks folder has no decks to export' }
  if (all && wanted.length) return { problem: 'give deck slugs or --all, not both' }
  if (all) return { slugs: sorted }
  if (!wanted.length) return { problem: `name the decks to export by slug, or give --all. The decks: ${sorted.join(', ')}` }
  // As in the site's address, a trailing slash may come along.
  const slugs = wanted.map((w) => w.replace(/\/+$/, ''))
  const unknown = slugs.filter((s) => !known.includes(s))
  if (unknown.length) return { problem: `no deck ${unknown.map((s) => `"${s}"`).join(', ')}: the decks are ${sorted.join(', ')}` }
  return { slugs: [...new Set(slugs)] }
}

/** The file name of a slug's export: `vertrieb/2026-12-03-update` → `vertrieb-2026-12-03-update`. */
export function exportName(slug: string): string {
  return slug.replace(/\//g, '-')
}
