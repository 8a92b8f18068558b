// check(): validates every deck and estimates its speaking time; writes nothing.
import { join, relative, resolve } from 'node:path'
import type { Diagnostic } from '../core/model.ts'
import { deckSlug } from '../core/slug.ts'
import { estimateSeconds } from '../core/time-budget.ts'
import { checkSlugs } from '../core/build-site.ts'
import { selectDeckFiles } from '../io/deck-paths.ts'
import { loadDecks, loadOneDeck, type LoadContext, type Loaded } from '../io/load-decks.ts'
import { loadSiteSettings } from '../vite/site-settings.ts'
import { listThemes } from '../io/themes.ts'
import type { CommonOptions } from './options.ts'

export interface DeckSummary {
  file: string
  slug: string
  date: string
  audience: string
  slides: number
  /** Estimated speaking time in seconds, homework slide included. */
  seconds: number
  /** The deck's duration in seconds. */
  budget: number
  tasks: number
  /** False when the deck has errors that keep it from being read: then only file, slug and counts hold. */
  parsed: boolean
  /** Errors and warnings in this deck's file. */
  errors: number
  warnings: number
}

export interface CheckResult {
  diagnostics: Diagnostic[]
  decks: DeckSummary[]
  /** Relative path of the decks folder, as messages name it. */
  decksLabel: string
}

/** 645 → "10:45" */
export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

export interface CheckOptions extends CommonOptions {
  /**
   * Check only these deck files (paths from the root), e.g. `decks/vertrieb/x.md`. Files in the decks
   * folder keep their address; others are checked with their own folder as the decks folder.
   * @default [] (every deck in the decks folder)
   */
  files?: string[]
}

export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const root = resolve(options.root ?? process.cwd())
  const { site } = await loadSiteSettings(root, options.siteUrl)
  const configured = resolve(root, options.decksDir ?? site.decksDir)
  const { decksDir, files } = options.files?.length ? selectDeckFiles(root, configured, options.files) : { decksDir: configured, files: undefined }
  const ctx = { decksDir, themes: listThemes(join(root, 'themes')), site }
  const loaded = files ? await loadFiles(ctx, files) : await loadDecks(ctx)
  const estimates = loaded.decks.map(({ deck, rendered }) => ({
    file: deck.file,
    slug: deck.slug,
    date: deck.meta.date,
    audience: deck.meta.audience,
    slides: deck.slides.length + 1,
    seconds: estimateSeconds(rendered.slides, site.wordsPerMinute),
    budget: deck.meta.duration * 60,
    tasks: deck.homework.length,
  }))
  const overTime = loaded.decks.flatMap(({ deck }, i): Diagnostic[] => {
    const { seconds, budget } = estimates[i]!
    if (seconds <= budget) return []
    const message = `the estimate of ${clock(seconds)} is over the ${deck.meta.duration} minutes: cut words from slides or notes, or raise duration`
    return [{ file: deck.file, ...deck.durationAt, field: 'duration', message, severity: 'warning' }]
  })
  const diagnostics = [...loaded.diagnostics, ...overTime]
  return { diagnostics, decks: summaries(estimates, diagnostics), decksLabel: relative(root, decksDir) || '.' }
}

type Estimate = Omit<DeckSummary, 'parsed' | 'errors' | 'warnings'>

/** One row per deck file with a problem or an estimate: a deck too broken to read still gets its row. */
function summaries(estimates: Estimate[], diagnostics: Diagnostic[]): DeckSummary[] {
  const byFile = new Map(estimates.map((e) => [e.file, e]))
  const files = [...new Set([...byFile.keys(), ...diagnostics.map((d) => d.file)])].sort()
  return files.map((file) => {
    const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.file === file && d.severity === severity).length
    const estimate = byFile.get(file) ?? { file, slug: deckSlug(file), date: '', audience: '', slides: 0, seconds: 0, budget: 0, tasks: 0 }
    return { ...estimate, parsed: byFile.has(file), errors: count('error'), warnings: count('warning') }
  })
}

/** Named deck files on their own: each one's problems, and the addresses they would take. */
async function loadFiles(ctx: LoadContext, files: string[]): Promise<Loaded> {
  const results = await Promise.all(files.map((file) => loadOneDeck(ctx, file)))
  const decks = results.flatMap((r) => (r.deck ? [r.deck] : []))
  return { decks, diagnostics: [...results.flatMap((r) => r.diagnostics), ...checkSlugs(decks.map((d) => d.deck))] }
}
