// Which decks an export is about (the slugs named on the command line, or all of them with --all),
// and what each exported file is called.
import { closeMatches } from './close-matches.ts'
import { deckSlug } from './slug.ts'

export type ExportKind = 'html' | 'pdf' | 'notes' | 'handout'

/** Every kind, in the order a deck's files are made and listed. */
export const EXPORT_KINDS: readonly ExportKind[] = ['html', 'pdf', 'notes', 'handout']

const SUFFIX: Record<ExportKind, string> = { html: '.html', pdf: '.pdf', notes: '-notes.pdf', handout: '-homework.pdf' }

/**
 * The chosen slugs in the order given (or all, sorted; a folder gives its decks, sorted), or a presenter's message. `known` holds every
 * address a deck file gives, broken decks included: a broken deck is named and reported, not "unknown".
 * @example selectDecks(['vertrieb/2026-12-03-update'], ['vertrieb/update'], false, 'decks') // { problem: 'no deck "vertrieb/update" in decks/: did you mean vertrieb/2026-12-03-update?' }
 */
export function selectDecks(known: readonly string[], wanted: readonly string[], all: boolean, decksLabel: string): { slugs: string[] } | { problem: string } {
  const sorted = [...new Set(known)].sort()
  if (!sorted.length) return { problem: `${decksLabel}/ has no decks to export` }
  if (all && wanted.length) return { problem: 'give deck slugs or --all, not both' }
  if (all) return { slugs: sorted }
  if (!wanted.length) return { problem: `name the decks to export by slug, or give --all for every deck. The decks: ${listed(sorted)}` }
  // A deck's file under the decks folder does as well as its slug: `vertrieb/Übersicht.md` is `vertrieb/uebersicht`;
  // as in the site's address, slashes may come along at either end.
  // A folder (`vertrieb`) stands for every deck in it and below, sorted; a deck's own slug comes first.
  const slugs = wanted.map((w) => {
    const slug = deckSlug(w)
    return sorted.includes(slug) ? [slug] : slug ? sorted.filter((s) => s.startsWith(`${slug}/`)) : []
  })
  const unknown = [...new Set(wanted.filter((_, i) => !slugs[i]!.length))]
  if (unknown.length) return { problem: unknown.map((w) => `no deck "${w}" in ${decksLabel}/: ${hint(deckSlug(w), sorted)}`).join('\n') }
  return { slugs: [...new Set(slugs.flat())] }
}

function hint(given: string, known: string[]): string {
  const close = closeMatches(given, known)
  return close.length ? `did you mean ${close.join(', ')}?` : `the decks are ${listed(known)}`
}

const listed = (slugs: string[]) => `${slugs.slice(0, 10).join(', ')}${slugs.length > 10 ? ', …' : ''}`

/** The file name of a slug's export: `vertrieb/2026-12-03-update`, 'pdf' → `vertrieb-2026-12-03-update.pdf`. */
export function exportFileName(slug: string, kind: ExportKind): string {
  return `${slug.replace(/\//g, '-')}${SUFFIX[kind]}`
}

/**
 * Decks whose exports would share file names, each with the others: `a/b-c` and `a-b/c` both export
 * as `a-b-c.html`. Exported together, one would silently replace the other, so neither is exported.
 * @example exportNameClashes(['a/b-c', 'a-b/c', 'x']) // Map { 'a/b-c' => ['a-b/c'], 'a-b/c' => ['a/b-c'] }
 */
export function exportNameClashes(slugs: readonly string[]): Map<string, string[]> {
  const byName = new Map<string, string[]>()
  for (const slug of new Set(slugs)) {
    const name = exportFileName(slug, 'html')
    byName.set(name, [...(byName.get(name) ?? []), slug])
  }
  const clashes = new Map<string, string[]>()
  for (const group of byName.values()) if (group.length > 1) for (const slug of group) clashes.set(slug, group.filter((s) => s !== slug))
  return clashes
}

/** The most bytes a file name may have on common file systems (ext4, APFS, NTFS in UTF-16 units). */
export const NAME_MAX = 255
/** What writing aside adds to a file's name until it is renamed into place: `.1a2b3c4d.tmp`. */
const ASIDE = '.00000000.tmp'.length

/**
 * The bytes of the longest file name a deck's export writes (its homework sheet, while written
 * aside), when that is more than a file system takes: deep folders with long names add up.
 * @example exportNameTooLong('vertrieb/update') // undefined
 */
export function exportNameTooLong(slug: string): number | undefined {
  const bytes = new TextEncoder().encode(exportFileName(slug, 'handout')).length + ASIDE
  return bytes > NAME_MAX ? bytes : undefined
}

/** Where a build with exports puts a deck's files, from the site root: `exports/vertrieb-2026-12-03-update.pdf`. */
export const EXPORTS_FOLDER = 'exports'
