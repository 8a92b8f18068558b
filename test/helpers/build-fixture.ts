// Builds a folder of decks into a fresh temporary output folder through the public API.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { build, type BuildOptions } from '../../src/index.ts'
import { ROOT } from './site.ts'

export const TODAY = '2026-12-05'

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `updeck-${prefix}-`))
}

export async function buildTo(options: BuildOptions = {}) {
  const outDir = options.outDir ?? join(tempDir('out'), 'site')
  const result = await build({ root: ROOT, today: TODAY, ...options, outDir })
  return { ...result, outDir }
}

/** Every file under `dir` (relative path, forward slashes). */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => relative(dir, f).split('\\').join('/'))
    .sort()
}

/** path → sha256 of every file under `dir`: to prove a folder did not change. */
export function checksums(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]))
}
