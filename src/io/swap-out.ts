// Atomic output: build into a staging folder beside --out, then swap it in only after success;
// after an edit, only the changed files are renamed in (replaceFiles).
// `outDir` here is always a real path: for a symbolic link --out, its target, so the link stays.
import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A new staging folder's path next to `outDir` (same file system, so rename is atomic). */
export async function stagingDir(outDir: string): Promise<string> {
  await mkdir(dirname(outDir), { recursive: true })
  // Unique per build, also for two builds in one process.
  return join(dirname(outDir), `.updeck-staging-${basename(outDir)}-${randomUUID().slice(0, 8)}`)
}

/** Replaces `outDir` by `staged`. The old output is moved aside first and removed last. */
export async function swapIn(staged: string, outDir: string): Promise<void> {
  const old = `${staged}-old`
  const hadOld = existsSync(outDir)
  if (hadOld) await rename(outDir, old)
  try {
    await rename(staged, outDir)
  } catch (error) {
    if (hadOld) await rename(old, outDir)
    throw error
  }
  if (hadOld) await rm(old, { recursive: true, force: true })
}

export async function discard(staged: string): Promise<void> {
  await rm(staged, { recursive: true, force: true })
}

/**
 * Puts `files` (paths under `staged`) into `outDir` and takes `removed` out of it, each by one
 * rename, so that a reader of the site sees every file either old or new, never half written.
 * Replaced and removed files are kept aside (a hard link) until all renames succeeded; on a failure
 * every step is undone and `outDir` holds its earlier files again.
 */
export function replaceFiles(staged: string, outDir: string, files: readonly string[], removed: readonly string[]): void {
  const aside = `${staged}-old`
  const undo: (() => void)[] = []
  const keepAside = (file: string) => {
    mkdirSync(dirname(join(aside, file)), { recursive: true })
    try {
      linkSync(join(outDir, file), join(aside, file))
    } catch {
      copyFileSync(join(outDir, file), join(aside, file)) // a file system without hard links
    }
  }
  try {
    for (const file of files) {
      const target = join(outDir, file)
      const existed = existsSync(target)
      if (existed) keepAside(file)
      mkdirSync(dirname(target), { recursive: true })
      renameSync(join(staged, file), target)
      undo.push(existed ? () => renameSync(join(aside, file), target) : () => rmSync(target, { force: true }))
    }
    for (const file of removed) {
      const target = join(outDir, file)
      mkdirSync(dirname(join(aside, file)), { recursive: true })
      renameSync(target, join(aside, file))
      undo.push(() => {
        mkdirSync(dirname(target), { recursive: true })
        renameSync(join(aside, file), target)
      })
      removeEmptyFolders(outDir, dirname(file))
    }
  } catch (error) {
    for (const step of undo.reverse()) step()
    throw error
  } finally {
    rmSync(aside, { recursive: true, force: true })
    rmSync(staged, { recursive: true, force: true })
  }
}

/** A removed deck leaves its folders (`<slug>/homework/`): removed when nothing else is in them. */
function removeEmptyFolders(outDir: string, folder: string): void {
  for (let dir = folder; dir !== '.' && dir !== '' && dir !== '/'; dir = dirname(dir)) {
    if (readdirSync(join(outDir, dir)).length > 0) return
    rmdirSync(join(outDir, dir))
  }
}
