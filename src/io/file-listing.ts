// Cheap fingerprints of the project's files, for the caches that skip work when nothing changed.
import type { Hash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** A folder's files, recursively, each with "size mtime": changed by every save. */
export function fileListing(dir: string): { name: string; stamp: string }[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return []
  return (readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .flatMap((name) => {
      const stat = statSync(join(dir, name))
      return stat.isFile() ? [{ name, stamp: `${stat.size} ${stat.mtimeMs}` }] : []
    })
}

/** Adds the listings of `dirs` and the contents of vite.config.ts and package-lock.json to `hash`. */
export function hashProject(hash: Hash, root: string, dirs: string[]): Hash {
  for (const dir of dirs) for (const file of fileListing(join(root, dir))) hash.update(`${dir}/${file.name} ${file.stamp}\n`)
  for (const file of ['vite.config.ts', 'package-lock.json']) {
    const path = join(root, file)
    if (existsSync(path)) hash.update(readFileSync(path))
  }
  return hash
}
