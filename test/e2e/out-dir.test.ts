// The output folder: never something precious, never a folder of other files, a link stays a link.
import { execFile } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { buildTo, checksums, tempDir } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'
import { tempProject } from '../helpers/temp-project.ts'

const CHOOSE = 'Choose an empty or new folder such as dist'
const run = promisify(execFile)
const cli = (cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  run(process.execPath, [join(ROOT, 'src/cli/run.mjs'), 'src/cli/main.ts', 'build', ...args], { cwd, env }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  )

/** A second decks folder, outside the project: the setting in which `--out .` used to delete it. */
function otherDecks(): string {
  return tempProject().decksDir
}

/** What a refused build must leave: the folder and its parent exactly as they were. */
function snapshot(dir: string) {
  return { files: checksums(dir), siblings: readdirSync(dirname(dir)).sort() }
}

describe('an output folder that holds something precious', () => {
  it('refuses --out . (the current folder), writes nothing and prints no "built"', async () => {
    const { root } = tempProject()
    const before = snapshot(root)
    const result = await cli(root, ['--decks', otherDecks(), '--out', '.'])
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(`--out "." is the current folder: building there would delete it. ${CHOOSE}`)
    expect(result.stdout).not.toContain('built')
    expect(snapshot(root)).toEqual(before)
  })

  it('refuses the home folder', async () => {
    const { root } = tempProject()
    const home = join(tempDir('home'), 'meike')
    mkdirSync(home)
    writeFileSync(join(home, 'steuer.pdf'), 'private')
    const before = snapshot(home)
    const result = await cli(root, ['--out', home], { ...process.env, HOME: home })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(`--out "${home}" is your home folder: building there would delete it. ${CHOOSE}`)
    expect(snapshot(home)).toEqual(before)
  })

  it('refuses the project folder, a folder around it, and a link to it', async () => {
    const { root } = tempProject()
    const link = join(tempDir('link'), 'dist')
    symlinkSync(root, link)
    const before = snapshot(root)
    const cases: [string, string][] = [
      [root, 'is the project folder'],
      [dirname(root), 'contains the project folder'],
      [link, 'is the project folder'],
      [`${root}/decks/..`, 'is the project folder'],
    ]
    for (const [outDir, reason] of cases) {
      await expect(buildTo({ root, decksDir: otherDecks(), outDir }), outDir).rejects.toThrow(`--out "${outDir}" ${reason}: building there would delete it. ${CHOOSE}`)
    }
    expect(snapshot(root)).toEqual(before)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
  })

  it('refuses the root of the file system before making a staging folder there', async () => {
    const { root, decksDir } = tempProject()
    await expect(buildTo({ root, decksDir, outDir: '/' })).rejects.toThrow(`--out "/" is the root of the file system: building there would delete it. ${CHOOSE}`)
    expect(readdirSync('/').filter((name) => name.startsWith('.updeck'))).toEqual([])
  })

  it('refuses the decks folder and a folder inside it', async () => {
    const { root, decksDir } = tempProject()
    const before = snapshot(decksDir)
    await expect(buildTo({ root, decksDir, outDir: decksDir })).rejects.toThrow(`is the decks folder: building there would delete it`)
    await expect(buildTo({ root, decksDir, outDir: join(decksDir, 'site') })).rejects.toThrow('is inside the decks folder, where nothing is written')
    expect(snapshot(decksDir)).toEqual(before)
  })
})

describe('an output folder with other files in it', () => {
  it('is refused unless --force is given', async () => {
    const { decksDir } = tempProject()
    const outDir = join(tempDir('other'), 'public')
    mkdirSync(outDir)
    writeFileSync(join(outDir, 'bericht.docx'), 'not from updeck')
    await expect(buildTo({ decksDir, outDir })).rejects.toThrow(
      `--out "${outDir}" holds files that no updeck build wrote (it has no decks.json): building there would delete them. ${CHOOSE}, or add --force to replace it`,
    )
    expect(readdirSync(outDir)).toEqual(['bericht.docx'])
    expect(readdirSync(dirname(outDir))).toEqual(['public'])

    const forced = await buildTo({ decksDir, outDir, force: true })
    expect(forced.ok).toBe(true)
    expect(existsSync(join(outDir, 'bericht.docx'))).toBe(false)
    expect(existsSync(join(outDir, 'vertrieb/update/index.html'))).toBe(true)
  })

  it('is replaced without --force when it holds an earlier build (decks.json) or is empty', async () => {
    const { decksDir } = tempProject()
    const earlier = join(tempDir('earlier'), 'site')
    mkdirSync(earlier)
    writeFileSync(join(earlier, 'decks.json'), '[]')
    writeFileSync(join(earlier, 'index.html'), 'old')
    expect((await buildTo({ decksDir, outDir: earlier })).ok).toBe(true)
    const empty = tempDir('empty')
    expect((await buildTo({ decksDir, outDir: empty })).ok).toBe(true)
  })

  it('is known by its build stamp when decks.json is gone, until a foreign file appears', async () => {
    const { decksDir } = tempProject()
    const first = await buildTo({ decksDir })
    rmSync(join(first.outDir, 'decks.json'))
    expect((await buildTo({ decksDir, outDir: first.outDir })).ok).toBe(true)
    rmSync(join(first.outDir, 'decks.json'))
    writeFileSync(join(first.outDir, 'notizen.txt'), 'mine')
    await expect(buildTo({ decksDir, outDir: first.outDir })).rejects.toThrow('holds files that no updeck build wrote')
    expect(readFileSync(join(first.outDir, 'notizen.txt'), 'utf8')).toBe('mine')
  })
})

describe('an output folder that is a symbolic link', () => {
  it('stays a link: the build replaces its target, atomically, and leaves nothing beside either', async () => {
    const { decksDir } = tempProject()
    const base = tempDir('deploy')
    const www = join(base, 'www/decks')
    mkdirSync(www, { recursive: true })
    writeFileSync(join(www, 'decks.json'), '[]')
    const dist = join(base, 'project/dist')
    mkdirSync(dirname(dist))
    symlinkSync(www, dist)

    const result = await buildTo({ decksDir, outDir: dist })
    expect(result.ok).toBe(true)
    expect(lstatSync(dist).isSymbolicLink()).toBe(true)
    expect(readlinkSync(dist)).toBe(www)
    expect(existsSync(join(www, 'vertrieb/update/index.html'))).toBe(true)
    expect(readdirSync(dirname(www))).toEqual(['decks'])
    expect(readdirSync(dirname(dist))).toEqual(['dist'])

    writeFileSync(join(decksDir, 'vertrieb/neu.md'), readFileSync(join(decksDir, 'vertrieb/update.md'), 'utf8').replace('title: Update', 'title: Neu'))
    expect((await buildTo({ decksDir, outDir: dist })).ok).toBe(true)
    expect(lstatSync(dist).isSymbolicLink()).toBe(true)
    expect(existsSync(join(www, 'vertrieb/neu/index.html'))).toBe(true)
    expect(await buildTo({ decksDir, outDir: dist })).toMatchObject({ ok: true, upToDate: true })
  })

  it('stays a link when its target does not exist yet (relative link)', async () => {
    const { decksDir } = tempProject()
    const base = tempDir('dangling')
    symlinkSync('www/decks', join(base, 'dist'))
    expect((await buildTo({ decksDir, outDir: join(base, 'dist') })).ok).toBe(true)
    expect(lstatSync(join(base, 'dist')).isSymbolicLink()).toBe(true)
    expect(existsSync(join(base, 'www/decks/index.html'))).toBe(true)
    expect(readdirSync(base).sort()).toEqual(['dist', 'www'])
  })
})
