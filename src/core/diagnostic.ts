// Formatting diagnostics for people: `decks/x.md:9:5 homework.1.url: message`.
import type { Diagnostic } from './model.ts'

export function formatDiagnostic(d: Diagnostic, prefix = ''): string {
  const field = d.field ? `${d.field}: ` : ''
  // Errors and notices carry no tag: a notice's message says what the build did on its own.
  const tag = d.severity === 'warning' ? 'warning: ' : ''
  return `${prefix}${d.file}:${d.line}:${d.col} ${tag}${field}${d.message}`
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}
