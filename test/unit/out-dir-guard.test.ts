// Which output folders a build refuses: string math on real paths, as a table.
import { describe, expect, it } from 'vitest'
import { isWithin } from '../../src/io/contained-path.ts'
import { outDirProblem, type Precious } from '../../src/io/out-dir-guard.ts'

const PRECIOUS: Precious[] = [
  { path: '/', what: 'the root of the file system' },
  { path: '/home/meike', what: 'your home folder' },
  { path: '/home/meike/talks', what: 'the current folder' },
  { path: '/home/meike/updeck', what: 'the project folder' },
  { path: '/home/meike/updeck/decks', what: 'the decks folder' },
]
const problem = (out: string) => outDirProblem('x', out, PRECIOUS, '/home/meike/updeck/decks')
const CHOOSE = 'Choose an empty or new folder such as dist'

describe('outDirProblem', () => {
  it.each([
    ['/', `--out "x" is the root of the file system: building there would delete it. ${CHOOSE}`],
    ['/home/meike', `--out "x" is your home folder: building there would delete it. ${CHOOSE}`],
    ['/home/meike/talks', `--out "x" is the current folder: building there would delete it. ${CHOOSE}`],
    ['/home/meike/updeck', `--out "x" is the project folder: building there would delete it. ${CHOOSE}`],
    ['/home/meike/updeck/decks', `--out "x" is the decks folder: building there would delete it. ${CHOOSE}`],
    ['/home', `--out "x" contains your home folder: building there would delete it. ${CHOOSE}`],
    ['/home/meike/updeck/decks/site', `--out "x" is inside the decks folder, where nothing is written. ${CHOOSE} outside it`],
  ])('refuses %s', (out, message) => {
    expect(problem(out)).toBe(message)
  })

  it.each(['/home/meike/updeck/dist', '/home/meike/talks/dist', '/home/meike/updeck/decks-site', '/srv/www/decks', '/home/meike/..updeck'])('allows %s', (out) => {
    expect(problem(out)).toBeUndefined()
  })
})

describe('isWithin', () => {
  it.each([
    ['/a/b', '/a/b', true],
    ['/a/b', '/a/b/c', true],
    ['/', '/a', true],
    ['/a/b', '/a/bc', false],
    ['/a/b', '/a', false],
    ['/a/b', '/a/..b', false],
  ])('%s holds %s: %s', (outer, inner, expected) => {
    expect(isWithin(outer, inner)).toBe(expected)
  })
})
