// Site settings and load contexts for tests.
import { resolve } from 'node:path'
import { SiteOptions, type SiteOptionsInput, type SiteConfig } from '../../src/core/frontmatter.ts'

export const ROOT = resolve(import.meta.dirname, '../..')
export const FIXTURE_DECKS = resolve(ROOT, 'test/fixtures/decks')
export const THEMES = ['corporate', 'dark', 'default']

export function siteConfig(options: SiteOptionsInput = {}): SiteConfig {
  return SiteOptions.parse(options)
}
