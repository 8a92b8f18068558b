// A module as our esbuild bundles make it: for tests that hold a bundle's plugin (a rewrite of a
// package's code) to the package as npm installed it.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Loader, type Plugin } from 'esbuild'
import { tempDir } from './build-fixture.ts'
import { ROOT } from './site.ts'

/** `contents` (module source, imports resolved from the repository) bundled by esbuild with `plugins` into one ES module, imported; with the bundle's text. */
export async function importBundled<T>(contents: string, plugins: Plugin[], loader: Loader = 'js'): Promise<{ module: T; text: string }> {
  const dir = tempDir('bundled')
  const out = join(dir, 'bundle.mjs')
  const result = await build({ stdin: { contents, resolveDir: ROOT, loader }, bundle: true, format: 'esm', platform: 'node', write: false, plugins, logLevel: 'silent' })
  const text = result.outputFiles[0]!.text
  writeFileSync(out, text)
  try {
    return { module: (await import(pathToFileURL(out).href)) as T, text }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of every deck under test/fixtures, the broken ones too. */
export function fixtureDecks(): string[] {
  const dir = join(ROOT, 'test/fixtures')
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8'))
}
