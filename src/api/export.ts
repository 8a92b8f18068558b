// exportDecks(): decks → files to take along. One self-contained HTML file per deck (--html); the
// PDFs (--pdf slides, --notes pages, --handout homework sheet) are printed by one Chromium from that
// same file, so they show what the one-file deck presents, without a build of the site.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import type { RenderedDeck } from '../core/build-site.ts'
import { hasErrors } from '../core/diagnostic.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { Diagnostic } from '../core/model.ts'
import { renderDeckFile, renderInlineSlides } from '../core/render-deck-file.ts'
import { renderHandout } from '../core/render-handout.ts'
import { homeworkPageUrl } from '../core/render-homework.ts'
import { EXPORT_KINDS, exportFileName, exportNameClashes, exportNameTooLong, NAME_MAX, selectDecks, type ExportKind } from '../core/select-decks.ts'
import type { SiteContext } from '../core/site-context.ts'
import { deckSlug } from '../core/slug.ts'
import { siteClock } from '../io/clock.ts'
import { isWithin } from '../io/contained-path.ts'
import { readImagesInline, readRuntimeScript, readThemeStyles } from '../io/export-files.ts'
import { foreignFiles, otherDecksFiles, writeExport } from '../io/export-record.ts'
import { loadDecks } from '../io/load-decks.ts'
import { realOutDir } from '../io/out-dir-guard.ts'
import { listThemes } from '../io/themes.ts'
import type { RuntimeAssets } from '../io/write-site.ts'
import type { CommonOptions } from './options.ts'

export type { ExportKind } from '../core/select-decks.ts'

export interface ExportOptions extends CommonOptions {
  /** Deck addresses, e.g. `vertrieb/2026-12-03-social-media-update`. @default [] */
  slugs?: string[]
  /** Every deck in the decks folder. @default false */
  all?: boolean
  /** `<name>.html`: one self-contained file per deck that presents offline. @default false */
  html?: boolean
  /** `<name>.pdf`: one 16:9 page per slide, fragments shown, the homework slide last. @default false */
  pdf?: boolean
  /** `<name>-notes.pdf`: A4 notes pages, each slide with its speaker notes below. @default false */
  notes?: boolean
  /** `<name>-homework.pdf`: the A4 homework sheet for a notice board. @default false */
  handout?: boolean
  /** Where the files go; made when missing, nothing in it is deleted. @default 'export' */
  outDir?: string
  /** A line per deck, e.g. `deck 2 of 3: vertrieb/…` */
  onProgress?: (line: string) => void
}

export interface ExportedFile {
  slug: string
  kind: ExportKind
  /** Absolute path of the written file. */
  path: string
  bytes: number
  /** Pages of a PDF. */
  pages?: number
}

export interface ExportResult {
  /** False when anything chosen was not exported: a deck with errors, a problem. */
  ok: boolean
  /** The chosen decks' diagnostics: a deck with an error gets no files. */
  diagnostics: Diagnostic[]
  files: ExportedFile[]
  outDir: string
  /** Why nothing was exported, for the presenter: no deck or kind chosen, an unknown slug, a file in the way, no Chromium. */
  problem?: string
}

/**
 * Writes the chosen decks' files into `outDir`. A chosen deck with an error is reported and gets no
 * files; the others are exported. Files are replaced only when an earlier export wrote them.
 * @example await exportDecks({ all: true, html: true, pdf: true }) // export/*.html, export/*.pdf
 */
export async function exportDecks(options: ExportOptions): Promise<ExportResult> {
  const root = resolve(options.root ?? process.cwd())
  const outDir = resolve(root, options.outDir ?? 'export')
  const fail = (problem: string, diagnostics: Diagnostic[] = []): ExportResult => ({ ok: false, diagnostics, files: [], outDir, problem })
  // An empty --out (an unset variable) would write into the current folder.
  if (options.outDir !== undefined && !options.outDir.trim()) return fail('--out is empty: give a folder, such as export')
  const kinds = EXPORT_KINDS.filter((kind) => options[kind])
  if (!kinds.length) return fail('say what to export: --html (one file per deck), --pdf (slides), --notes (notes pages) or --handout (homework sheet)')

  const [{ loadSiteSettings }, { cachedRuntime }] = await Promise.all([import('../vite/site-settings.ts'), import('../io/runtime-cache.ts')])
  const { site, viteConfig } = await loadSiteSettings(root, options.siteUrl)
  const decksDir = resolve(root, options.decksDir ?? site.decksDir)
  const loaded = await loadDecks({ decksDir, themes: listThemes(join(root, 'themes')), site })

  const known = [...loaded.decks.map((d) => d.deck.slug), ...loaded.diagnostics.map((d) => deckSlug(d.file))].filter(Boolean)
  // A deck file given by its path (`decks/vertrieb/x.md`, absolute or from here) counts as its path under the decks folder.
  const wanted = (options.slugs ?? []).map((w) => {
    const path = resolve(process.cwd(), w)
    return path !== decksDir && isWithin(decksDir, path) ? relative(decksDir, path) : w
  })
  const chosen = selectDecks(known, wanted, options.all ?? false, relative(process.cwd(), decksDir) || '.')
  if ('problem' in chosen) return fail(chosen.problem)
  // Only the chosen decks' problems count: a broken deck nobody asked for stops nothing.
  const diagnostics = loaded.diagnostics.filter((d) => chosen.slugs.includes(deckSlug(d.file)))
  // By address, not file: of Übersicht.md and uebersicht.md (one address, an error) neither is exported.
  const named = wellNamed(chosen.slugs.flatMap((slug) => (hasErrors(diagnostics.filter((x) => deckSlug(x.file) === slug)) ? [] : loaded.decks.filter((d) => d.deck.slug === slug))))
  const decks = named.decks
  diagnostics.push(...named.diagnostics)

  const given = options.outDir ?? 'export'
  let out: string
  try {
    const outProblem = checkOutDir(outDir, given, decksDir)
    if (outProblem) return fail(outProblem, diagnostics)
    out = realOutDir(outDir)
  } catch (error) {
    return fail(writeProblem(error, given), diagnostics)
  }
  // Before anything is written: every file this export would replace must be one an export wrote.
  const foreign = foreignFiles(root, decks.flatMap(({ deck }) => kinds.map((kind) => join(out, exportFileName(deck.slug, kind)))))
  if (foreign.length) {
    const shown = foreign.map((f) => (isWithin(process.cwd(), f) ? relative(process.cwd(), f) : f))
    const them = foreign.length === 1 ? 'it' : 'them'
    return fail(`${shown.join(', ')} already exist${foreign.length === 1 ? 's' : ''} and no export wrote ${them}: nothing was written. Move ${them} away or choose another --out`, diagnostics)
  }
  const taken = otherDecksFiles(root, decks.flatMap(({ deck }) => kinds.map((kind) => ({ path: join(out, exportFileName(deck.slug, kind)), slug: deck.slug }))))
  if (taken.length) {
    const lines = taken.map(({ path, slug }) => `${isWithin(process.cwd(), path) ? relative(process.cwd(), path) : path} holds the export of deck ${slug}, which has the same file name`)
    return fail(`${lines.join('\n')}: nothing was written. Rename one of the decks' folders or files, or export into another --out`, diagnostics)
  }

  const runtime = await cachedRuntime(root, viteConfig)
  let made: Awaited<ReturnType<typeof writeExports>>
  try {
    made = await writeExports({ root, site, decksDir, runtime, today: options.today, decks, kinds, outDir: out, remember: true, onProgress: options.onProgress })
  } catch (error) {
    return fail(writeProblem(error, given), diagnostics)
  }
  if ('problem' in made) return fail(made.problem, diagnostics)
  const all = [...diagnostics, ...made.diagnostics]
  return { ok: !hasErrors(all), diagnostics: all, files: made.files, outDir: out }
}

export interface ExportJob {
  root: string
  site: SiteConfig
  decksDir: string
  runtime: { dir: string; assets: RuntimeAssets }
  today?: string | undefined
  /** Decks without errors, in the order their files are made. */
  decks: readonly RenderedDeck[]
  kinds: readonly ExportKind[]
  /** An existing or new folder (its real path), already checked. */
  outDir: string
  /** Remember each file in the export record (not for a build's staging folder, which is new). */
  remember: boolean
  onProgress?: ((line: string) => void) | undefined
}

/**
 * Makes and writes each deck's files. The PDFs are printed from the deck's one-file HTML, opened by
 * Chromium from a private temporary folder; one Chromium serves every deck and kind, and is started
 * only when a PDF is asked for. A deck whose files cannot all be made gets none (a diagnostic).
 */
export async function writeExports(job: ExportJob): Promise<{ files: ExportedFile[]; diagnostics: Diagnostic[] } | { problem: string }> {
  const { decks, diagnostics } = wellNamed(job.decks)
  const printing = job.kinds.some((kind) => kind !== 'html')
  let browser: Browser | undefined
  if (printing && decks.length) {
    const { launchChromium } = await import('../io/chromium.ts')
    const launched = await launchChromium()
    if ('problem' in launched) return launched
    browser = launched.browser
  }
  const { printDeck, printHtml } = await import('../io/print-pdf.ts')
  const js = readRuntimeScript(job.runtime.dir, job.runtime.assets)
  const files: ExportedFile[] = []
  const work = printing ? await mkdtemp(join(tmpdir(), 'updeck-print-')) : undefined
  try {
    for (const [i, { deck, rendered }] of decks.entries()) {
      job.onProgress?.(`deck ${i + 1} of ${decks.length}: ${deck.slug}`)
      const read = readImagesInline(job.decksDir, rendered.images.map((image) => image.path))
      if ('problem' in read) {
        // Checked when loaded; changed since (a save during the export).
        const use = rendered.images.find((image) => image.path === read.path)!
        diagnostics.push({ file: deck.file, line: use.line, col: use.col, field: '', message: `image "${read.path}" ${read.problem}`, severity: 'error' })
        continue
      }
      const made: { kind: ExportKind; bytes: Buffer; pages?: number }[] = []
      try {
        const needsFile = job.kinds.some((kind) => kind === 'html' || kind === 'pdf' || kind === 'notes')
        if (needsFile) {
          const ctx: SiteContext = { site: job.site, base: '/', ...siteClock(job.today), assets: { ...job.runtime.assets, image: () => '' } }
          // The page's characters decide which font subsets it carries: its slides, notes and homework.
          const text = `${deck.meta.title} ${deck.meta.audience} ${renderInlineSlides(deck, rendered, ctx, new Map())}`
          const html = renderDeckFile(deck, rendered, ctx, { js, css: readThemeStyles(job.runtime.dir, job.runtime.assets, deck.meta.theme, text), images: read.images })
          if (job.kinds.includes('html')) made.push({ kind: 'html', bytes: Buffer.from(html) })
          if (job.kinds.includes('pdf') || job.kinds.includes('notes')) {
            // Opened as a colleague opens it: the file itself, from file://, with reveal.js's print view in the query.
            const file = join(work!, `${i + 1}.html`)
            await writeFile(file, html)
            for (const kind of ['pdf', 'notes'] as const) {
              if (!job.kinds.includes(kind)) continue
              const printed = await printDeck(browser!, pathToFileURL(file).href, { notes: kind === 'notes' })
              made.push({ kind, bytes: printed.pdf, pages: printed.pages })
            }
          }
        }
        if (job.kinds.includes('handout')) {
          const homeworkUrl = homeworkPageUrl(deck, job.site.siteUrl)
          const printed = await printHtml(browser!, renderHandout({ deck, details: rendered.details, image: (path) => read.images.get(path) ?? inlineImage(job.decksDir, path), organisation: job.site.organisation, homeworkUrl }))
          made.push({ kind: 'handout', bytes: printed.pdf, pages: printed.pages })
        }
      } catch (error) {
        diagnostics.push({ file: deck.file, line: 1, col: 1, field: '', message: `could not be exported: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' })
        continue
      }
      // All of a deck's files or none: they are written only once every one of them is made.
      mkdirSync(job.outDir, { recursive: true })
      for (const { kind, bytes, pages } of made) {
        const path = join(job.outDir, exportFileName(deck.slug, kind))
        writeExport(job.remember ? job.root : undefined, path, bytes, deck.slug)
        files.push({ slug: deck.slug, kind, path, bytes: bytes.length, ...(pages === undefined ? {} : { pages }) })
      }
    }
    return { files, diagnostics }
  } finally {
    await browser?.close()
    if (work) await rm(work, { recursive: true, force: true })
  }
}

/**
 * The decks whose files can be written under their names, and an error for each other one: two
 * decks with one file name (a/b-c and a-b/c: a-b-c.html) get none, neither replacing the other;
 * nor does a deck whose folders' names add up to a file name longer than a file system takes.
 */
function wellNamed(all: readonly RenderedDeck[]): { decks: RenderedDeck[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const error = (file: string, message: string) => diagnostics.push({ file, line: 1, col: 1, field: '', message, severity: 'error' })
  const clashes = exportNameClashes(all.map(({ deck }) => deck.slug))
  const decks = all.filter(({ deck }) => {
    const others = clashes.get(deck.slug)
    if (others) error(deck.file, `its exports would be named ${exportFileName(deck.slug, 'html')}, as would those of ${others.join(', ')}: rename one of their folders or files`)
    const bytes = exportNameTooLong(deck.slug)
    if (bytes !== undefined) error(deck.file, `its export file names would be too long for a file system (${bytes} bytes with the homework sheet's, at most ${NAME_MAX}): shorten its folders' or its file's name`)
    return !others && bytes === undefined
  })
  return { decks, diagnostics }
}

/** An image only the sheet shows, as a data: URI. */
function inlineImage(decksDir: string, path: string): string {
  const read = readImagesInline(decksDir, [path])
  if ('problem' in read) throw new Error(`image "${path}" ${read.problem}`)
  return read.images.get(path)!
}

const REFUSALS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the drive is read-only',
  ENOSPC: 'the drive is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'part of its path is a file',
}

/** A folder that refused a file, in the presenter's words; any other error is thrown on. */
function writeProblem(error: unknown, given: string): string {
  const reason = REFUSALS[(error as NodeJS.ErrnoException | undefined)?.code ?? '']
  if (!reason) throw error
  return `cannot write into --out "${given}" (${reason}): choose a folder you can write to, such as export`
}

/** Why the export folder cannot take the files: a file in its place, or the decks folder. It only gains files. */
function checkOutDir(outDir: string, given: string, decksDir: string): string | undefined {
  const out = realOutDir(outDir)
  const stat = statSync(out, { throwIfNoEntry: false })
  if (stat && !stat.isDirectory()) return `--out "${given}" is a file, not a folder: choose a folder such as export`
  if (isWithin(realOutDir(decksDir), out)) return `--out "${given}" is inside the decks folder, where nothing is written: choose a folder outside it, such as export`
  // A built site (it has decks.json) is replaced whole by the next build: files exported into it would go.
  for (let dir = out; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'decks.json'))) {
      return `--out "${given}" is inside the built site ${dir}, which the next build replaces whole, exports and all: choose a folder outside it, such as export, or build with --with-exports to put the exports into the site`
    }
    if (dirname(dir) === dir) return undefined
  }
}
