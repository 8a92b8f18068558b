// The table `export` ends with: one row per written file and its size.
import { relative } from 'node:path'
import stringWidth from 'string-width'
import type { ExportedFile } from '../api/export.ts'

/** 312_345 → "305.0 KiB" */
export function fileSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

export function exportTable(files: readonly ExportedFile[], cwd = process.cwd()): string {
  const head = ['file', 'size']
  const rows = files.map((f) => [relative(cwd, f.path), fileSize(f.bytes)])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => stringWidth(r[i]!))))
  // Sizes right-aligned, so that their digits line up.
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? ' '.repeat(widths[i]! - stringWidth(c)) + c : c + ' '.repeat(widths[i]! - stringWidth(c)))).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
