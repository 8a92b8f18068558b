// Atomic output: build into a staging folder beside --out, then swap it in only after success.
// `outDir` here is always a real path: for a symbolic link --out, its target, so the link stays.
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
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
