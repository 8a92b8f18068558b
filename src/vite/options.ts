// The updeck() plugin's options: validated like a deck, with every default filled in one place.
import { SiteOptions, type SiteConfig, type SiteOptionsInput } from '../core/frontmatter.ts'
import { fieldName } from '../core/yaml-issues.ts'
import { presenterMessages } from '../core/zod-messages.ts'

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
  if (parsed.data.shortLinks && !parsed.data.siteUrl) {
    throw new Error('vite.config.ts updeck() shortLinks: needs siteUrl, the address the site is published at')
  }
  return parsed.data
}
