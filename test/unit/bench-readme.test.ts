// The README's Performance table is the benchmark's last complete run (scripts/bench/last-run.md),
// written by `npm run bench` into a marked block: the two never disagree.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lastRunBlock, withLastRun } from '../../scripts/bench/readme-block.ts'
import { ROOT } from '../helpers/site.ts'

const START = '<!-- bench:last-run: written by npm run bench, do not edit -->'
const END = '<!-- /bench:last-run -->'

describe('the Performance table in README.md', () => {
  it('is scripts/bench/last-run.md, word for word', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const lastRun = readFileSync(join(ROOT, 'scripts/bench/last-run.md'), 'utf8')
    expect(lastRunBlock(readme)).toBe(lastRun.trim())
  })
})

describe('withLastRun', () => {
  const readme = `# x\n\n## Performance\n\nintro\n\n${START}\n\nold table\n\n${END}\n\nclosing note\n`

  it('replaces the block and keeps everything around it', () => {
    const updated = withLastRun(readme, '| new | table |\n')
    expect(updated).toBe(`# x\n\n## Performance\n\nintro\n\n${START}\n\n| new | table |\n\n${END}\n\nclosing note\n`)
    expect(lastRunBlock(updated)).toBe('| new | table |')
    expect(withLastRun(updated, '| new | table |')).toBe(updated)
  })

  it('refuses a README without the block, rather than losing the table', () => {
    expect(() => withLastRun('# x\n\n## Performance\n', 'table')).toThrow(/has no .* block/)
    expect(lastRunBlock(`${END} before ${START}`)).toBeUndefined()
  })
})
