// A build after an edit: renders only the decks that changed into a scratch folder, checks every
// deck as a full build does, then renames the changed files into the output and removes the files
// of decks that are gone. A failed build changes nothing; nor does an update that would replace or
// remove a file changed by hand since the last build (the caller builds the whole site instead).
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { hasErrors } from '../core/diagnostic.ts'
import type { Diagnostic } from '../core/model.ts'
import { sizeAndTime } from './file-listing.ts'
import { checkOutput, foldersBefore, sortedManifest, updatedFolders, type Folders, type Inputs, type Manifest } from './build-stamp.ts'
import { pageHashes, reusable, sameSiteData, siteRecord, type SiteRecord } from './site-record.ts'
import { replaceFiles } from './swap-out.ts'
import { pageWriter } from './write-pages.ts'
import { renderSite, type WriteSite } from './write-site.ts'

export interface SiteUpdate {
  /** `outDir` is the scratch folder beside the output, where changed files are written first. */
  write: WriteSite
  /** The output folder (a real path). */
  target: string
  /** The files the last build wrote there; those the update replaces or removes are checked against it. */
  manifest: Manifest
  /** Its folders' times, when the last build recorded them. */
  folders?: Folders | undefined
  record: SiteRecord
  siteKey: string
  inputs: Inputs
  /** The decks folder as the record's build read it: path → [size and time, content hash]. */
  read?: Record<string, [string, string]> | undefined
}

export type UpdateResult =
  | { ok: false; diagnostics: Diagnostic[]; decks: { total: number; rendered: number } }
  /** Files the update would replace or remove were changed since the last build: it changed nothing. */
  | { ok: false; handChanged: string[] }
  | { ok: true; diagnostics: Diagnostic[]; decks: { total: number; rendered: number }; record: SiteRecord; manifest: Manifest; folders?: Folders | undefined }

export async function updateSite(update: SiteUpdate): Promise<UpdateResult> {
  const { write, target, record, manifest: last } = update
  const scratch = write.outDir
  const keys = new Map<string, string>()
  const site = await renderSite(write, reusable(record, update.siteKey, update.inputs, keys, update.read), (decks, rendered) => sameSiteData(record, decks, rendered))
  const built = site.rendered
  const decks = { total: site.decks.length, rendered: built.length }
  if (hasErrors(site.diagnostics)) return { ok: false, diagnostics: site.diagnostics, decks }

  // The output is what the last build wrote, except where someone changed it since: a page is unchanged
  // when its hash is, and all are when the decks they show are (their calendar keeps the stamp it had).
  const same = site.unchanged
  const all = same ? [] : site.pages()
  const hashes = same ? record.pages : pageHashes(all)
  const pages = all.filter((page) => record.pages[page.path] !== hashes[page.path])
  pageWriter(scratch)(pages)
  // Deck files first, the pages that link them after: a reader never follows a link to a missing page.
  const written = [...new Set([...built.flatMap((d) => d.files), ...pages.map((p) => p.path)])]
  // A reused deck's files are the record's: only those of decks rendered again or gone, and the pages
  // about all decks, can be gone now. They may still be a reused deck's (an image is named by its
  // content, so two decks can share it): those files are gathered only when one is left to look up.
  const rebuilt = new Set(built.map((d) => d.file))
  const stay = new Set(site.decks.map((d) => d.file))
  const before = [...Object.entries(record.decks).flatMap(([file, d]) => (stay.has(file) && !rebuilt.has(file) ? [] : d.files)), ...Object.keys(record.pages)]
  const now = new Set([...built.flatMap((d) => d.files), ...Object.keys(hashes)])
  let reusedFiles: Set<string> | undefined
  const kept = (file: string) => now.has(file) || (reusedFiles ??= new Set(site.decks.flatMap((d) => (rebuilt.has(d.file) ? [] : d.files)))).has(file)
  const removed = [...new Set(before)].filter((f) => Object.hasOwn(last, f) && !kept(f))
  // Only these files are replaced or removed, every other one stays as it is: so only these must be
  // as the last build wrote them. One edited by hand, or put where a new one goes, is not replaced here:
  // the build names it and builds the whole site, as after any change of the output it checks.
  const found = checkOutput(target, last, [...written, ...removed])
  if (found.changed.length > 0) return { ok: false, handChanged: found.changed }
  // An image's name is its content's hash: one already there is the same file.
  const changed = written.filter((f) => !(f.startsWith('assets/') && found.same.has(f)))
  const gone = removed.filter((f) => !found.missing.has(f))
  const folders = foldersBefore(target, update.folders, [...changed, ...gone])
  replaceFiles(scratch, target, changed, gone)

  const manifest: Manifest = { ...last }
  for (const file of removed) delete manifest[file]
  for (const file of changed) manifest[file] = sizeAndTime(statSync(join(target, file)))
  // The same data as recorded: the record's data file is kept as it is, and no deck's data is read.
  const next = siteRecord(update.siteKey, update.inputs, site.decks, hashes, keys, same ? record.data : undefined)
  // New files break the listing's order; replaced ones keep their place.
  const added = changed.some((file) => !Object.hasOwn(last, file))
  return { ok: true, diagnostics: site.diagnostics, decks, record: next, manifest: added ? sortedManifest(manifest) : manifest, folders: folders && updatedFolders(target, folders, [...changed, ...gone]) }
}
