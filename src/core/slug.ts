// URL-safe slugs from deck paths and titles: ä → ae, ß → ss, spaces → -, other scripts kept as letters.
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' }
/** Latin letters that do not decompose into a base letter and a mark. */
const LATIN: Record<string, string> = { ø: 'o', Ø: 'O', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i' }

/**
 * One path segment or title as a slug: lower-case letters, digits and single dashes. Latin letters
 * become ASCII (ä → ae, é → e); letters of other scripts stay (עדכון, 営業), and URLs percent-encode them.
 */
export function slugify(text: string): string {
  return (
    text
      // macOS and its zips write names decomposed (u + ¨): compose first, or ü would lose its e.
      .normalize('NFC')
      .replace(/[äöüÄÖÜßẞ]/g, (c) => GERMAN[c]!)
      .replace(/[øØæÆœŒłŁđĐðÐþÞı]/g, (c) => LATIN[c]!)
      .normalize('NFKD')
      // Accents go from Latin letters only: in other scripts marks are part of the letter (й, が, हि).
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
  )
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
