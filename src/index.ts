// The public API of updeck: build(), check(), newDeck(), dev() and the updeck() vite plugin.
export { build, type BuildOptions, type BuildResult } from './api/build.ts'
export { check, clock, type CheckOptions, type CheckResult, type DeckSummary } from './api/check.ts'
export { dev } from './api/dev.ts'
export { newDeck, type NewDeckOptions } from './api/new-deck.ts'
export type { CommonOptions } from './api/options.ts'
export { formatDiagnostic } from './core/diagnostic.ts'
export type { Diagnostic } from './core/model.ts'
export { updeck, type UpdeckOptions } from './vite/index.ts'
