// The result table: metric | measured | target | PASS/FAIL, as aligned text and as Markdown.
export interface Row {
  metric: string
  measured: string
  target: string
  /** undefined: a figure without a target (shown for context). */
  pass?: boolean | undefined
}

const HEADER = ['metric', 'measured: median [min–max]', 'target', 'result']
const cells = (r: Row) => [r.metric, r.measured, r.target, r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL']

export function textTable(rows: Row[]): string {
  const lines = [HEADER, ...rows.map(cells)]
  const widths = HEADER.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)))
  const format = (l: string[]) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  return [format(lines[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(format)].join('\n')
}

export function markdownTable(rows: Row[]): string {
  const line = (l: string[]) => `| ${l.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(HEADER), '|---|---|---|---|', ...rows.map((r) => line(cells(r)))].join('\n')
}
