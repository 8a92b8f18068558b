// Paths and options on the command line get messages in the product's words, never a raw error code.
import { execFile } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { normaliseBase } from '../../src/api/options.ts'
import { check } from '../../src/index.ts'
import { buildTo, tempDir } from '../helpers/build-fixture.ts'
import { FIXTURE_DECKS, ROOT } from '../helpers/site.ts'

const run = promisify(execFile)
/** A command that should stop at once; the timeout turns a server that starts anyway into a failure. */
const cli = (...args: string[]) =>
  run(process.execPath, ['src/cli/run.mjs', 'src/cli/main.ts', ...args], { cwd: ROOT, timeout: 30_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number | null; stdout: string; stderr: string }) => e,
  )

describe('the decks folder', () => {
  it('says a missing folder does not exist, and a file is not a folder', async () => {
    const missing = await cli('check', '--decks', 'test/fixtures/keine-decks')
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim()).toBe('decks folder "test/fixtures/keine-decks" does not exist: create it, or name the folder that holds the decks')
    const file = await cli('build', '--decks', 'test/fixtures/decks/ok/minimal.md', '--out', join(tempDir('file-out'), 'site'))
    expect(file.code).toBe(1)
    expect(file.stderr.trim()).toBe(
      'decks folder "test/fixtures/decks/ok/minimal.md" is a file, not a folder: name the folder that holds the decks; to check this one deck: npm run check -- test/fixtures/decks/ok/minimal.md',
    )
    expect(missing.stderr + file.stderr).not.toMatch(/ENOENT|ENOTDIR|^\s+at /m)
  })
})

describe('check with one deck file', () => {
  it('checks only that deck, named as the user named it', async () => {
    const result = await cli('check', 'test/fixtures/decks/bad/wrong-types.md')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('test/fixtures/decks/bad/wrong-types.md:3:7 date: use YYYY-MM-DD, e.g. 2026-12-03')
    expect(result.stderr).not.toContain('homework-urls.md')
    expect(result.stdout).toContain('1 deck(s), 5 error(s)')
    expect(result.stdout).toMatch(/^wrong-types(\s+–){6}\s+5 errors$/m)
  })

  it('keeps the address of a deck inside the decks folder', async () => {
    const result = await check({ root: ROOT, files: ['decks/vertrieb/2026-12-03-social-media-update.md'] })
    expect(result.decksLabel).toBe('decks')
    expect(result.decks.map((d) => d.slug)).toEqual(['vertrieb/2026-12-03-social-media-update'])
    expect(result.diagnostics).toEqual([])
  })

  it('says when the named file is missing or is not a deck', async () => {
    await expect(check({ root: ROOT, files: ['decks/vertrieb/fehlt.md'] })).rejects.toThrow('deck "decks/vertrieb/fehlt.md" does not exist: check the path')
    await expect(check({ root: ROOT, files: ['README.md'] })).resolves.toBeDefined()
    await expect(check({ root: ROOT, files: ['package.json'] })).rejects.toThrow('"package.json" is not a deck: decks are Markdown files ending in .md')
    await expect(check({ root: ROOT, files: [join(FIXTURE_DECKS, 'ok')] })).rejects.toThrow('is a folder: to check every deck in it, use --decks')
  })
})

describe('--base', () => {
  it('accepts paths of the site', () => {
    expect(['/', '', '.', './', 'intern', '/a/b/', '/a/b', 'a/b/', '/über-uns/'].map(normaliseBase)).toEqual(['/', './', './', './', '/intern/', '/a/b/', '/a/b/', '/a/b/', '/über-uns/'])
  })

  const refused: [string, string][] = [
    ['javascript:x', 'is a web address, not a path'],
    ['https://intranet.example.com/decks/', 'is a web address, not a path'],
    ['//evil.example/', 'is a web address, not a path'],
    ['/a/../b/', 'leaves the site with ..'],
    ['..', 'leaves the site with ..'],
    ['/decks/?x=1', 'has a query or fragment'],
    ['/decks/#top', 'has a query or fragment'],
    ['./sub/', 'mixes ./ with a path'],
    ['/my decks/', 'contains spaces, quotes or backslashes'],
  ]
  for (const [base, problem] of refused) {
    it(`refuses ${JSON.stringify(base)}: ${problem}`, () => {
      expect(() => normaliseBase(base)).toThrow(`base path "${base}" ${problem}`)
    })
  }

  it('stops the build before it writes anything', async () => {
    const outDir = join(tempDir('base-out'), 'site')
    await expect(buildTo({ decksDir: join(FIXTURE_DECKS, 'ok'), base: 'javascript:alert(1)', outDir })).rejects.toThrow('base path "javascript:alert(1)" is a web address')
    expect(existsSync(outDir)).toBe(false)
  })
})

describe('dev --port', () => {
  for (const port of ['abc', '70000', '0', '80.5']) {
    it(`refuses --port ${port} at once`, async () => {
      const result = await cli('dev', '--decks', join(FIXTURE_DECKS, 'ok'), '--port', port)
      expect(result.code).toBe(1)
      expect(result.stderr.trim()).toBe(`--port "${port}": use a whole number from 1 to 65535, e.g. 5173`)
    })
  }
})

describe('arguments only check takes', () => {
  it('refuses a file name after build instead of ignoring it', async () => {
    const decksDir = tempDir('positional')
    writeFileSync(join(decksDir, 'x.md'), '')
    const result = await cli('build', join(decksDir, 'x.md'))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^unexpected ".*x\.md": only check takes deck files/)
  })
})
