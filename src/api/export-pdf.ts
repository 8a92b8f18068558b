// exportPdfs(): decks → PDF slides, notes pages and A4 homework sheets, printed by the system Chromium.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { hasErrors } from '../core/diagnostic.ts'
import type { Diagnostic } from '../core/model.ts'
import { renderHandout } from '../core/render-handout.ts'
import { exportName, selectDecks } from '../core/select-decks.ts'
import { urlPath } from '../core/urls.ts'
import { IMAGE_FORMATS } from '../io/image-type.ts'
import type { CommonOptions } from './options.ts'

export type ExportKind = 'pdf' | 'notes' | 'handout'

export interface ExportPdfOptions extends CommonOptions {
  /** Deck slugs, e.g. `vertrieb/2026-12-03-update`. */
  slugs?: string[]
  /** Every deck. @default false */
  all?: boolean
  /** `<name>.pdf`: one 16:9 page per slide, the homework slide last. @default false */
  pdf?: boolean
  /** `<name>-notes.pdf`: A4 notes pages, each slide with its speaker notes below. @default false */
  notes?: boolean
  /** `<name>-homework.pdf`: the A4 homework sheet for a notice board. @default false */
  handout?: boolean
  /** @default 'export' */
  outDir?: string
  /** Called with a line of progress, e.g. `deck 2 of 3: vertrieb/2026-12-03-update`. */
  onProgress?: (line: string) => void
}

export interface ExportedFile {
  slug: string
  kind: ExportKind
  path: string
  pages: number
  bytes: number
}

export interface ExportPdfResult {
  ok: boolean
  diagnostics: Diagnostic[]
  files: ExportedFile[]
  /** Why nothing was exported, for the presenter: no deck chosen, an unknown slug, no Chromium. */
  problem?: string
}

const SUFFIX: Record<ExportKind, string> = { pdf: '.pdf', notes: '-notes.pdf', handout: '-homework.pdf' }

/**
 * Prints the chosen decks with one Chromium: the slides come from a build into a private temporary
 * folder, served on 127.0.0.1 for the time of the export; the sheet is rendered on its own.
 * @example await exportPdfs({ all: true, pdf: true, handout: true }) // export/*.pdf
 */
export async function exportPdfs(options: ExportPdfOptions): Promise<ExportPdfResult> {
  const root = resolve(options.root ?? process.cwd())
  const outDir = resolve(root, options.outDir ?? 'export')
  const kinds = (['pdf', 'notes', 'handout'] as const).filter((kind) => options[kind])
  const fail = (problem: string, diagnostics: Diagnostic[] = []): ExportPdfResult => ({ ok: false, diagnostics, files: [], problem })
  if (!kinds.length) return fail('say what to export: --pdf (slides), --notes (notes pages) or --handout (homework sheet)')

  const [{ loadViteConfig }, { listThemes }, { loadDecks }, { foreignFiles, writeExport }, { launchChromium }] = await Promise.all([
    import('../vite/site-config.ts'),
    import('../io/themes.ts'),
    import('../io/load-decks.ts'),
    import('../io/export-record.ts'),
    import('../io/chromium.ts'),
  ])
  const { site } = await loadViteConfig(root, options.siteUrl)
  const decksDir = resolve(root, options.decksDir ?? site.decksDir)
  const loaded = await loadDecks({ decksDir, themes: listThemes(resolve(root, 'themes')), site })
  if (hasErrors(loaded.diagnostics)) return { ok: false, diagnostics: loaded.diagnostics, files: [] }
  const chosen = selectDecks(
    loaded.decks.map((d) => d.deck.slug),
    options.slugs ?? [],
    options.all ?? false,
  )
  if ('problem' in chosen) return fail(chosen.problem, loaded.diagnostics)
  const decks = chosen.slugs.map((slug) => loaded.decks.find((d) => d.deck.slug === slug)!)
  const target = (slug: string, kind: ExportKind) => join(outDir, `${exportName(slug)}${SUFFIX[kind]}`)
  const foreign = foreignFiles(root, decks.flatMap(({ deck }) => kinds.map((kind) => target(deck.slug, kind))))
  if (foreign.length) return fail(`${foreign.join(', ')} already exist${foreign.length === 1 ? 's' : ''} and no export wrote ${foreign.length === 1 ? 'it' : 'them'}: nothing was overwritten. Move ${foreign.length === 1 ? 'it' : 'them'} away or choose another --out`, loaded.diagnostics)

  const launched = await launchChromium()
  if ('problem' in launched) return fail(launched.problem, loaded.diagnostics)
  const { browser } = launched
  const [{ printDeck, printHtml }, { readImage }] = await Promise.all([import('../io/print-pdf.ts'), import('../io/image-file.ts')])
  const files: ExportedFile[] = []
  let work: string | undefined
  let server: { url: string; close(): Promise<void> } | undefined
  try {
    if (options.pdf || options.notes) {
      // The real build, into a folder of our own: the PDF shows exactly what the site presents.
      work = await mkdtemp(join(tmpdir(), 'updeck-export-'))
      const [{ build }, { serveFolder }] = await Promise.all([import('./build.ts'), import('../io/static-server.ts')])
      const built = await build({ root, decksDir, siteUrl: options.siteUrl, today: options.today, outDir: join(work, 'site'), base: '/' })
      if (!built.ok) return { ok: false, diagnostics: built.diagnostics, files: [] }
      server = await serveFolder(built.outDir)
    }
    for (const [i, { deck, rendered }] of decks.entries()) {
      options.onProgress?.(`deck ${i + 1} of ${decks.length}: ${deck.slug}`)
      const save = (kind: ExportKind, printed: { pdf: Buffer; pages: number }) => {
        const path = target(deck.slug, kind)
        writeExport(root, path, printed.pdf)
        files.push({ slug: deck.slug, kind, path, pages: printed.pages, bytes: printed.pdf.length })
      }
      const deckUrl = server && `${server.url}${urlPath(deck.slug)}/`
      if (options.pdf) save('pdf', await printDeck(browser, deckUrl!))
      if (options.notes) save('notes', await printDeck(browser, deckUrl!, { notes: true }))
      if (options.handout) {
        const image = (path: string) => {
          const read = readImage(decksDir, path, { bytes: true })
          if ('problem' in read) throw new Error(`image "${path}" ${read.problem}`)
          return `data:${IMAGE_FORMATS[read.type].mime};base64,${Buffer.from(read.bytes!).toString('base64')}`
        }
        const homeworkUrl = site.siteUrl ? `${site.siteUrl}${urlPath(deck.slug)}/homework/` : undefined
        save('handout', await printHtml(browser, renderHandout({ deck, details: rendered.details, image, organisation: site.organisation, homeworkUrl })))
      }
    }
    return { ok: true, diagnostics: loaded.diagnostics, files }
  } finally {
    await browser.close()
    await server?.close()
    if (work) await rm(work, { recursive: true, force: true })
  }
}
