// The layers import one way: src/core is pure and imports only core; src/io adds file access on top.
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/site.ts'

/** Every module a source file imports, statically or with import(), as written. */
function importsOf(text: string): string[] {
  const specifiers = [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)]
  return specifiers.map((m) => (m[1] ?? m[2] ?? m[3])!)
}

/** Imports of files under src/<layer> that reach a src/ folder outside `allowed`, as "file → import". */
function crossings(layer: string, allowed: string[]): string[] {
  const dir = join(ROOT, 'src', layer)
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'))
  return files.flatMap((file) =>
    importsOf(readFileSync(join(dir, file), 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ spec, target: posix.normalize(posix.join(layer, posix.dirname(file), spec)).split('/')[0]! }))
      .filter(({ target }) => !allowed.includes(target))
      .map(({ spec }) => `src/${layer}/${file} → ${spec}`),
  )
}

describe('imports go one way', () => {
  it('finds static and dynamic imports (the scan itself works)', () => {
    expect(importsOf(`import a from '../vite/x.ts'\nconst b = await import('../api/y.ts')\nimport '../cli/z.css'`)).toEqual(['../vite/x.ts', '../api/y.ts', '../cli/z.css'])
  })

  it('src/core imports only src/core', () => {
    expect(crossings('core', ['core'])).toEqual([])
  })

  it('src/io imports only src/io and src/core, never the plugin, the API or the command line', () => {
    expect(crossings('io', ['io', 'core'])).toEqual([])
  })
})
