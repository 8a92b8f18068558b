// A build after an edit: renders only the decks that changed into a scratch folder, checks every
// deck as a full build does, then renames the changed files into the output and removes the files
// of decks that are gone. A failed build changes nothing.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { hasErrors } from '../core/diagnostic.ts'
import type { Diagnostic } from '../core/model.ts'
import { sizeAndTime } from './file-listing.ts'
import { sortedManifest, updatedFolders, type Folders, type Inputs, type Manifest } from './build-stamp.ts'
import { pageHashes, reusable, sameSiteData, siteRecord, type SiteRecord } from './site-record.ts'
import { replaceFiles } from './swap-out.ts'
import { pageWriter } from './write-pages.ts'
import { renderSite, type WriteSite } from './write-site.ts'

export interface SiteUpdate {
  /** `outDir` is the scratch folder beside the output, where changed files are written first. */
  write: WriteSite
  /** The output folder (a real path), exactly as the last build left it. */
  target: string
  manifest: Manifest
  /** Its folders' times, when the last build recorded them. */
  folders?: Folders | undefined
  record: SiteRecord
  siteKey: string
  inputs: Inputs
}

export type UpdateResult =
  | { ok: false; diagnostics: Diagnostic[]; decks: { total: number; rendered: number } }
  | { ok: true; diagnostics: Diagnostic[]; decks: { total: number; rendered: number }; record: SiteRecord; manifest: Manifest; folders?: Folders | undefined }

export async function updateSite(update: SiteUpdate): Promise<UpdateResult> {
  const { write, target, record } = update
  const scratch = write.outDir
  const keys = new Map<string, string>()
  const site = await renderSite(write, reusable(record, update.siteKey, update.inputs, keys))
  const built = site.rendered
  const decks = { total: site.decks.length, rendered: built.length }
  if (hasErrors(site.diagnostics)) return { ok: false, diagnostics: site.diagnostics, decks }

  // Deck files first, the pages that link them after: a reader never follows a link to a missing page.
  // An image's name is its content's hash: one already there is the same file.
  const changed = built.flatMap((d) => d.files.filter((f) => !(f.startsWith('assets/') && existsSync(join(target, f)))))
  // The output is what the last build wrote (its manifest matched): a page is unchanged when its hash
  // is, and all are when the decks they show are (their calendar keeps the stamp it had).
  const same = sameSiteData(record, site.decks)
  const all = same ? [] : site.pages()
  const hashes = same ? record.pages : pageHashes(all)
  const pages = all.filter((page) => record.pages[page.path] !== hashes[page.path])
  pageWriter(scratch)(pages)
  changed.push(...pages.map((p) => p.path))
  const now = new Set([...site.decks.flatMap((d) => d.files), ...Object.keys(hashes)])
  const before = [...Object.values(record.decks).flatMap((d) => d.files), ...Object.keys(record.pages)]
  const removed = [...new Set(before)].filter((f) => !now.has(f) && f in update.manifest)
  replaceFiles(scratch, target, [...new Set(changed)], removed)

  const manifest: Manifest = { ...update.manifest }
  for (const file of removed) delete manifest[file]
  for (const file of changed) {
    manifest[file] = sizeAndTime(statSync(join(target, file)))
  }
  const next = siteRecord(update.siteKey, update.inputs, site.decks, hashes, keys)
  const folders = update.folders && updatedFolders(target, update.folders, [...changed, ...removed])
  // New files break the listing's order; replaced ones keep their place.
  const added = changed.some((file) => !(file in update.manifest))
  return { ok: true, diagnostics: site.diagnostics, decks, record: next, manifest: added ? sortedManifest(manifest) : manifest, folders }
}
