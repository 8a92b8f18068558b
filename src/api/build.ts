// build(): decks → static site, atomically; a build with nothing changed returns at once.
import { join, resolve } from 'node:path'
import type { Diagnostic } from '../core/model.ts'
import { decksListing, hashInputs, isUpToDate, lastBuild, mayUpdate, wasBuiltHere, type BuildKey } from '../io/build-stamp.ts'
import { siteClock } from '../io/clock.ts'
import { normaliseBase, type CommonOptions } from './options.ts'

export interface BuildOptions extends CommonOptions {
  /** @default 'dist' */
  outDir?: string
  /**
   * Base path for absolute links, e.g. /intern/decks/. The default './' writes relative links: the
   * site works from a folder (file://) and under any path of a web server. @default './'
   */
  base?: string
  /** Replace an `outDir` that holds files no updeck build wrote. @default false */
  force?: boolean
  /**
   * Also export every deck into the site, at `exports/<name>.html`, `.pdf` and `-homework.pdf`
   * (printed by the system Chromium), and offer them on the index. @default false
   */
  withExports?: boolean
  /**
   * Threads that parse, render and write decks. Many decks are spread over every core; the output is
   * the same with any number. @default os.availableParallelism(), or the UPDECK_WORKERS variable
   */
  workers?: number
}

export interface BuildResult {
  ok: boolean
  diagnostics: Diagnostic[]
  outDir: string
  /** True when nothing had changed since the last build of `outDir`, which was kept as it was. */
  upToDate?: boolean
  /** What the build says about the whole site, once (not about one deck), e.g. a missing site address. */
  notes?: string[]
  /** Deck files found, and how many of them this build parsed and rendered (after one edit: 1). */
  decks?: { total: number; rendered: number }
}

/**
 * Builds the static site into a staging folder and swaps it over `outDir` only on success; after an
 * edit, renders only the decks that changed and renames only the changed files into `outDir`.
 * @example const { ok, diagnostics } = await build({ outDir: 'public' })
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? process.cwd())
  const outDir = resolve(root, options.outDir ?? 'dist')
  const base = normaliseBase(options.base ?? './')
  const clock = siteClock(options.today)
  const today = clock.today
  const key: BuildKey = { root, outDir, options: { base, today, decks: options.decksDir && resolve(root, options.decksDir), siteUrl: options.siteUrl, withExports: options.withExports ? 'yes' : undefined } }
  const last = await lastBuild(key)
  if (isUpToDate(last)) return { ok: true, diagnostics: [], outDir, upToDate: true }

  // A build that cannot update the output file by file builds every deck: its worker threads start
  // at once, as many as the decks the last build read call for, and load the parser and renderer
  // while this thread reads the settings and prepares the output (counted again below if unknown).
  const [{ startWorkers, stopWorkers, workerCount }, { isDeckFile }] = await Promise.all([import('../io/deck-pool.ts'), import('../core/deck-files.ts')])
  const deckCount = (listing: readonly { name: string }[]) => listing.filter((file) => isDeckFile(file.name)).length
  const full = !mayUpdate(last)
  let starting = full && last.inputs ? startWorkers(deckCount(last.inputs.listing), workerCount(options.workers)) : undefined
  try {
    // Loaded only when there is work to do. vite is not among them: the site settings come without it,
    // and it is loaded only when the runtime must be bundled.
    const [{ loadSiteSettings }, { guardOutDir }, { cachedRuntime, copyRuntime }, { listThemes }, { writeOutput }, { siteKey }] = await Promise.all([
      import('../vite/site-settings.ts'),
      import('../io/out-dir-guard.ts'),
      import('../io/runtime-cache.ts'),
      import('../io/themes.ts'),
      import('../io/write-output.ts'),
      import('../io/site-record.ts'),
    ])
    const { site, viteConfig } = await loadSiteSettings(root, options.siteUrl)
    const decksDir = resolve(root, options.decksDir ?? site.decksDir)
    // Before anything is written; `target` is the real folder (a symbolic link's target) to replace.
    const given = options.outDir ?? 'dist'
    const target = guardOutDir({ given, outDir, root, decksDir, builtHere: () => wasBuiltHere(last), force: options.force })
    // Listed once: lastBuild has listed it when it checked the last build's stamp.
    const listing = full ? decksListing(last, decksDir) : undefined
    starting ??= listing ? startWorkers(deckCount(listing), workerCount(options.workers)) : undefined
    const started = (await starting) ?? []
    const inputs = hashInputs(last, decksDir, listing) // hashed before building: edits made meanwhile count as changes
    const runtime = await cachedRuntime(root, viteConfig)
    const themes = listThemes(resolve(root, 'themes'))
    const withExports = options.withExports ?? false
    const write = { site, decksDir, themes, base, today, stamp: clock.stamp, runtime: runtime.assets, withExports, workers: options.workers, started }
    const exportInto = async (staged: string): Promise<Diagnostic[]> => {
      // Into the staging folder, before the swap: a failed export leaves the previous site as it was.
      const [{ writeExports }, { loadDecks }, { EXPORTS_FOLDER }] = await Promise.all([import('./export.ts'), import('../io/load-decks.ts'), import('../core/select-decks.ts')])
      const { decks } = await loadDecks({ decksDir, themes, site })
      const made = await writeExports({ root, site, decksDir, runtime, today, decks, kinds: ['html', 'pdf', 'handout'], outDir: join(staged, EXPORTS_FOLDER), remember: false })
      if ('problem' in made) throw new Error(`the exports for --with-exports failed: ${made.problem}`)
      return made.diagnostics
    }
    const result = await writeOutput({
      last,
      inputs,
      target,
      copyRuntime: (staged) => copyRuntime(runtime.dir, staged),
      write,
      siteKey: siteKey({ project: last.project, options: key.options, site, runtime: runtime.assets, themes }),
      beforeSwap: withExports ? exportInto : undefined,
    })
    if (!result.ok) return { ok: false, diagnostics: result.diagnostics, outDir, decks: result.decks }
    const { newsletterNotes } = await import('../core/render-newsletter.ts')
    return { ok: true, diagnostics: result.diagnostics, outDir, notes: [...(result.notes ?? []), ...newsletterNotes(site)], decks: result.decks }
  } finally {
    await stopWorkers((await starting?.catch(() => [])) ?? []) // ended already when their decks were built; here when the build stopped before
  }
}
