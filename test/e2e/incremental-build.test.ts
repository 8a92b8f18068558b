// A build after an edit renders only what changed, keeps every other file as it was (same bytes, same
// modification time), and leaves exactly the site a fresh full build makes.
import { execFile } from 'node:child_process'
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { generateDeck, writeDecks } from '../../scripts/bench/generate.ts'
import { buildTo, checksums, listFiles, tempDir } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'

const SITE_URL = 'https://intranet.example.com/decks/'
const COUNT = 12
const SITE_PAGES = ['index.html', 'decks.json', 'feed.xml', 'plan/index.html', 'meetings.ics']
const run = promisify(execFile)

// Calendar files carry the build's time: pinned, so that a rebuild and a fresh build compare byte for byte.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-12-05T10:00:00Z'))
})
afterAll(() => {
  vi.useRealTimers()
})

/** A built site of COUNT generated decks, and a way to rebuild it and to build it afresh elsewhere. */
async function builtSite(options: { root?: string } = {}) {
  const decksDir = join(tempDir('edits'), 'decks')
  const files = await writeDecks(decksDir, COUNT)
  const outDir = join(tempDir('edits-out'), 'site')
  const first = await buildTo({ ...options, decksDir, outDir, siteUrl: SITE_URL })
  expect(first).toMatchObject({ ok: true, decks: { total: COUNT, rendered: COUNT } })
  return {
    decksDir,
    outDir,
    files,
    rebuild: (more: { siteUrl?: string; base?: string } = {}) => buildTo({ ...options, decksDir, outDir, siteUrl: SITE_URL, ...more }),
    fresh: async () => checksums((await buildTo({ ...options, decksDir, siteUrl: SITE_URL })).outDir),
  }
}

/** path → "sha256 mtime": a file rewritten with the same bytes counts as touched. */
function state(dir: string): Record<string, string> {
  const sums = checksums(dir)
  return Object.fromEntries(Object.entries(sums).map(([f, sum]) => [f, `${sum} ${statSync(join(dir, f)).mtimeMs}`]))
}

function touched(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]).sort()
}

const slugOf = (file: string) => file.replace(/\.md$/, '')

describe('a build after one deck was edited', () => {
  it('renders that deck only, rewrites only its files and the pages about all decks, and equals a fresh build', async () => {
    const site = await builtSite()
    const before = state(site.outDir)
    const edited = site.files[4]!
    appendFileSync(join(site.decksDir, edited), '\n---\n\n# Noch eine Folie\n\nNeu in dieser Fassung.\n')
    const result = await site.rebuild()
    expect(result).toMatchObject({ ok: true, decks: { total: COUNT, rendered: 1 } })
    const changed = touched(before, state(site.outDir))
    expect(changed).toContain(`${slugOf(edited)}/index.html`)
    expect(changed.filter((f) => !f.startsWith(`${slugOf(edited)}/`) && !SITE_PAGES.includes(f))).toEqual([])
    expect(readFileSync(join(site.outDir, slugOf(edited), 'index.html'), 'utf8')).toContain('Neu in dieser Fassung.')
    expect(checksums(site.outDir)).toEqual(await site.fresh())
    // Nothing left beside the output: the scratch folder and the replaced files are gone.
    expect(listFiles(join(site.outDir, '..'))).toEqual(listFiles(site.outDir).map((f) => `site/${f}`))
  })

  it('leaves the pages about all decks alone after an edit of slides, and rewrites them after a new title', async () => {
    const site = await builtSite()
    const before = state(site.outDir)
    const edited = site.files[2]!
    appendFileSync(join(site.decksDir, edited), '\nNur der Text der letzten Folie ändert sich.\n')
    expect(await site.rebuild()).toMatchObject({ ok: true, decks: { total: COUNT, rendered: 1 } })
    const afterSlides = state(site.outDir)
    expect(touched(before, afterSlides).filter((f) => !f.startsWith(`${slugOf(edited)}/`))).toEqual([])
    writeFileSync(join(site.decksDir, edited), readFileSync(join(site.decksDir, edited), 'utf8').replace(/^title: .*$/m, 'title: Ein ganz neuer Titel'))
    expect(await site.rebuild()).toMatchObject({ ok: true, decks: { total: COUNT, rendered: 1 } })
    const changed = touched(afterSlides, state(site.outDir))
    expect(changed).toEqual(expect.arrayContaining(['index.html', 'decks.json', 'feed.xml', `${slugOf(edited)}/index.html`]))
    expect(readFileSync(join(site.outDir, 'index.html'), 'utf8')).toContain('Ein ganz neuer Titel')
    expect(checksums(site.outDir)).toEqual(await site.fresh())
  })

  it('removes the files of a deleted deck, folders included', async () => {
    const site = await builtSite()
    const gone = site.files[7]!
    rmSync(join(site.decksDir, gone))
    const result = await site.rebuild()
    expect(result).toMatchObject({ ok: true, decks: { total: COUNT - 1, rendered: 0 } })
    const files = listFiles(site.outDir)
    expect(files.filter((f) => f.startsWith(`${slugOf(gone)}/`))).toEqual([])
    expect(files.some((f) => f.startsWith(`${slugOf(site.files[6]!)}/`))).toBe(true)
    expect(statSync(join(site.outDir, slugOf(gone).split('/')[0]!)).isDirectory()).toBe(true) // other decks' folder stays
    expect(() => statSync(join(site.outDir, slugOf(gone)))).toThrow()
    expect(checksums(site.outDir)).toEqual(await site.fresh())
  })

  it('re-renders a deck whose image changed, with the new image, and drops the old one', async () => {
    const site = await builtSite()
    const deck = generateDeck(2)
    const oldImages = listFiles(join(site.outDir, 'assets')).filter((f) => f.endsWith('.svg'))
    writeFileSync(join(site.decksDir, deck.image.file), deck.image.svg.replace('#2a6f97', '#aa3377'))
    const result = await site.rebuild()
    expect(result).toMatchObject({ ok: true, decks: { total: COUNT, rendered: 1 } })
    const images = listFiles(join(site.outDir, 'assets')).filter((f) => f.endsWith('.svg'))
    const added = images.filter((f) => !oldImages.includes(f))
    expect(added).toHaveLength(1)
    expect(readFileSync(join(site.outDir, 'assets', added[0]!), 'utf8')).toContain('#aa3377')
    expect(readFileSync(join(site.outDir, slugOf(deck.file), 'index.html'), 'utf8')).toContain(`assets/${added[0]}`)
    expect(images).toHaveLength(oldImages.length)
    expect(checksums(site.outDir)).toEqual(await site.fresh())
  })

  it('keeps an image two decks share while one still shows it, and drops it when neither does', async () => {
    const site = await builtSite()
    const [owner, other] = [generateDeck(2), generateDeck(3)]
    const shared = relative(dirname(join(site.decksDir, other.file)), join(site.decksDir, owner.image.file)).split('\\').join('/')
    const otherText = readFileSync(join(site.decksDir, other.file), 'utf8')
    const asset = () => listFiles(join(site.outDir, 'assets')).filter((f) => f.startsWith(owner.image.file.split('/').pop()!.replace(/\.svg$/, '-')))
    const [before] = asset()
    writeFileSync(join(site.decksDir, other.file), `${otherText}\n---\n\n# Geteilt\n\n![Dasselbe Diagramm](${shared})\n`)
    expect(await site.rebuild()).toMatchObject({ ok: true, decks: { rendered: 1 } })
    expect(readFileSync(join(site.outDir, slugOf(other.file), 'index.html'), 'utf8')).toContain(`assets/${before}`)
    // The other deck drops it: the owner still shows it.
    writeFileSync(join(site.decksDir, other.file), otherText)
    expect(await site.rebuild()).toMatchObject({ ok: true, decks: { rendered: 1 } })
    expect(asset()).toEqual([before])
    expect(checksums(site.outDir)).toEqual(await site.fresh())
    // The owner drops it too: it is gone.
    const ownerText = readFileSync(join(site.decksDir, owner.file), 'utf8')
    writeFileSync(join(site.decksDir, owner.file), ownerText.replace(/!\[[^\]]*\]\(img\/[^)]+\)/, 'Ohne Bild.'))
    expect(await site.rebuild()).toMatchObject({ ok: true, decks: { rendered: 1 } })
    expect(asset()).toEqual([])
    expect(checksums(site.outDir)).toEqual(await site.fresh())
  })

  it('fails on a deck error and leaves the output exactly as it was, file times included', async () => {
    const site = await builtSite()
    const before = state(site.outDir)
    writeFileSync(join(site.decksDir, site.files[1]!), '---\ntitle: Ohne Datum\naudience: Vertrieb\n---\n\n# Kaputt\n')
    rmSync(join(site.decksDir, site.files[9]!)) // a deletion in the same build is not applied either
    const result = await site.rebuild()
    expect(result.ok).toBe(false)
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.field}`)).toEqual([`${site.files[1]} date`])
    expect(state(site.outDir)).toEqual(before)
    expect(listFiles(join(site.outDir, '..'))).toEqual(listFiles(site.outDir).map((f) => `site/${f}`))
  })

  it('fails on an image that is no longer an image, and leaves the output as it was', async () => {
    const site = await builtSite()
    const before = state(site.outDir)
    const deck = generateDeck(6)
    writeFileSync(join(site.decksDir, deck.image.file), 'not an image any more')
    const result = await site.rebuild()
    expect(result).toMatchObject({ ok: false, decks: { total: COUNT, rendered: 1 } })
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).toEqual([deck.file])
    expect(state(site.outDir)).toEqual(before)
  })

  it('builds everything when a file of the output was deleted or edited and no deck changed, and says which was edited', async () => {
    const site = await builtSite()
    rmSync(join(site.outDir, slugOf(site.files[0]!), 'index.html'))
    expect(await site.rebuild()).toMatchObject({ ok: true, decks: { total: COUNT, rendered: COUNT } })
    expect(checksums(site.outDir)).toEqual(await site.fresh())
    writeFileSync(join(site.outDir, 'feed.xml'), 'edited by hand')
    const repaired = await site.rebuild()
    expect(repaired).toMatchObject({ ok: true, decks: { total: COUNT, rendered: COUNT } })
    expect(repaired.notes?.[0]).toMatch(/^feed\.xml: changed in the output since the last build wrote it, so the whole site was built again/)
    expect(checksums(site.outDir)).toEqual(await site.fresh())
  })

  it('leaves a file edited or added by hand alone when the edit does not replace it', async () => {
    const site = await builtSite()
    const homework = join(site.outDir, slugOf(site.files[3]!), 'homework/index.html')
    const note = join(site.outDir, slugOf(site.files[8]!), 'homework/notiz.txt')
    writeFileSync(homework, 'edited by hand')
    writeFileSync(note, 'added by hand')
    appendFileSync(join(site.decksDir, site.files[5]!), '\nNoch ein Satz.\n')
    const result = await site.rebuild()
    expect(result).toMatchObject({ ok: true, decks: { total: COUNT, rendered: 1 } })
    expect(result.notes ?? []).toEqual([])
    expect(readFileSync(homework, 'utf8')).toBe('edited by hand')
    expect(readFileSync(note, 'utf8')).toBe('added by hand')
    expect(readFileSync(join(site.outDir, slugOf(site.files[5]!), 'index.html'), 'utf8')).toContain('Noch ein Satz.')
    // Everything else is what a fresh build makes.
    const { [relative(site.outDir, homework)]: edited, [relative(site.outDir, note)]: added, ...rest } = checksums(site.outDir)
    expect([edited, added].every(Boolean)).toBe(true)
    const { [relative(site.outDir, homework)]: _fresh, ...fresh } = await site.fresh()
    expect(rest).toEqual(fresh)
  })

  it('says so and builds everything when the edit would replace or remove a file changed by hand', async () => {
    const site = await builtSite()
    const page = `${slugOf(site.files[5]!)}/index.html`
    writeFileSync(join(site.outDir, page), 'edited by hand')
    appendFileSync(join(site.decksDir, site.files[5]!), '\nNoch ein Satz.\n')
    const edited = await site.rebuild()
    expect(edited).toMatchObject({ ok: true, decks: { total: COUNT, rendered: COUNT } })
    expect(edited.notes?.[0]).toBe(`${page}: changed in the output since the last build wrote it, so the whole site was built again, which replaced it. Change the decks instead; the build owns the output folder`)
    expect(checksums(site.outDir)).toEqual(await site.fresh())

    const gone = `${slugOf(site.files[7]!)}/homework/index.html`
    writeFileSync(join(site.outDir, gone), 'edited by hand')
    rmSync(join(site.decksDir, site.files[7]!))
    const removed = await site.rebuild()
    expect(removed).toMatchObject({ ok: true, decks: { total: COUNT - 1, rendered: COUNT - 1 } })
    expect(removed.notes?.[0]).toMatch(new RegExp(`^${gone}: changed in the output`))
    expect(checksums(site.outDir)).toEqual(await site.fresh())
  })

  it('says so and builds everything when a new deck\'s page would replace a file put there by hand', async () => {
    const site = await builtSite()
    const deck = `${dirname(site.files[0]!)}/neu.md` // beside the deck it copies: its images are found
    const page = join(site.outDir, slugOf(deck), 'index.html')
    mkdirSync(dirname(page))
    writeFileSync(page, 'mine')
    writeFileSync(join(site.decksDir, deck), readFileSync(join(site.decksDir, site.files[0]!), 'utf8'))
    const result = await site.rebuild()
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(result).toMatchObject({ ok: true, decks: { total: COUNT + 1, rendered: COUNT + 1 } })
    expect(result.notes?.[0]).toMatch(new RegExp(`^${slugOf(deck)}/index\\.html: changed in the output`))
    expect(checksums(site.outDir)).toEqual(await site.fresh())
  })

  it('builds every deck when a site option changes', async () => {
    const site = await builtSite()
    const moved = await site.rebuild({ siteUrl: 'https://decks.example.org/' })
    expect(moved).toMatchObject({ ok: true, decks: { total: COUNT, rendered: COUNT } })
    expect(readFileSync(join(site.outDir, 'feed.xml'), 'utf8')).toContain('https://decks.example.org/')
    expect(await site.rebuild({ siteUrl: 'https://decks.example.org/', base: '/decks/' })).toMatchObject({ ok: true, decks: { total: COUNT, rendered: COUNT } })
  })

  it('builds every deck when a theme changes', async () => {
    const root = join(tempDir('themed'), 'project')
    cpSync(join(ROOT, 'themes'), join(root, 'themes'), { recursive: true })
    // Share tasks to Mastodon need the instance. No `import from 'vite'`: the folder has no node_modules.
    writeFileSync(join(root, 'vite.config.ts'), `import { updeck } from ${JSON.stringify(join(ROOT, 'src/index.ts'))}\nexport default { plugins: [updeck({ mastodonInstance: 'mastodon.social' })] }\n`)
    const site = await builtSite({ root })
    writeFileSync(join(root, 'themes/dark/theme.css'), `${readFileSync(join(root, 'themes/dark/theme.css'), 'utf8')}\n:root { --unused-by-test: 1px; }\n`)
    expect(await site.rebuild()).toMatchObject({ ok: true, decks: { total: COUNT, rendered: COUNT } })
  })
})

describe('the command line after an edit', () => {
  it('says how many decks it rendered, and exits 1 without touching the output on a deck error', async () => {
    const decksDir = join(tempDir('cli-edits'), 'decks')
    const files = await writeDecks(decksDir, 3)
    const out = join(tempDir('cli-edits-out'), 'site')
    const build = () => run(process.execPath, [join(ROOT, 'src/cli/run.mjs'), 'src/cli/main.ts', 'build', '--decks', decksDir, '--out', out, '--site-url', SITE_URL], { cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    )
    expect((await build()).stdout).toMatch(/^built .* in [\d.]+ s: 3 decks, 3 rendered\n$/)
    appendFileSync(join(decksDir, files[0]!), '\nNoch ein Satz.\n')
    expect((await build()).stdout).toMatch(/^built .* in [\d.]+ s: 3 decks, 1 rendered\n$/)
    const before = state(out)
    writeFileSync(join(decksDir, files[2]!), '---\ntitle: Kaputt\n---\n')
    const failed = await build()
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('was left as it was')
    expect(state(out)).toEqual(before)
  })
})
