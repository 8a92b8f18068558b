// Which decks an export makes files of, what it says when the choice is wrong or missing, and the files' names.
import { describe, expect, it } from 'vitest'
import { exportFileName, exportNameClashes, exportNameTooLong, selectDecks } from '../../src/core/select-decks.ts'

const KNOWN = ['vertrieb/2026-12-03-update', 'personal/2026-12-10-branding', 'allgemein']
const ALL = 'allgemein, personal/2026-12-10-branding, vertrieb/2026-12-03-update'

describe('selectDecks', () => {
  it.each([
    { wanted: ['allgemein'], all: false, expected: { slugs: ['allgemein'] } },
    { wanted: ['/personal/2026-12-10-branding/', 'allgemein', 'allgemein'], all: false, expected: { slugs: ['personal/2026-12-10-branding', 'allgemein'] } },
    { wanted: [], all: true, expected: { slugs: ['allgemein', 'personal/2026-12-10-branding', 'vertrieb/2026-12-03-update'] } },
    { wanted: [], all: false, expected: { problem: `name the decks to export by slug, or give --all for every deck. The decks: ${ALL}` } },
    { wanted: ['allgemein'], all: true, expected: { problem: 'give deck slugs or --all, not both' } },
    // A deck's file under decks/ does as well: .md, its folder's and name's own spelling.
    { wanted: ['vertrieb/2026-12-03-Update.md', 'Allgemein.MD'], all: false, expected: { slugs: ['vertrieb/2026-12-03-update', 'allgemein'] } },
    // A folder stands for its decks (and those below it).
    { wanted: ['vertrieb', 'allgemein'], all: false, expected: { slugs: ['vertrieb/2026-12-03-update', 'allgemein'] } },
    { wanted: ['Personal/'], all: false, expected: { slugs: ['personal/2026-12-10-branding'] } },
    // A date or folder left out, a typo: the close ones are offered.
    { wanted: ['vertrieb/update'], all: false, expected: { problem: 'no deck "vertrieb/update" in decks/: did you mean vertrieb/2026-12-03-update?' } },
    { wanted: ['personal/2026-12-10-brandin'], all: false, expected: { problem: 'no deck "personal/2026-12-10-brandin" in decks/: did you mean personal/2026-12-10-branding?' } },
    // Nothing close: every deck is listed; each unknown slug on a line of its own.
    {
      wanted: ['zzzzzzzzzzzz', 'allgemein', 'qqqqqqqqqqqqqq'],
      all: false,
      expected: { problem: `no deck "zzzzzzzzzzzz" in decks/: the decks are ${ALL}\nno deck "qqqqqqqqqqqqqq" in decks/: the decks are ${ALL}` },
    },
  ])('$wanted (all: $all)', ({ wanted, all, expected }) => {
    expect(selectDecks(KNOWN, wanted, all, 'decks')).toEqual(expected)
  })

  it('says when there is nothing to export', () => {
    expect(selectDecks([], [], true, 'talks')).toEqual({ problem: 'talks/ has no decks to export' })
    expect(selectDecks([], ['x'], false, 'talks')).toEqual({ problem: 'talks/ has no decks to export' })
  })

  it('lists at most ten decks', () => {
    const many = Array.from({ length: 12 }, (_, i) => `d${String(i).padStart(2, '0')}`)
    expect(selectDecks(many, [], false, 'decks')).toEqual({ problem: `name the decks to export by slug, or give --all for every deck. The decks: ${many.slice(0, 10).join(', ')}, …` })
  })
})

describe('exportFileName', () => {
  it.each([
    ['vertrieb/2026-12-03-update', 'html', 'vertrieb-2026-12-03-update.html'],
    ['vertrieb/2026-12-03-update', 'pdf', 'vertrieb-2026-12-03-update.pdf'],
    ['a/b/c', 'notes', 'a-b-c-notes.pdf'],
    ['top', 'handout', 'top-homework.pdf'],
  ] as const)('%s (%s) → %s', (slug, kind, name) => expect(exportFileName(slug, kind)).toBe(name))
})

describe('exportNameClashes', () => {
  it('pairs the decks whose exports would share a file name, each with the others', () => {
    expect(exportNameClashes(['a/b-c', 'a-b/c', 'a/b/c', 'x', 'x'])).toEqual(
      new Map([['a/b-c', ['a-b/c', 'a/b/c']], ['a-b/c', ['a/b-c', 'a/b/c']], ['a/b/c', ['a/b-c', 'a-b/c']]]),
    )
    expect(exportNameClashes(['vertrieb/2026-12-03-update', 'personal/2026-12-10-branding']).size).toBe(0)
  })
})

describe('exportNameTooLong', () => {
  it('counts bytes of the homework sheet\'s name written aside, not characters', () => {
    expect(exportNameTooLong('vertrieb/2026-12-03-update')).toBeUndefined()
    // 229 + '-homework.pdf' (13) + '.1a2b3c4d.tmp' (13) = 255: the most a file system takes.
    expect(exportNameTooLong('a'.repeat(229))).toBeUndefined()
    expect(exportNameTooLong('a'.repeat(230))).toBe(256)
    // Hebrew letters are two bytes each in UTF-8.
    expect(exportNameTooLong('ע'.repeat(115))).toBe(256)
    expect(exportNameTooLong(`${'a'.repeat(99)}/${'b'.repeat(99)}/${'c'.repeat(99)}/update`)).toBe(332)
  })
})
