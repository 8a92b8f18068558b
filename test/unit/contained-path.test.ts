// Files outside decks/ are never read on a deck's behalf: symbolic links are judged by where they lead.
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { containedPath, isInside } from '../../src/io/contained-path.ts'
import { loadDecks } from '../../src/io/load-decks.ts'
import { tempDir } from '../helpers/build-fixture.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
const deck = (body: string) => `---\ntitle: Links\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n# Links\n\n${body}\n`

/** A project with a secret next to decks/; `links` are [link, target] pairs made inside decks/. */
function project(files: Record<string, string | Buffer>, links: [string, string][]) {
  const root = tempDir('links')
  const decksDir = join(root, 'decks')
  writeFileSync(join(root, '.env'), 'SECRET=hunter2\n')
  mkdirSync(join(root, 'elsewhere'))
  writeFileSync(join(root, 'elsewhere', 'logo.png'), PNG)
  writeFileSync(join(root, 'elsewhere', 'talk.md'), deck('# Von draußen'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(decksDir, name, '..'), { recursive: true })
    writeFileSync(join(decksDir, name), content)
  }
  for (const [link, target] of links) {
    mkdirSync(join(decksDir, link, '..'), { recursive: true })
    symlinkSync(target, join(decksDir, link))
  }
  return decksDir
}

async function messages(decksDir: string) {
  const loaded = await loadDecks({ decksDir, themes: THEMES, site: siteConfig() })
  return { slugs: loaded.decks.map((d) => d.deck.slug), messages: loaded.diagnostics.map((d) => formatDiagnostic(d, 'decks/')) }
}

describe('containedPath', () => {
  it('is string math on real paths: strictly inside, never the folder itself or a sibling with the same prefix', () => {
    expect(isInside('/srv/decks', '/srv/decks/a.png')).toBe(true)
    expect(isInside('/srv/decks', '/srv/decks/..a/b.png')).toBe(true)
    expect(isInside('/srv/decks', '/srv/decks')).toBe(false)
    expect(isInside('/srv/decks', '/srv/decks-old/a.png')).toBe(false)
    expect(isInside('/srv/decks', '/srv/a.png')).toBe(false)
  })

  it('follows links and refuses those that lead out, and paths that climb out', () => {
    const decksDir = project({ 'img/real.png': PNG }, [['img/alias.png', 'real.png'], ['img/logo.png', '../../.env'], ['loop.png', 'loop.png']])
    expect(containedPath(decksDir, 'img/alias.png')).toEqual({ path: realpathSync(join(decksDir, 'img/real.png')) })
    expect(containedPath(decksDir, 'img/logo.png')).toEqual({ refused: 'outside' })
    expect(containedPath(decksDir, '../.env')).toEqual({ refused: 'outside' })
    expect(containedPath(decksDir, 'loop.png')).toEqual({ refused: 'missing' })
    expect(containedPath(decksDir, 'img/none.png')).toEqual({ refused: 'missing' })
  })
})

describe('a deck that uses files outside the decks folder through links', () => {
  it('refuses an image that is a link to ../../.env, and one in a linked folder, with file:line:col', async () => {
    const decksDir = project({ 'talk.md': deck('![Logo](img/logo.png)\n\n![Auch](shared/logo.png)\n\n![Echt](img/alias.png)'), 'img/real.png': PNG }, [
      ['img/logo.png', '../../.env'],
      ['shared', '../elsewhere'],
      ['img/alias.png', 'real.png'],
    ])
    expect((await messages(decksDir)).messages).toEqual([
      'decks/shared:1:1 warning: is a link to a folder outside the decks folder: nothing in it is read or published; move its decks and images into the decks folder',
      'decks/talk.md:11:9 image "img/logo.png" leads outside the decks folder through a symbolic link: copy the file itself into the decks folder',
      'decks/talk.md:13:9 image "shared/logo.png" leads outside the decks folder through a symbolic link: copy the file itself into the decks folder',
    ])
  })

  it('refuses a deck file that is a link to a file outside, at line 1 col 1, and reads one that stays inside', async () => {
    const decksDir = project({ 'echt.md': deck('# Echt') }, [['fremd.md', '../elsewhere/talk.md'], ['passwd.md', '/etc/passwd'], ['zweit.md', 'echt.md']])
    const { slugs, messages: found } = await messages(decksDir)
    expect(found).toEqual([
      'decks/fremd.md:1:1 leads outside the decks folder through a symbolic link: decks are read only from inside it; copy the file itself into the decks folder',
      'decks/passwd.md:1:1 leads outside the decks folder through a symbolic link: decks are read only from inside it; copy the file itself into the decks folder',
    ])
    expect(slugs).toEqual(['echt', 'zweit'])
  })

  it('says which deck link is broken instead of failing with a stack trace', async () => {
    const decksDir = project({}, [['weg.md', 'gibt-es-nicht.md']])
    expect((await messages(decksDir)).messages).toEqual(['decks/weg.md:1:1 the file is gone or is a broken symbolic link: restore it or remove the link'])
  })
})
