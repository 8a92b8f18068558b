// Every fixture through build and check: each message names file:line:col, no input gets a stack trace.
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { check } from '../../src/index.ts'
import { buildTo, tempDir } from '../helpers/build-fixture.ts'
import { FIXTURE_DECKS, ROOT } from '../helpers/site.ts'

const run = promisify(execFile)
const cli = (...args: string[]) =>
  run(process.execPath, ['src/cli/run.mjs', 'src/cli/main.ts', ...args], { cwd: ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  )
const POSITION = /^decks\/[^:]+\.md:\d+:\d+ /
const STACK_FRAME = /^\s+at /m

/** A decks folder holding one fixture (and the images fixtures use). */
function decksWith(group: string, name: string): string {
  const decksDir = join(tempDir(`fixture-${name}`), 'decks')
  mkdirSync(decksDir, { recursive: true })
  cpSync(join(FIXTURE_DECKS, group, name), join(decksDir, name))
  for (const dir of ['bad/img', `${group}/img`]) if (existsSync(join(FIXTURE_DECKS, dir))) cpSync(join(FIXTURE_DECKS, dir), join(decksDir, 'img'), { recursive: true })
  return decksDir
}

describe('every fixture through build and check', () => {
  for (const group of ['ok', 'bad']) {
    for (const name of readdirSync(join(FIXTURE_DECKS, group)).filter((f) => f.endsWith('.md'))) {
      it(`${group}/${name}: every message has file:line:col`, async () => {
        const decksDir = decksWith(group, name)
        const checked = await check({ root: ROOT, decksDir })
        const built = await buildTo({ decksDir })
        for (const d of [...checked.diagnostics, ...built.diagnostics]) expect(formatDiagnostic(d, 'decks/')).toMatch(POSITION)
        expect(checked.diagnostics.some((d) => d.severity === 'error')).toBe(!built.ok)
        if (group === 'ok') expect(built.ok).toBe(true)
      })
    }
  }

  it('the command line prints only positioned lines for the bad fixtures, and no stack frame', async () => {
    for (const command of ['check', 'build']) {
      const result = await cli(command, '--decks', join(FIXTURE_DECKS, 'bad'), '--out', join(tempDir('cli-out'), 'site'))
      expect(result.code, command).toBe(1)
      expect(result.stderr).not.toMatch(STACK_FRAME)
      const lines = result.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('build stopped:'))
      for (const line of lines) expect(line).toMatch(/^test\/fixtures\/decks\/bad\/[^:]+\.md:\d+:\d+ /)
      expect(lines.some((l) => l.includes('alias-bomb.md:6:11 aliases (*name) expand to too much text'))).toBe(true)
    }
  })
})

describe('the image marker of the build can not be forged', () => {
  it('keeps links and text that look like the old marker as written, and still swaps real images', async () => {
    const decksDir = join(tempDir('marker'), 'decks')
    mkdirSync(join(decksDir, 'img'), { recursive: true })
    cpSync(join(FIXTURE_DECKS, 'bad/img/chart.svg'), join(decksDir, 'img/chart.svg'))
    const deck = [
      '---\ntitle: Marker\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n',
      '# Links',
      '[kaputt](__UPDECK_ASSET__%E0__) und [Leitfaden](__UPDECK_ASSET__guide.pdf__)',
      'Text: __UPDECK_ASSET__guide.pdf__ and &#0;updeck-asset:img%2Fchart.svg&#0;',
      '![Diagramm](img/chart.svg)',
    ].join('\n\n')
    writeFileSync(join(decksDir, 'marker.md'), deck)
    const result = await buildTo({ decksDir })
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([])
    const html = readFileSync(join(result.outDir, 'marker/index.html'), 'utf8')
    expect(html).toContain('<a href="__UPDECK_ASSET__%E0__">kaputt</a>')
    expect(html).toContain('<a href="__UPDECK_ASSET__guide.pdf__">Leitfaden</a>')
    expect(html).toContain('Text: <strong>UPDECK_ASSET__guide.pdf</strong> and')
    expect(html).toContain('\uFFFDupdeck-asset:img%2Fchart.svg\uFFFD')
    expect(html).not.toContain('undefined')
    expect(html).not.toContain('\u0000')
    expect(html).toMatch(/<img src="\.\.\/assets\/chart-[\w-]{8}\.svg" alt="Diagramm">/)
  })
})
