// Node module hooks: load this project's own .ts files through esbuild's transform (types removed,
// nothing else changed); everything else, vite and node_modules above all, loads untouched.
// Measured against tsx, which routes every module through its loader: the CLI starts in about half
// the time and half the memory (scripts/bench.ts, README "Performance").
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !/\.[cm]?ts$/.test(url) || url.includes('/node_modules/')) return nextLoad(url, context)
  const file = fileURLToPath(url)
  const { code } = await transform(await readFile(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: file })
  return { format: 'module', source: code, shortCircuit: true }
}
