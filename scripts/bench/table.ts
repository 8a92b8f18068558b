// The result table: metric | measured | (before) | target | PASS/FAIL, as aligned text and as Markdown.
export interface Row {
  metric: string
  measured: string
  /** The same figure measured on the checkout given with --before, in the same sitting. */
  before?: string | undefined
  target: string
  /** undefined: a figure without a target (shown for context). */
  pass?: boolean | undefined
}

/** The before column appears only when some row has a before figure. */
function header(rows: Row[]): string[] {
  return ['metric', 'measured: median [min–max]', ...(rows.some((r) => r.before !== undefined) ? ['before'] : []), 'target', 'result']
}

function cells(r: Row, withBefore: boolean): string[] {
  return [r.metric, r.measured, ...(withBefore ? [r.before ?? ''] : []), r.target, r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL']
}

export function textTable(rows: Row[]): string {
  const head = header(rows)
  const lines = [head, ...rows.map((r) => cells(r, head.includes('before')))]
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)))
  const format = (l: string[]) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  return [format(lines[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(format)].join('\n')
}

export function markdownTable(rows: Row[]): string {
  const head = header(rows)
  const line = (l: string[]) => `| ${l.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(head), `|${head.map(() => '---|').join('')}`, ...rows.map((r) => line(cells(r, head.includes('before'))))].join('\n')
}
