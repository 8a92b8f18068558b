// URL-safe slugs from deck paths and titles: ä → ae, ß → ss, spaces → -.
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' }

/** One path segment or title as a slug: lower-case ASCII letters, digits and single dashes. */
export function slugify(text: string): string {
  return text
    .replace(/[äöüÄÖÜßẞ]/g, (c) => GERMAN[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A deck's slug: its path under decks/ without `.md`, each folder slugified. */
export function deckSlug(file: string): string {
  return file
    .replace(/\.md$/i, '')
    .split('/')
    .map(slugify)
    .filter((s) => s !== '')
    .join('/')
}
