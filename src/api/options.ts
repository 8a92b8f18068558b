// Options every command shares, and the base path rules.

export interface CommonOptions {
  /** Project root holding vite.config.ts and themes/. @default process.cwd() */
  root?: string
  /** Decks folder. @default the plugin's decksDir ('decks') */
  decksDir?: string
  /** Pins "today" (YYYY-MM-DD) for upcoming vs past. @default the local date */
  today?: string
  /** Where the site is published (http or https); overrides siteUrl in vite.config.ts. @default the config's */
  siteUrl?: string
}

/**
 * '/intern/decks' → '/intern/decks/'; '.' or '' → './' (relative links). Throws a message for the
 * presenter on anything that is not a path of this site: a scheme, `..`, a query or a fragment.
 */
export function normaliseBase(base: string): string {
  if (base === '.' || base === './' || base === '') return './'
  const problem = baseProblem(base)
  if (problem) throw new Error(`base path "${base}" ${problem}: use a path such as /intern/decks/, / or ./ (relative links)`)
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
}

function baseProblem(base: string): string | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(base) || base.startsWith('//')) return 'is a web address, not a path (the public address is the siteUrl option)'
  if (/[?#]/.test(base)) return 'has a query or fragment (? or #)'
  const segments = base.split('/')
  if (segments.includes('..')) return 'leaves the site with ..'
  if (base.startsWith('./') || segments.includes('.')) return 'mixes ./ with a path (./ alone gives relative links)'
  if (/[\s\\"<>`]|[\0-\x1f\x7f]/.test(base)) return 'contains spaces, quotes or backslashes'
  return undefined
}
