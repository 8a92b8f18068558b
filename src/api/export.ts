// exportDecks(): decks → files to take along; `html` writes each deck as one self-contained file.
import { mkdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { closeMatches } from '../core/close-matches.ts'
import { hasErrors } from '../core/diagnostic.ts'
import type { Diagnostic } from '../core/model.ts'
import { exportFileName, renderDeckFile, renderInlineSlides } from '../core/render-deck-file.ts'
import { deckSlug } from '../core/slug.ts'
import type { SiteContext } from '../core/site-context.ts'
import { siteClock } from '../io/clock.ts'
import { isWithin } from '../io/contained-path.ts'
import { readImagesInline, readRuntimeScript, readThemeStyles, writeExport } from '../io/export-files.ts'
import { loadDecks } from '../io/load-decks.ts'
import { realOutDir } from '../io/out-dir-guard.ts'
import { listThemes } from '../io/themes.ts'
import type { CommonOptions } from './options.ts'

export interface ExportOptions extends CommonOptions {
  /** Deck addresses, e.g. `vertrieb/2026-12-03-social-media-update`. @default [] */
  slugs?: string[]
  /** Every deck in the decks folder. @default false */
  all?: boolean
  /** One self-contained HTML file per deck. @default false */
  html?: boolean
  /** Where the files go; made when missing, nothing in it is deleted. @default 'export' */
  outDir?: string
  /** A line per step, e.g. `deck 2 of 3: vertrieb/…` */
  onProgress?: (line: string) => void
}

export interface ExportedFile {
  slug: string
  kind: 'html'
  /** Absolute path of the written file. */
  path: string
  bytes: number
}

export interface ExportResult {
  ok: boolean
  diagnostics: Diagnostic[]
  files: ExportedFile[]
  outDir: string
}

/**
 * Writes the chosen decks into `outDir`; a deck with an error gets no file. Throws a message for the
 * presenter when nothing is chosen, a slug is unknown or `outDir` cannot take the files.
 * @example await exportDecks({ slugs: ['vertrieb/2026-12-03-social-media-update'], html: true })
 */
export async function exportDecks(options: ExportOptions): Promise<ExportResult> {
  const slugs = options.slugs ?? []
  if (!options.all && slugs.length === 0) throw new Error('name the decks to export, e.g. vertrieb/2026-12-03-social-media-update, or give --all for every deck')
  if (!options.html) throw new Error('say what to export: --html (one file per deck)')
  const root = resolve(options.root ?? process.cwd())
  const [{ loadViteConfig }, { cachedRuntime }, vite] = await Promise.all([import('../vite/site-config.ts'), import('../io/runtime-cache.ts'), import('vite')])
  const { config, site } = await loadViteConfig(root, options.siteUrl)
  const decksDir = resolve(root, options.decksDir ?? site.decksDir)
  const outDir = resolve(root, options.outDir ?? 'export')
  const loaded = await loadDecks({ decksDir, themes: listThemes(join(root, 'themes')), site })

  // Every address a deck file gives, readable or not: a broken deck is named and reported, not "unknown".
  const known = [...new Set([...loaded.decks.map((d) => d.deck.slug), ...loaded.diagnostics.map((d) => deckSlug(d.file))])].filter(Boolean).sort()
  const unknown = slugs.filter((s) => !known.includes(s.replace(/^\/+|\/+$/g, '')))
  if (unknown.length) throw new Error(unknown.map((s) => unknownMessage(s, known, relative(process.cwd(), decksDir) || '.')).join('\n'))
  const chosen = options.all ? known : [...new Set(slugs.map((s) => s.replace(/^\/+|\/+$/g, '')))]
  const diagnostics = loaded.diagnostics.filter((d) => chosen.includes(deckSlug(d.file)))

  const out = checkOutDir(outDir, options.outDir ?? 'export', decksDir)
  const runtime = await cachedRuntime(root, config, vite)
  const js = readRuntimeScript(runtime.dir, runtime.assets)
  const files: ExportedFile[] = []
  const decks = loaded.decks.filter((d) => chosen.includes(d.deck.slug))
  let made = false
  for (const [i, { deck, rendered }] of decks.entries()) {
    options.onProgress?.(`deck ${i + 1} of ${decks.length}: ${deck.slug}`)
    if (hasErrors(diagnostics.filter((d) => d.file === deck.file))) continue
    const read = readImagesInline(decksDir, rendered.images.map((image) => image.path))
    if ('problem' in read) {
      const use = rendered.images.find((image) => image.path === read.path)!
      diagnostics.push({ file: deck.file, line: use.line, col: use.col, field: '', message: `image "${read.path}" ${read.problem}`, severity: 'error' })
      continue
    }
    const ctx: SiteContext = { site, base: '/', ...siteClock(options.today), assets: { ...runtime.assets, image: () => '' } }
    // The page's characters decide which font subsets it carries: its slides, notes and homework.
    const text = `${deck.meta.title} ${deck.meta.audience} ${renderInlineSlides(deck, rendered, ctx, new Map())}`
    const html = renderDeckFile(deck, rendered, ctx, { js, css: readThemeStyles(runtime.dir, runtime.assets, deck.meta.theme, text), images: read.images })
    if (!made) mkdirSync(out, { recursive: true })
    made = true
    const path = join(out, exportFileName(deck.slug))
    const written = writeExport(path, html)
    if ('refused' in written) {
      const message = `${relative(process.cwd(), path)} ${written.refused}: nothing was written over it. Move it away or choose another --out`
      diagnostics.push({ file: deck.file, line: 1, col: 1, field: '', message, severity: 'error' })
      continue
    }
    files.push({ slug: deck.slug, kind: 'html', path, bytes: written.bytes })
  }
  return { ok: !hasErrors(diagnostics), diagnostics, files, outDir }
}

function unknownMessage(given: string, known: string[], decksLabel: string): string {
  const close = closeMatches(given, known)
  const hint = close.length ? `did you mean ${close.join(', ')}?` : known.length ? `the decks are: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}` : 'there are no decks'
  return `no deck "${given}" in ${decksLabel}/: ${hint}`
}

/** The export folder's real path. It only gains files, so only a file in its place or the decks folder is refused. */
function checkOutDir(outDir: string, given: string, decksDir: string): string {
  const out = realOutDir(outDir)
  const stat = statSync(out, { throwIfNoEntry: false })
  if (stat && !stat.isDirectory()) throw new Error(`--out "${given}" is a file, not a folder: choose a folder such as export`)
  if (isWithin(realOutDir(decksDir), out)) throw new Error(`--out "${given}" is inside the decks folder, where nothing is written: choose a folder outside it, such as export`)
  return out
}
