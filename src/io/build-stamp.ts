// Remembers what the last successful build of an output folder was made from, and every file it
// wrote, so that a build with nothing changed can stop at once (node_modules/.cache/updeck/builds.json).
// The manifest lives here rather than in the output: nothing of it gets published.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileContent, fileListing, hashProject, listFiles } from './file-listing.ts'

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
  /** Every file of the output, path → "size mtime": a deleted or edited file means rebuild. */
  output: Record<string, string>
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

function outputManifest(outDir: string): Record<string, string> {
  return Object.fromEntries(fileListing(outDir).map((f) => [f.name, f.stamp]))
}

function sameManifest(a: Record<string, string>, b: Record<string, string>): boolean {
  const names = Object.keys(a)
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name])
}

/** True when `outDir` still holds, file for file, the output of a build from exactly these inputs. */
export async function isUpToDate(key: BuildKey): Promise<boolean> {
  const stamp = (await readStamps(key.root))[key.outDir]
  if (!stamp?.output || !sameManifest(stamp.output, outputManifest(key.outDir))) return false
  return hashInputs({ ...key, decksDir: stamp.decksDir }) === stamp.hash
}

/** True when every file in `outDir` was written by the last build of this project into it. */
export async function wasBuiltHere(root: string, outDir: string): Promise<boolean> {
  const output = (await readStamps(root))[outDir]?.output
  return output !== undefined && fileListing(outDir).every((file) => file.name in output)
}

/** Hashes the inputs now; `save()` after a successful build marks `outDir` as made from them. */
export function recordBuild(key: BuildKey, decksDir: string): { save(): Promise<void> } {
  const hash = hashInputs({ ...key, decksDir })
  return {
    async save() {
      // Folders that are gone (temporary outputs of tests and benchmarks) are forgotten.
      const stamps = Object.fromEntries(Object.entries(await readStamps(key.root)).filter(([outDir]) => existsSync(outDir)))
      stamps[key.outDir] = { hash, decksDir, output: outputManifest(key.outDir) }
      // Written aside and renamed: a build reading the stamps meanwhile never sees half a file.
      const file = stampFile(key.root)
      const temporary = `${file}.${randomUUID()}`
      await mkdir(dirname(file), { recursive: true })
      await writeFile(temporary, JSON.stringify(stamps))
      await rename(temporary, file)
    },
  }
}
