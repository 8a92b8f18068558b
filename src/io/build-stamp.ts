// Remembers what the last successful build of an output folder was made from, so that a build
// with nothing changed can stop at once (node_modules/.cache/updeck/builds.json).
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileContent, hashProject, listFiles } from './file-listing.ts'

export interface BuildKey {
  root: string
  outDir: string
  /** Everything else that shapes the output: base, today, command-line options. */
  options: Record<string, string | undefined>
}

interface BuildInputs extends BuildKey {
  /** The decks folder the last build read: vite.config.ts may name it, and is hashed too. */
  decksDir: string
}

interface Stamp {
  hash: string
  decksDir: string
  indexMtimeMs: number
}

const stampFile = (root: string) => join(root, 'node_modules/.cache/updeck/builds.json')

/** A hash of the decks (by content), the project's code, themes, config and lockfile, and options. */
function hashInputs(inputs: BuildInputs): string {
  const hash = createHash('sha256').update(JSON.stringify(inputs))
  // Decks by content: an editor that saves without changes must not cost a build.
  for (const file of listFiles(inputs.decksDir)) hash.update(file.name).update(fileContent(inputs.decksDir, file))
  return hashProject(hash, inputs.root, ['src', 'themes']).digest('hex')
}

async function readStamps(root: string): Promise<Record<string, Stamp>> {
  try {
    return JSON.parse(await readFile(stampFile(root), 'utf8')) as Record<string, Stamp>
  } catch {
    return {}
  }
}

/** True when `outDir` still holds the output of a build from exactly these inputs. */
export async function isUpToDate(key: BuildKey): Promise<boolean> {
  const stamp = (await readStamps(key.root))[key.outDir]
  const index = join(key.outDir, 'index.html')
  if (!stamp || !existsSync(index) || statSync(index).mtimeMs !== stamp.indexMtimeMs) return false
  return hashInputs({ ...key, decksDir: stamp.decksDir }) === stamp.hash
}

/** Hashes the inputs now; `save()` after a successful build marks `outDir` as made from them. */
export function recordBuild(key: BuildKey, decksDir: string): { save(): Promise<void> } {
  const hash = hashInputs({ ...key, decksDir })
  return {
    async save() {
      const stamps = await readStamps(key.root)
      stamps[key.outDir] = { hash, decksDir, indexMtimeMs: statSync(join(key.outDir, 'index.html')).mtimeMs }
      await mkdir(dirname(stampFile(key.root)), { recursive: true })
      await writeFile(stampFile(key.root), JSON.stringify(stamps, null, 2))
    },
  }
}
