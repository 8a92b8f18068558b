// The table `check` ends with: one row per deck, its time estimate against its budget.
import { clock as mmss, type DeckSummary } from '../api/check.ts'

export function checkTable(decks: readonly DeckSummary[]): string {
  const head = ['deck', 'date', 'audience', 'slides', 'estimate', 'budget', 'tasks', 'status']
  const rows = decks.map((d) => [d.slug, d.date, d.audience, String(d.slides), mmss(d.seconds), mmss(d.budget), String(d.tasks), d.seconds > d.budget ? 'OVER' : 'ok'])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)))
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
