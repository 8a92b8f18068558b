// Editor litter (lock files, dangling links, dot-folders) in the decks folder: what the deck listing skips, the build never touches.
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { check } from '../../src/index.ts'
import { listFiles } from '../../src/io/file-listing.ts'
import { listDeckFiles } from '../../src/io/read-decks.ts'
import { buildTo, tempDir } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'
import { tempProject } from '../helpers/temp-project.ts'

describe('editor litter in the decks folder', () => {
  it('does not break a build, nor a second one: Emacs lock files are dangling links', async () => {
    const { decksDir } = tempProject()
    symlinkSync('meike@laptop.12345:1700000000', join(decksDir, '.#talk.md'))
    symlinkSync('nowhere', join(decksDir, 'vertrieb/.#update.md'))
    mkdirSync(join(decksDir, '.git'))
    symlinkSync('gone', join(decksDir, '.git/index.lock'))

    expect((await check({ root: ROOT, decksDir })).diagnostics).toEqual([])
    const first = await buildTo({ decksDir })
    expect(first).toMatchObject({ ok: true, diagnostics: [] })
    expect(await buildTo({ decksDir, outDir: first.outDir })).toMatchObject({ ok: true, upToDate: true })
  })

  it('names a dangling deck link that is not a dot-file, instead of stumbling over it', async () => {
    const { decksDir } = tempProject()
    symlinkSync('gone.md', join(decksDir, 'old.md'))
    const result = await buildTo({ decksDir })
    expect(result.ok).toBe(false)
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: 'old.md', line: 1, col: 1, message: expect.stringMatching(/broken symbolic link/) })])
    expect((await check({ root: ROOT, decksDir })).diagnostics.map((d) => d.file)).toEqual(['old.md'])
  })

  it('does not look inside node_modules or dot-folders', async () => {
    const { decksDir } = tempProject()
    mkdirSync(join(decksDir, 'node_modules/x'), { recursive: true })
    symlinkSync('nowhere', join(decksDir, 'node_modules/x/broken'))
    const first = await buildTo({ decksDir, outDir: join(tempDir('nm'), 'site') })
    expect(first.ok).toBe(true)
    expect(await buildTo({ decksDir, outDir: first.outDir })).toMatchObject({ ok: true, upToDate: true })
  })
})

describe('the one listing rule', () => {
  it('skips dot-entries and node_modules without entering them, and lists links as links', async () => {
    const { decksDir } = tempProject()
    mkdirSync(join(decksDir, '.drafts'))
    symlinkSync('nowhere', join(decksDir, '.drafts/x.md'))
    symlinkSync('nowhere', join(decksDir, '.#talk.md'))
    symlinkSync('vertrieb/update.md', join(decksDir, 'alias.md'))
    expect(listFiles(decksDir)).toEqual([
      { name: 'alias.md', link: true },
      { name: 'vertrieb/update.md', link: false },
    ])
    // A link to a deck inside the decks folder is a deck; where it leads is checked when it is read.
    expect(await listDeckFiles(decksDir)).toEqual(['alias.md', 'vertrieb/update.md'])
  })
})
