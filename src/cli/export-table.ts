// The table `export` ends with: each file written, its pages and its size.
import { isAbsolute, relative } from 'node:path'
import type { ExportedFile } from '../api/export.ts'
import { textTable } from './table.ts'

export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`
}

/** A file below the current folder by its relative path, any other by its absolute one. */
const shown = (path: string, cwd: string) => {
  const rel = relative(cwd, path)
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

export function exportTable(files: readonly ExportedFile[], cwd = process.cwd()): string {
  const rows = files.map((f) => [shown(f.path, cwd), f.pages === undefined ? '' : String(f.pages), formatBytes(f.bytes)])
  return textTable(['file', 'pages', 'size'], rows, [1, 2])
}
