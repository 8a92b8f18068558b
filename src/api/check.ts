// check(): validates every deck and estimates its speaking time; writes nothing.
import { join, relative, resolve } from 'node:path'
import type { Diagnostic } from '../core/model.ts'
import { estimateSeconds } from '../core/time-budget.ts'
import { loadDecks } from '../io/load-decks.ts'
import { loadViteConfig } from '../io/site-config.ts'
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

export async function check(options: CommonOptions = {}): Promise<CheckResult> {
  const root = resolve(options.root ?? process.cwd())
  const { site } = await loadViteConfig(root, options.siteUrl)
  const decksDir = resolve(root, options.decksDir ?? site.decksDir)
  const loaded = await loadDecks({ decksDir, themes: listThemes(join(root, 'themes')), site })
  const decks = loaded.decks.map(({ deck, rendered }) => ({
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
    const { seconds, budget } = decks[i]!
    if (seconds <= budget) return []
    const message = `the estimate of ${clock(seconds)} is over the ${deck.meta.duration} minutes: cut words from slides or notes, or raise duration`
    return [{ file: deck.file, ...deck.durationAt, field: 'duration', message, severity: 'warning' }]
  })
  return { diagnostics: [...loaded.diagnostics, ...overTime], decks, decksLabel: relative(root, decksDir) || '.' }
}
