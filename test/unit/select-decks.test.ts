// Which decks an export prints, and what it says when the choice is wrong or missing.
import { describe, expect, it } from 'vitest'
import { exportName, selectDecks } from '../../src/core/select-decks.ts'

const KNOWN = ['vertrieb/2026-12-03-update', 'personal/2026-12-10-branding', 'a']

describe('selectDecks', () => {
  it.each([
    { wanted: ['a'], all: false, expected: { slugs: ['a'] } },
    { wanted: ['personal/2026-12-10-branding/', 'a', 'a'], all: false, expected: { slugs: ['personal/2026-12-10-branding', 'a'] } },
    { wanted: [], all: true, expected: { slugs: ['a', 'personal/2026-12-10-branding', 'vertrieb/2026-12-03-update'] } },
    { wanted: [], all: false, expected: { problem: 'name the decks to export by slug, or give --all. The decks: a, personal/2026-12-10-branding, vertrieb/2026-12-03-update' } },
    { wanted: ['a'], all: true, expected: { problem: 'give deck slugs or --all, not both' } },
    { wanted: ['vertrieb/x', 'b'], all: false, expected: { problem: 'no deck "vertrieb/x", "b": the decks are a, personal/2026-12-10-branding, vertrieb/2026-12-03-update' } },
  ])('$wanted (all: $all)', ({ wanted, all, expected }) => {
    expect(selectDecks(KNOWN, wanted, all)).toEqual(expected)
  })

  it('says when there is nothing to export', () => {
    expect(selectDecks([], [], true)).toEqual({ problem: 'the decks folder has no decks to export' })
    expect(selectDecks([], ['x'], false)).toEqual({ problem: 'the decks folder has no decks to export' })
  })
})

describe('exportName', () => {
  it.each([
    ['vertrieb/2026-12-03-update', 'vertrieb-2026-12-03-update'],
    ['a/b/c', 'a-b-c'],
    ['top', 'top'],
  ])('%s → %s', (slug, name) => expect(exportName(slug)).toBe(name))
})
