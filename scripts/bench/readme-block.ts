// The README's Performance table is the last complete run: the text between two markers equals
// scripts/bench/last-run.md, and a complete `npm run bench` rewrites both.
const START = '<!-- bench:last-run: written by npm run bench, do not edit -->'
const END = '<!-- /bench:last-run -->'

/** The text between the markers (trimmed), or undefined if the README has no such block. */
export function lastRunBlock(readme: string): string | undefined {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) return undefined
  return readme.slice(start + START.length, end).trim()
}

/** The README with the block's content replaced by `markdown`; throws if the markers are missing. */
export function withLastRun(readme: string, markdown: string): string {
  if (lastRunBlock(readme) === undefined) throw new Error(`README.md has no "${START}" … "${END}" block for the results`)
  return `${readme.slice(0, readme.indexOf(START) + START.length)}\n\n${markdown.trim()}\n\n${readme.slice(readme.indexOf(END))}`
}
