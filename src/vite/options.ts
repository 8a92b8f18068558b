// The updeck() plugin's options: validated like a deck, with every default filled in one place.
import { SiteOptions, SiteUrl, type SiteConfig, type SiteOptionsInput } from '../core/frontmatter.ts'
import { fieldName } from '../core/yaml-issues.ts'
import { presenterMessages } from '../core/zod-messages.ts'
import type { DevStart } from './dev-start.ts'

/**
 * Site-wide settings, written in vite.config.ts.
 * @example updeck({ organisation: 'Muster GmbH', siteUrl: 'https://intranet.example.com/decks/' })
 */
export type UpdeckOptions = SiteOptionsInput

/** Overrides the command line passes through vite's inline config (`updeck` key). */
export interface UpdeckOverrides {
  /** Decks folder, absolute or relative to the project root. */
  decksDir?: string
  /** Today as YYYY-MM-DD (tests pin it). @default the build machine's local date */
  today?: string
  /** Bundle only the shared runtime (reveal.js, themes); the command line writes the pages. */
  runtimeOnly?: boolean
  /** `--site-url`: where the site is published; overrides siteUrl of the plugin options. */
  siteUrl?: string | undefined
  /** The dev server's decks, read and being parsed since before vite loaded (see dev-start.ts). */
  start?: DevStart
}

declare module 'vite' {
  interface UserConfig {
    /** updeck's command-line overrides; site settings go into the updeck() plugin. */
    updeck?: UpdeckOverrides
  }
}

/** Validates the plugin options; a mistake there stops the build with one line per problem. */
export function resolveOptions(options: UpdeckOptions = {}): SiteConfig {
  const parsed = SiteOptions.safeParse(options, { error: presenterMessages })
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `vite.config.ts updeck() ${fieldName(i.path.filter((p) => typeof p !== 'symbol'))}: ${i.message}`)
    throw new Error(lines.join('\n'))
  }
  return parsed.data
}

/**
 * The site settings a command runs with: `siteUrl` (from `--site-url`) overrides the one in
 * vite.config.ts, so that CI can publish one set of decks to several places.
 * @example withSiteUrl(site, 'https://intranet.example.com/decks') // { ...site, siteUrl: 'https://intranet.example.com/decks/' }
 */
export function withSiteUrl(site: SiteConfig, siteUrl: string | undefined): SiteConfig {
  let result = site
  if (siteUrl !== undefined) {
    const parsed = SiteUrl.safeParse(siteUrl)
    if (!parsed.success) throw new Error(`--site-url: ${parsed.error.issues[0]!.message}`)
    result = { ...site, siteUrl: parsed.data }
  }
  if (result.shortLinks === true && !result.siteUrl) {
    throw new Error('vite.config.ts updeck() shortLinks: true needs the address the site is published at: siteUrl, or --site-url')
  }
  return result
}
