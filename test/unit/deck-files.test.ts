// Which files are decks (one rule for build, check and dev), and how the dev server reads a save.
import { describe, expect, it } from 'vitest'
import { isDeckFile } from '../../src/core/deck-files.ts'
import { mergeEvents } from '../../src/vite/dev-plugin.ts'

describe('isDeckFile', () => {
  it.each([
    ['update.md', true],
    ['vertrieb/2026-12-03-update.MD', true],
    ['.drafts/secret.md', false],
    ['vertrieb/.update.md.swp', false],
    ['vertrieb/.update.md', false],
    ['node_modules/pkg/README.md', false],
    ['img/chart.svg', false],
    ['notes.markdown', false],
  ])('%s → %s', (file, expected) => {
    expect(isDeckFile(file)).toBe(expected)
  })
})

describe('mergeEvents: the watcher events of one quiet spell on one path', () => {
  it.each([
    [undefined, 'change', 'change'],
    ['add', 'change', 'add'],
    ['change', 'change', 'change'],
    ['unlink', 'add', 'change'],
    ['add', 'unlink', 'unlink'],
    ['change', 'unlink', 'unlink'],
  ] as const)('%s then %s → %s', (before, next, expected) => {
    expect(mergeEvents(before, next)).toBe(expected)
  })
})
