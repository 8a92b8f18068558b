// The table `check` ends with: one row per deck, its time estimate against its budget, and its status.
import { clock as mmss, type DeckSummary } from '../api/check.ts'
import { textTable } from './table.ts'

/** error, warning or OVER (a warning about time), as the deck's worst problem; else ok. */
export function deckStatus(d: DeckSummary): string {
  if (d.errors > 0) return d.errors === 1 ? '1 error' : `${d.errors} errors`
  if (d.parsed && d.seconds > d.budget) return 'OVER'
  if (d.warnings > 0) return d.warnings === 1 ? '1 warning' : `${d.warnings} warnings`
  return 'ok'
}

export function checkTable(decks: readonly DeckSummary[]): string {
  const head = ['deck', 'date', 'audience', 'slides', 'estimate', 'budget', 'tasks', 'status']
  const rows = decks.map((d) => {
    const cells = d.parsed ? [d.date, d.audience, String(d.slides), mmss(d.seconds), mmss(d.budget), String(d.tasks)] : ['–', '–', '–', '–', '–', '–']
    return [d.slug || d.file, ...cells, deckStatus(d)]
  })
  return textTable(head, rows)
}
