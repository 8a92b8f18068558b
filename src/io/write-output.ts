// Writes a build into its output folder, atomically: after an edit only what changed (update-site.ts)
// when the files it replaces are exactly what the last build left; else the whole site through a staging folder.
// Either way the stamp and the site record are saved last, so a crash leaves the next build a full one.
import { Worker } from 'node:worker_threads'
import { SITE_PAGE_FOLDERS } from '../core/build-site.ts'
import type { Diagnostic } from '../core/model.ts'
import { hasErrors } from '../core/diagnostic.ts'
import { listen } from './batches.ts'
import { mayUpdate, outputState, saveStamp, type Inputs, type LastBuild, type OutputWalk } from './build-stamp.ts'
import { MIN_DECKS_FOR_WORKERS, workerCount } from './deck-pool.ts'
import { pageHashes, readSiteRecord, saveSiteRecord, siteRecord } from './site-record.ts'
import { discard, stagingDir, swapIn } from './swap-out.ts'
import { updateSite } from './update-site.ts'
import { pageWriter } from './write-pages.ts'
import { workerScript } from './worker-bundle.ts'
import { renderSite, type WriteSite } from './write-site.ts'

export interface OutputJob {
  last: LastBuild
  /** The decks folder as hashed at the start of this build. */
  inputs: Inputs
  /** The output folder's real path (a symbolic link's target). */
  target: string
  /** Puts the bundled runtime into a full build's staging folder. */
  copyRuntime: (staged: string) => Promise<void> | void
  write: Omit<WriteSite, 'outDir'>
  /** Everything besides a deck that shapes its pages (site-record.ts). */
  siteKey: string
  /** More files for the staging folder before the swap (the exports); forces a full build. */
  beforeSwap?: ((staged: string) => Promise<Diagnostic[]>) | undefined
}

export interface OutputResult {
  ok: boolean
  diagnostics: Diagnostic[]
  /** Deck files found, and decks parsed and rendered by this build (all of them in a full build). */
  decks: { total: number; rendered: number }
  /** What the build says about the output as a whole (a file there changed by hand). */
  notes?: string[]
}

/** Why a build after an edit built the whole site: files it would replace or remove were changed by hand. */
function handChangedNote(files: readonly string[]): string {
  const named = files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '')
  return `${named}: changed in the output since the last build wrote it, so the whole site was built again, which replaced it. Change the decks instead; the build owns the output folder`
}

export async function writeOutput(job: OutputJob): Promise<OutputResult> {
  const { root, outDir } = job.last.key
  let staged = await stagingDir(job.target)
  try {
    const notes: string[] = []
    const { output, stamp } = job.last
    // A full build replaces the whole folder: it says which files of it were not as the last build left them.
    const edited = output && stamp ? Object.keys(output).filter((file) => output[file] !== stamp.output[file]) : []
    if (edited.length > 0) notes.push(handChangedNote(edited))
    if (!job.beforeSwap && mayUpdate(job.last)) {
      const record = readSiteRecord(root, outDir)
      if (record?.inputs === stamp!.hash && record.siteKey === job.siteKey) {
        const manifest = output ?? stamp!.output
        const updated = await updateSite({ write: { ...job.write, outDir: staged, listing: job.inputs.listing }, target: job.target, manifest, folders: stamp!.folders, record, siteKey: job.siteKey, inputs: job.inputs, read: stamp!.inputs?.files })
        if ('handChanged' in updated) {
          notes.push(handChangedNote(updated.handChanged))
          await discard(staged)
          staged = await stagingDir(job.target) // a new one: a deck thread remembers the folders it made in the old
        } else if (!updated.ok) {
          await discard(staged)
          return updated
        } else {
          saveSiteRecord(root, outDir, updated.record, record)
          await saveStamp(job.last, job.inputs, updated.manifest, updated.folders)
          return { ok: true, diagnostics: updated.diagnostics, decks: updated.decks }
        }
      }
    }
    await job.copyRuntime(staged)
    const site = await renderSite({ ...job.write, outDir: staged, listing: job.inputs.listing })
    const decks = { total: site.decks.length, rendered: site.rendered.length }
    const { diagnostics } = site
    if (hasErrors(diagnostics)) {
      await discard(staged)
      return { ok: false, diagnostics, decks }
    }
    // The decks' folders are complete: another thread walks them while this one makes the pages about all decks.
    const walking = !job.beforeSwap && decks.rendered >= MIN_DECKS_FOR_WORKERS && workerCount(job.write.workers) > 1 ? walkAside(staged, await workerScript('output-walker')) : undefined
    const pages = site.pages()
    pageWriter(staged)(pages)
    const more = job.beforeSwap ? await job.beforeSwap(staged) : []
    const walked = await walking
    if (hasErrors(more)) {
      await discard(staged)
      return { ok: false, diagnostics: [...diagnostics, ...more], decks }
    }
    await swapIn(staged, job.target)
    saveSiteRecord(root, outDir, siteRecord(job.siteKey, job.inputs, site.decks, pageHashes(pages)))
    // A page written into a folder walked aside (none is: SITE_PAGE_FOLDERS) would be missed there: then all is walked now.
    const written = outputState(outDir, walked && pages.every((p) => !walked.top.includes(p.path.split('/')[0]!)) ? walked : undefined)
    await saveStamp(job.last, job.inputs, written.files, written.folders)
    return { ok: true, diagnostics, decks, ...(notes.length ? { notes } : {}) }
  } catch (error) {
    await discard(staged)
    throw error
  }
}

/**
 * Walks a full build's staging folder on a thread of its own, but for the folders the pages about all
 * decks are written into (SITE_PAGE_FOLDERS), the folder itself and its own files: outputState walks
 * those after the swap. With many decks the walk (a stat of each of thousands of files and folders)
 * takes about as long as making those pages, and the other threads have finished their decks. Any
 * failure leaves the whole walk to outputState.
 */
async function walkAside(staged: string, script: URL): Promise<{ walk: OutputWalk; top: string[] } | undefined> {
  try {
    const worker = new Worker(script, { workerData: { dir: staged, skip: SITE_PAGE_FOLDERS } })
    let found: { walk: OutputWalk; top: string[] } | undefined
    const { done, stop } = listen<{ walk: OutputWalk; top: string[] }>(worker, (message) => {
      found = message
      stop()
    })
    await done
    return found
  } catch {
    return undefined
  }
}
