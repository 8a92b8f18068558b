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

/** '/intern/decks' → '/intern/decks/'; '.' or '' → './' (relative links). */
export function normaliseBase(base: string): string {
  if (base === '.' || base === './' || base === '') return './'
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
}
