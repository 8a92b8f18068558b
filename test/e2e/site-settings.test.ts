// The site settings come from vite.config.ts without loading vite when the config needs nothing of
// it but defineConfig and updeck(); other configs still work through vite; a broken one says where.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/index.ts'
import { tempDir, TODAY } from '../helpers/build-fixture.ts'
import { ROOT } from '../helpers/site.ts'
import { tempProject } from '../helpers/temp-project.ts'

type Node = DefaultTreeAdapterMap['node']
const UPDECK = JSON.stringify(join(ROOT, 'src/index.ts'))

/** A temporary project with this vite.config.ts (and any other files), where `vite` resolves as in this repo. */
function project(config: string, files: Record<string, string> = {}): { root: string } {
  const { root } = tempProject()
  mkdirSync(join(root, 'node_modules'))
  symlinkSync(join(ROOT, 'node_modules/vite'), join(root, 'node_modules/vite'))
  writeFileSync(join(root, 'vite.config.ts'), config)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text)
  return { root }
}

/** The text of the index page's first <h1>: the organisation's name, then ": Präsentationen". */
function indexHeading(outDir: string): string {
  const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '')
  const find = (node: Node): Node | undefined => (node.nodeName === 'h1' ? node : 'childNodes' in node ? node.childNodes.map(find).find(Boolean) : undefined)
  const h1 = find(parse(readFileSync(join(outDir, 'index.html'), 'utf8')))
  expect(h1, 'the index has a heading').toBeDefined()
  return text(h1!)
}

/** A node module hook that writes every module the process imports (by URL) to a file, one a line. */
function moduleTracer(): { flag: string[]; loaded: (file: string) => string[] } {
  const dir = tempDir('trace')
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs'\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context)\n  appendFileSync(process.env.UPDECK_TRACE_FILE, result.url + '\\n')\n  return result\n}\n`,
  )
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n`)
  return {
    flag: ['--import', pathToFileURL(join(dir, 'register.mjs')).href],
    loaded: (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []),
  }
}

const run = promisify(execFile)

/** `npm run build` in `root` under the module tracer: exit code, output, and every module it imported. */
async function traceBuild(root: string, outDir: string, env: Record<string, string> = {}) {
  const tracer = moduleTracer()
  const traceFile = join(tempDir('trace-out'), 'modules.txt')
  const args = [...tracer.flag, join(ROOT, 'src/cli/run.mjs'), 'src/cli/main.ts', 'build', '--out', outDir, '--today', TODAY]
  const result = await run(process.execPath, args, { cwd: root, env: { ...process.env, ...env, UPDECK_TRACE_FILE: traceFile } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  )
  return { ...result, modules: tracer.loaded(traceFile) }
}

const isVite = (url: string) => /\/node_modules\/(vite|rolldown|@rolldown)\//.test(url)

describe('site settings from vite.config.ts', () => {
  it('reads a config of defineConfig and updeck() without loading vite, and its organisation reaches the index', async () => {
    const { root } = project(`import { defineConfig } from 'vite'\nimport { updeck } from ${UPDECK}\n\nexport default defineConfig({ plugins: [updeck({ organisation: 'Leichtbau Beispiel AG', lang: 'de' })] })\n`)
    // The first build bundles the runtime (that needs vite); the one after it only copies it.
    const first = await build({ root, outDir: join(root, 'first'), today: TODAY })
    expect(first.ok).toBe(true)
    const outDir = join(root, 'site')
    const traced = await traceBuild(root, outDir)
    expect(traced.code, traced.stderr).toBe(0)
    expect(traced.stdout).toMatch(/^built site in /m)
    // The tracer saw the build (the bundled config among its modules), and no module of vite or rolldown.
    expect(traced.modules.some((url) => /\/\.cache\/updeck\/config\/[\w-]+\.mjs\?run=\d+$/.test(url))).toBe(true)
    expect(traced.modules.filter(isVite)).toEqual([])
    expect(indexHeading(outDir)).toBe('Leichtbau Beispiel AG: Präsentationen')
  })

  const throughVite: { needs: string; config: string; files: Record<string, string>; organisation: string }[] = [
    {
      needs: 'more of vite (loadEnv)',
      config: `import { defineConfig, loadEnv } from 'vite'\nimport { updeck } from ${UPDECK}\n\nconst env = loadEnv('production', import.meta.dirname, 'UPDECK_')\nexport default defineConfig({ plugins: [updeck({ organisation: env.UPDECK_ORGANISATION })] })\n`,
      files: { '.env': 'UPDECK_ORGANISATION=Muster aus der Umgebung GmbH\n' },
      organisation: 'Muster aus der Umgebung GmbH',
    },
    {
      needs: 'a plugin of its own (which may need vite to run it)',
      config: `import { updeck } from ${UPDECK}\n\nconst stamp = { name: 'stamp', transformIndexHtml: (html) => html }\nexport default { plugins: [updeck({ organisation: 'Mit Plugin GmbH' }), stamp] }\n`,
      files: {},
      organisation: 'Mit Plugin GmbH',
    },
  ]
  for (const { needs, config, files, organisation } of throughVite) {
    it(`reads a config that needs ${needs} through vite, and builds with what it says`, async () => {
      const { root } = project(config, files)
      const outDir = join(root, 'site')
      const traced = await traceBuild(root, outDir)
      expect(traced.code, traced.stderr).toBe(0)
      expect(traced.modules.some(isVite)).toBe(true)
      expect(indexHeading(outDir)).toBe(`${organisation}: Präsentationen`)
    })
  }

  it('runs the config again for every build: one that reads the environment sees the current value', async () => {
    // A function config, as defineConfig allows: called with the env of a build.
    const { root } = project(`import { updeck } from ${UPDECK}\n\nexport default ({ command }) => ({ plugins: [updeck({ organisation: \`\${process.env.UPDECK_TEST_ORGANISATION} (\${command})\` })] })\n`)
    const names = ['Erste Firma GmbH', 'Zweite Firma GmbH']
    for (const [i, name] of names.entries()) {
      process.env.UPDECK_TEST_ORGANISATION = name
      const outDir = join(root, `site-${i}`)
      expect((await build({ root, outDir, today: TODAY })).ok).toBe(true)
      expect(indexHeading(outDir)).toBe(`${name} (build): Präsentationen`)
    }
    delete process.env.UPDECK_TEST_ORGANISATION
  })

  it('bundles the config again when a file it imports changed', async () => {
    const { root } = project(`import { updeck } from ${UPDECK}\nimport { organisation } from './site-name.ts'\n\nexport default { plugins: [updeck({ organisation })] }\n`, {
      'site-name.ts': `export const organisation: string = 'Vorher GmbH'\n`,
    })
    expect((await build({ root, outDir: join(root, 'before'), today: TODAY })).ok).toBe(true)
    expect(indexHeading(join(root, 'before'))).toBe('Vorher GmbH: Präsentationen')
    writeFileSync(join(root, 'site-name.ts'), `export const organisation: string = 'Nachher und Söhne GmbH'\n`)
    expect((await build({ root, outDir: join(root, 'after'), today: TODAY })).ok).toBe(true)
    expect(indexHeading(join(root, 'after'))).toBe('Nachher und Söhne GmbH: Präsentationen')
  })

  it('names the line and column of a syntax error in vite.config.ts, and writes nothing', async () => {
    const { root } = project(`import { updeck } from ${UPDECK}\n\nexport default { plugins: [updeck({ lang: 'de' }) }\n`)
    const outDir = join(root, 'site')
    await expect(build({ root, outDir, today: TODAY })).rejects.toThrow(/^vite\.config\.ts:3:51 Expected "\]" but found "\}"$/)
    expect(existsSync(outDir)).toBe(false)
  })

  it('says so when the config throws, with its own message', async () => {
    const { root } = project(`import { updeck } from ${UPDECK}\n\nif (!process.env.UPDECK_UNSET_VARIABLE) throw new Error('set UPDECK_UNSET_VARIABLE first')\nexport default { plugins: [updeck()] }\n`)
    await expect(build({ root, outDir: join(root, 'site'), today: TODAY })).rejects.toThrow(/^vite\.config\.ts could not be run: set UPDECK_UNSET_VARIABLE first$/)
  })

  it('checks the updeck() options with the messages of the plugin, one line per problem', async () => {
    const { root } = project(`import { updeck } from ${UPDECK}\n\nexport default { plugins: [updeck({ lang: 'fr', organisation: 5 })] }\n`)
    await expect(build({ root, outDir: join(root, 'site'), today: TODAY })).rejects.toThrow(
      'vite.config.ts updeck() organisation: must be text: put it in quotes\nvite.config.ts updeck() lang: must be one of: de, en',
    )
  })
})
