// The table `export` ends with: each file written, its pages and its size.
import { isAbsolute, relative } from 'node:path'
import type { ExportedFile } from '../api/export.ts'

export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`
}

/** A file below the current folder by its relative path, any other by its absolute one. */
const shown = (path: string, cwd: string) => {
  const rel = relative(cwd, path)
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

export function exportTable(files: readonly ExportedFile[], cwd = process.cwd()): string {
  const rows = [['file', 'pages', 'size'], ...files.map((f) => [shown(f.path, cwd), f.pages === undefined ? '' : String(f.pages), formatBytes(f.bytes)])]
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}
