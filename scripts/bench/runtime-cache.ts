// Which runtime bundles a checkout has cached (node_modules/.cache/updeck/runtime/<hash>/, see
// src/io/runtime-cache.ts): a build that bundles the runtime adds one, so a timed "runtime cached"
// build that adds one timed vite as well.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** The cached bundles' folder names; undefined when the checkout keeps no such folder. */
export function cachedRuntimes(root: string): Set<string> | undefined {
  try {
    return new Set(readdirSync(join(root, 'node_modules/.cache/updeck/runtime')).filter((name) => !/\.(tmp|stale)$/.test(name)))
  } catch {
    return undefined
  }
}

/** Throws when `after` holds a bundle that `before` did not. */
export function assertNoNewRuntime(before: Set<string> | undefined, after: Set<string> | undefined, what: string): void {
  const added = [...(after ?? [])].filter((name) => !before?.has(name))
  if (added.length) throw new Error(`${what} bundled the runtime (new cache folder ${added.join(', ')}): it was timed as "runtime cached"`)
}
