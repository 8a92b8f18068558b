// What a timed build answered, read from the CLI's last line, and whether that is what was timed.
// The line is the agreed interface of issue 13: `built <out> in <s> s: <N> decks, <R> rendered`
// (R = decks parsed and rendered by this build) or `<out> is up to date: nothing changed since its
// last build`. A build from before issue 13 prints `built <out> in <s> s` only: its counts are unknown.

/**
 * true: every build of this code prints its deck counts, and a line without them fails the run (the
 * --before checkout, which predates them, is exempt).
 */
export const REQUIRE_DECK_COUNTS = true

export type BuildAnswer =
  | { kind: 'built'; out: string; seconds: number; decks?: { total: number; rendered: number } }
  | { kind: 'upToDate'; out: string }

/** What the timed build must have done: all `decks` rendered, exactly one rendered, or nothing. */
export type Expectation = { kind: 'full'; decks: number } | { kind: 'edit'; decks: number } | { kind: 'upToDate' }

const BUILT = /^built (.+) in (\d+(?:\.\d+)?) s(?:: (\d+) decks?, (\d+) rendered)?$/
const UP_TO_DATE = /^(.+) is up to date: nothing changed since its last build$/

/** The last build or up-to-date line of the output (notes and diagnostics come before it); undefined if none. */
export function parseBuildAnswer(output: string): BuildAnswer | undefined {
  for (const line of output.split(/\r?\n/).reverse()) {
    const built = BUILT.exec(line)
    if (built) {
      const [, out, seconds, total, rendered] = built
      return { kind: 'built', out: out!, seconds: Number(seconds), ...(total !== undefined ? { decks: { total: Number(total), rendered: Number(rendered) } } : {}) }
    }
    const upToDate = UP_TO_DATE.exec(line)
    if (upToDate) return { kind: 'upToDate', out: upToDate[1]! }
  }
  return undefined
}

/**
 * Why a build's answer does not fit what was timed, or undefined when it does. A full build (output
 * removed first) that the cache answered, an edit that rendered more or less than the one deck, an
 * unchanged rebuild that built: each time would measure the wrong thing.
 */
export function answerProblem(answer: BuildAnswer | undefined, expected: Expectation, requireCounts = REQUIRE_DECK_COUNTS): string | undefined {
  if (!answer) return 'the build printed neither "built <out> in <s> s…" nor "<out> is up to date…"'
  if (expected.kind === 'upToDate') return answer.kind === 'upToDate' ? undefined : 'an unchanged rebuild built instead of answering "up to date"'
  const what = expected.kind === 'full' ? 'a full build (output removed first)' : 'a rebuild after one deck changed'
  if (answer.kind === 'upToDate') return `${what} was answered "up to date" by the cache`
  if (!answer.decks) return requireCounts ? `${what} printed no deck counts ("built <out> in <s> s: <N> decks, <R> rendered")` : undefined
  const { total, rendered } = answer.decks
  if (total !== expected.decks) return `${what} of ${expected.decks} decks reported ${total} decks`
  const want = expected.kind === 'full' ? expected.decks : 1
  if (rendered !== want) return `${what} rendered ${rendered} of ${total} decks, expected ${want}${expected.kind === 'full' ? ': the cache answered part of it' : ''}`
  return undefined
}
