// The command line runs as one script with a V8 code cache per command (src/cli/run.mjs,
// runScript in src/io/bundle-cache.mjs): a cached run must run the current code, import packages,
// survive commands started together, and keep stack traces mapped with --enable-source-maps.
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'

const run = promisify(execFile)

/** A project with run.mjs and its helpers, whose src/cli/main.ts prints `text` and a package's version. */
function cliProject(text: string): string {
  const root = tempDir('code-cache')
  for (const dir of ['src/cli', 'src/io', 'scripts', 'node_modules']) mkdirSync(join(root, dir), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules/esbuild'), join(root, 'node_modules/esbuild'))
  cpSync(join(ROOT, 'src/cli/run.mjs'), join(root, 'src/cli/run.mjs'))
  for (const file of ['bundle-cache.mjs', 'native-class-fields.mjs', 'import-module.ts']) cpSync(join(ROOT, 'src/io', file), join(root, 'src/io', file))
  writeMain(root, text)
  return root
}

function writeMain(root: string, text: string): void {
  writeFileSync(
    join(root, 'src/cli/main.ts'),
    [
      "import { importModule } from '../io/import-module.ts'",
      "if (process.argv.includes('throw')) throw new Error('thrown in main.ts')",
      "importModule<{ version: string }>('esbuild').then(({ version }) => {",
      `  process.stdout.write(${JSON.stringify(text)} + ' with esbuild ' + version + '\\n')`,
      '  process.exit(0)',
      '})',
      '',
    ].join('\n'),
  )
}

const cli = (root: string, args: string[] = ['build'], flags: string[] = []) => run(process.execPath, [...flags, 'src/cli/run.mjs', 'src/cli/main.ts', ...args], { cwd: root })

/** The bundle folders and, in each, the code caches with their times. */
function caches(root: string): Record<string, Record<string, number>> {
  const dir = join(root, 'node_modules/.cache/updeck/cli')
  return Object.fromEntries(
    readdirSync(dir).map((bundle) => [bundle, Object.fromEntries(readdirSync(join(dir, bundle)).filter((f) => f.endsWith('.code-cache') || f.endsWith('.tmp')).map((f) => [f, statSync(join(dir, bundle, f)).mtimeMs]))]),
  )
}

const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules/esbuild/package.json'), 'utf8')) as { version: string }

describe('the command line runs from a code cache', () => {
  it('makes a cache per command, runs from it, and runs the new code after an edit of the same length', async () => {
    const root = cliProject('version A')
    // A command that fails compiled little of what the command does: its cache serves until one succeeds.
    await expect(cli(root, ['build', 'throw'])).rejects.toMatchObject({ code: 1 })
    const [failed] = Object.values(caches(root))
    expect(Object.keys(failed!)).toEqual(['build.failed.code-cache'])
    await expect(cli(root, ['build', 'throw'])).rejects.toMatchObject({ code: 1 })
    expect(Object.values(caches(root))).toEqual([failed])
    expect((await cli(root)).stdout).toBe(`version A with esbuild ${version}\n`)
    const [made] = Object.values(caches(root))
    expect(Object.keys(made!).sort()).toEqual(['build.code-cache', 'build.failed.code-cache'])

    // From the cache: V8 accepted it, so it was not written again; package imports still work.
    expect((await cli(root)).stdout).toBe(`version A with esbuild ${version}\n`)
    expect(Object.values(caches(root))).toEqual([made])

    // V8 checks a cache against the length of the source only: the same length must not run old code.
    writeMain(root, 'version B')
    expect((await cli(root)).stdout).toBe(`version B with esbuild ${version}\n`)
    expect(Object.keys(caches(root))).toHaveLength(2)
    expect((await cli(root, ['check'])).stdout).toBe(`version B with esbuild ${version}\n`)
    const newest = Object.values(caches(root)).find((files) => 'check.code-cache' in files)
    expect(Object.keys(newest!).sort()).toEqual(['build.code-cache', 'check.code-cache'])
  })

  it('refuses a damaged cache and makes it anew', async () => {
    const root = cliProject('version A')
    await cli(root)
    const [bundle] = Object.keys(caches(root))
    const file = join(root, 'node_modules/.cache/updeck/cli', bundle!, 'build.code-cache')
    writeFileSync(file, Buffer.alloc(4096, 7))
    expect((await cli(root)).stdout).toBe(`version A with esbuild ${version}\n`)
    expect(readFileSync(file).equals(Buffer.alloc(4096, 7))).toBe(false)
    const remade = caches(root)
    expect((await cli(root)).stdout).toBe(`version A with esbuild ${version}\n`)
    expect(caches(root)).toEqual(remade)
  })

  it('serves commands started together with no cache, which leave one cache that the next command uses', async () => {
    const root = cliProject('together')
    const results = await Promise.all([cli(root), cli(root), cli(root)])
    for (const { stdout, stderr } of results) expect({ stdout, stderr }).toEqual({ stdout: `together with esbuild ${version}\n`, stderr: '' })
    const after = caches(root)
    expect(Object.values(after).map((files) => Object.keys(files))).toEqual([['build.code-cache']])
    await cli(root)
    expect(caches(root)).toEqual(after)
  })

  it('maps stack traces to the sources with node --enable-source-maps', async () => {
    const root = cliProject('version A')
    await cli(root)
    const failed = await cli(root, ['build', 'throw'], ['--enable-source-maps']).catch((error: { stderr: string }) => error)
    expect('stderr' in failed && failed.stderr).toMatch(/thrown in main\.ts\n\s+at .*src\/cli\/main\.ts:2:/)
  })
})
