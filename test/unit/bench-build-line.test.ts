// The benchmark reads what a timed build did from the CLI's last line (scripts/bench/build-line.ts):
// these tables pin that reading, so a change of the line breaks a test, not a benchmark run.
import { describe, expect, it } from 'vitest'
import { answerProblem, parseBuildAnswer, type BuildAnswer, type Expectation } from '../../scripts/bench/build-line.ts'

describe('parseBuildAnswer', () => {
  it.each<[string, string, BuildAnswer | undefined]>([
    ['the line with deck counts', 'built dist in 0.3 s: 1000 decks, 1 rendered', { kind: 'built', out: 'dist', seconds: 0.3, decks: { total: 1000, rendered: 1 } }],
    ['one deck', 'built /tmp/x/out-1 in 0.2 s: 1 deck, 1 rendered', { kind: 'built', out: '/tmp/x/out-1', seconds: 0.2, decks: { total: 1, rendered: 1 } }],
    ['the line before issue 13: counts unknown', 'built ../out in 1.2 s', { kind: 'built', out: '../out', seconds: 1.2 }],
    ['an output path with spaces', 'built my site in 12 s: 3 decks, 3 rendered', { kind: 'built', out: 'my site', seconds: 12, decks: { total: 3, rendered: 3 } }],
    ['up to date', 'dist is up to date: nothing changed since its last build', { kind: 'upToDate', out: 'dist' }],
    ['notes and diagnostics before the last line', 'decks/a.md:3:7 date: use YYYY-MM-DD\nsome note\nbuilt dist in 0.4 s: 2 decks, 2 rendered\n', { kind: 'built', out: 'dist', seconds: 0.4, decks: { total: 2, rendered: 2 } }],
    ['Windows line ends', 'note\r\nbuilt dist in 0.4 s: 2 decks, 0 rendered\r\n', { kind: 'built', out: 'dist', seconds: 0.4, decks: { total: 2, rendered: 0 } }],
    ['a stopped build', 'decks/a.md:3:7 date: use YYYY-MM-DD\nbuild stopped: 1 problem(s); dist was left as it was', undefined],
    ['nothing', '', undefined],
  ])('%s', (_, output, expected) => {
    expect(parseBuildAnswer(output)).toEqual(expected)
  })
})

const built = (total: number, rendered: number): BuildAnswer => ({ kind: 'built', out: 'dist', seconds: 1, decks: { total, rendered } })
const countless: BuildAnswer = { kind: 'built', out: 'dist', seconds: 1 }
const upToDate: BuildAnswer = { kind: 'upToDate', out: 'dist' }
const full: Expectation = { kind: 'full', decks: 1000 }
const edit: Expectation = { kind: 'edit', decks: 1000 }

describe('answerProblem: does the answer fit what was timed?', () => {
  it.each<[string, BuildAnswer | undefined, Expectation, RegExp | undefined]>([
    ['a full build that rendered every deck', built(1000, 1000), full, undefined],
    ['a full build answered by the deck cache in part', built(1000, 999), full, /rendered 999 of 1000 decks, expected 1000: the cache answered part of it/],
    ['a full build answered "up to date"', upToDate, full, /full build \(output removed first\) was answered "up to date" by the cache/],
    ['a full build of the wrong folder', built(20, 20), full, /of 1000 decks reported 20 decks/],
    ['one edit that rendered one deck', built(1000, 1), edit, undefined],
    ['one edit that rendered them all', built(1000, 1000), edit, /rebuild after one deck changed rendered 1000 of 1000 decks, expected 1$/],
    ['one edit answered "up to date"', upToDate, edit, /answered "up to date"/],
    ['nothing changed, and the build said so', upToDate, { kind: 'upToDate' }, undefined],
    ['nothing changed, but it built', built(1000, 0), { kind: 'upToDate' }, /unchanged rebuild built/],
    ['no build line at all', undefined, full, /printed neither/],
  ])('%s', (_, answer, expected, problem) => {
    const found = answerProblem(answer, expected, true)
    if (problem) expect(found).toMatch(problem)
    else expect(found).toBeUndefined()
  })

  it('accepts a build line without counts until counts are required, then refuses it', () => {
    expect(answerProblem(countless, full, false)).toBeUndefined()
    expect(answerProblem(countless, edit, false)).toBeUndefined()
    expect(answerProblem(countless, full, true)).toMatch(/printed no deck counts/)
    expect(answerProblem(countless, edit, true)).toMatch(/printed no deck counts/)
    // "up to date" where a build was timed is refused either way.
    expect(answerProblem(upToDate, full, false)).toMatch(/up to date/)
  })
})
