// A throwaway project folder with its own decks and caches (node_modules/.cache), the repo's themes.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './build-fixture.ts'
import { ROOT } from './site.ts'

export const deckText = (title: string) =>
  `---\ntitle: ${title}\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n# ${title}\n`

/** A project without vite.config.ts (the plugin's defaults) and one deck, decks/vertrieb/update.md. */
export function tempProject(): { root: string; decksDir: string } {
  const root = join(tempDir('project'), 'project') // alone in its parent: nothing may appear beside it
  mkdirSync(root)
  symlinkSync(join(ROOT, 'themes'), join(root, 'themes'))
  const decksDir = join(root, 'decks')
  mkdirSync(join(decksDir, 'vertrieb'), { recursive: true })
  writeFileSync(join(decksDir, 'vertrieb/update.md'), deckText('Update'))
  return { root, decksDir }
}
