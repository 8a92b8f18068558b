// "Did you mean …": the known names closest to a mistyped one.

/** Edit distance (insert, delete, replace one character) between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = row
  }
  return previous[b.length]!
}

/**
 * Up to `limit` names of `known` that `given` may have meant, closest first: those that contain it
 * or that it contains (a date or a folder left out), then those a few typing mistakes away.
 * @example closeMatches('vertrieb/social-media', ['vertrieb/2026-12-03-social-media-update']) // ['vertrieb/2026-12-03-social-media-update']
 */
export function closeMatches(given: string, known: readonly string[], limit = 3): string[] {
  const needle = given.toLowerCase().replace(/^\/+|\/+$|\.md$/g, '')
  const scored = known.map((name) => {
    const hay = name.toLowerCase()
    const parts = needle.split(/[/-]+/).filter(Boolean)
    const contains = needle !== '' && (hay.includes(needle) || needle.includes(hay) || parts.every((p) => hay.includes(p)))
    return { name, score: contains ? 0 : editDistance(needle, hay) }
  })
  const tolerance = Math.max(3, Math.floor(needle.length / 3))
  return scored
    .filter((s) => s.score <= tolerance)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name)
}
