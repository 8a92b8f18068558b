// A plain-text table for the terminal, as `check` and `export` end with one.
import stringWidth from 'string-width'

/**
 * Columns as wide as their widest cell in display width, not code units (営業 takes four columns
 * of a terminal, é one, 👍🏽 two), two spaces apart; the columns in `right` are right-aligned.
 */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i]!))))
  const pad = (cell: string, i: number) => {
    const space = ' '.repeat(widths[i]! - stringWidth(cell))
    return right.includes(i) ? space + cell : cell + space
  }
  const line = (cells: readonly string[]) => cells.map(pad).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
