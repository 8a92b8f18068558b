// Types of bundle-cache.mjs, which stays JavaScript because src/cli/run.mjs loads it before any TypeScript.
import type { Hash } from 'node:crypto'
import type { Plugin } from 'esbuild'

export function hashSources(hash: Hash, dir: string): Hash
export const keepModuleUrls: Plugin
export const yamlModuleBuild: Plugin
export function publishBundle(building: string, outdir: string, out: string, now?: number): void
export function markInUse(outdir: string, now?: number): void
export const scriptImports: Plugin
export function runScript(file: string, command: string | undefined, importModule: (specifier: string) => Promise<unknown>): void
