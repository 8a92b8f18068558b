// Builds and commands started at the same time: caches are written aside and renamed, never pulled away.
import { execFile, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { buildTo, tempDir } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'
import { tempProject } from '../helpers/temp-project.ts'

const run = promisify(execFile)

describe('two builds started together with an empty runtime cache', () => {
  it('both succeed in one process, and leave one cached runtime', async () => {
    const { root, decksDir } = tempProject()
    const results = await Promise.all([buildTo({ root, decksDir }), buildTo({ root, decksDir })])
    for (const result of results) {
      expect(result).toMatchObject({ ok: true, diagnostics: [] })
      expect(readdirSync(join(result.outDir, 'assets')).some((f) => /^deck-.*\.js$/.test(f))).toBe(true)
    }
    expect(readdirSync(join(root, 'node_modules/.cache/updeck/runtime'))).toHaveLength(1)
  })

  it('both succeed as two command-line processes', async () => {
    const { root } = tempProject()
    const outs = [join(tempDir('one'), 'site'), join(tempDir('two'), 'site')]
    const builds = outs.map((out) => run(process.execPath, [join(ROOT, 'src/cli/run.mjs'), 'src/cli/main.ts', 'build', '--out', out], { cwd: root }))
    for (const { stdout } of await Promise.all(builds)) expect(stdout).toMatch(/^built /)
    for (const out of outs) expect(existsSync(join(out, 'vertrieb/update/index.html'))).toBe(true)
  })
})

/** A copy of src/cli/run.mjs in a project of its own, bundling `entry.ts`, which loads a chunk later. */
function cliProject(): string {
  const root = tempDir('cli')
  mkdirSync(join(root, 'src/cli'), { recursive: true })
  mkdirSync(join(root, 'scripts'))
  mkdirSync(join(root, 'node_modules'))
  symlinkSync(join(ROOT, 'node_modules/esbuild'), join(root, 'node_modules/esbuild'))
  cpSync(join(ROOT, 'src/cli/run.mjs'), join(root, 'src/cli/run.mjs'))
  mkdirSync(join(root, 'src/io'))
  // run.mjs's cache rules and its esbuild plugin
  for (const file of ['bundle-cache.mjs', 'native-class-fields.mjs']) cpSync(join(ROOT, 'src/io', file), join(root, 'src/io', file))
  // Waits for a line on stdin before importing its second chunk, as a long command would.
  writeFileSync(
    join(root, 'src/cli/entry.ts'),
    `process.stdout.write('started\\n')\nfor await (const _ of process.stdin) break\nconst { later } = await import('./later.ts')\nprocess.stdout.write(later + '\\n')\nprocess.exit(0)\n`,
  )
  writeFileSync(join(root, 'src/cli/later.ts'), `export const later: string = 'later chunk loaded'\n`)
  return root
}

function startCli(root: string) {
  const child = spawn(process.execPath, ['src/cli/run.mjs', 'src/cli/entry.ts'], { cwd: root })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => child.on('close', (code) => done({ code, stdout, stderr })))
  const started = new Promise<void>((done) => child.stdout.on('data', () => stdout.includes('started') && done()))
  return { child, started, exited }
}

describe('the command line bundle cache', () => {
  it('keeps the bundle a running command still loads chunks from, when the sources changed meanwhile', async () => {
    const root = cliProject()
    const first = startCli(root)
    await first.started
    writeFileSync(join(root, 'src/cli/edited.ts'), 'export {}\n') // new sources: the next command bundles anew
    const second = startCli(root)
    second.child.stdin.end()
    expect(await second.exited).toMatchObject({ code: 0, stdout: 'started\nlater chunk loaded\n' })
    first.child.stdin.end('go\n')
    expect(await first.exited).toMatchObject({ code: 0, stdout: 'started\nlater chunk loaded\n', stderr: '' })
  })

  it('serves commands started together with an empty cache', async () => {
    const root = cliProject()
    const commands = [startCli(root), startCli(root), startCli(root)]
    for (const { child } of commands) child.stdin.end()
    for (const { exited } of commands) expect(await exited).toMatchObject({ code: 0, stdout: 'started\nlater chunk loaded\n', stderr: '' })
    expect(readdirSync(join(root, 'node_modules/.cache/updeck/cli'))).toHaveLength(1)
  })
})
