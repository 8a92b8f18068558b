// What page renderers need from outside: site options, base path, today, and bundled asset paths.
import type { SiteConfig } from './frontmatter.ts'

export interface SiteAssets {
  /** Module scripts of a deck page, site-root paths (e.g. `assets/deck-1a2b.js`). */
  deckJs: string[]
  /** Stylesheets of a deck page by theme name. */
  deckCss: Record<string, string[]>
  /** Stylesheets of the index and homework pages. */
  pageCss: string[]
  /** Classic scripts (`<script defer>`, no module: they run from file:// too) of the index and homework pages. */
  pageJs?: string[]
  /** Site-root path of an image from the decks folder (e.g. `assets/chart-1a2b.png`), or its data: URI (a one-file export). */
  image(path: string): string
}

export interface SiteContext {
  site: SiteConfig
  /** '/', '/intern/decks/' (absolute) or './' (relative links). */
  base: string
  /** YYYY-MM-DD: decides upcoming vs past. */
  today: string
  /** The build's time as an iCalendar UTC stamp, YYYYMMDDTHHMMSSZ. */
  stamp: string
  assets: SiteAssets
  /** Dev server pages: no CSP (vite's client injects styles). */
  dev?: boolean
  /** Built with exports: each deck's one-file HTML, PDF and homework sheet are in exports/. */
  exports?: boolean
}

/**
 * Allows only the site's own scripts, styles, images and fonts; no inline script. Inline styles stay
 * allowed: reveal.js writes style attributes while laying out slides, and styles cannot run script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
