// The dev server parses the decks' frontmatter on every core at start: worker threads give the same
// results, in the same order, as this thread alone, errors and all.
import { describe, expect, it } from 'vitest'
import { parseFrontmatter } from '../../src/core/parse-frontmatter.ts'
import { frontmatterPool } from '../../src/io/frontmatter-pool.ts'
import { siteConfig, THEMES } from '../helpers/site.ts'

const ctx = { themes: THEMES, site: siteConfig({ presenter: 'Jana Hoffmann' }) }
const deck = (i: number) =>
  i % 7 === 3
    ? { file: `kaputt-${i}.md`, text: `---\ntitle: Kaputt ${i}\ndate: 3. Dezember\naudience: Vertrieb\n---\n\n# x\n` }
    : { file: `team-${i % 5}/update-${i}.md`, text: `---\ntitle: Update ${i}\ndate: 2027-01-${String((i % 28) + 1).padStart(2, '0')}\naudience: Team ${i % 5}\nhomework:\n  - { kind: follow, title: Folgen ${i}, url: "https://example.com/${i}" }\n---\n\n# Folie ${i}\n` }

describe('frontmatterPool', () => {
  it('gives what parseFrontmatter gives on this thread, deck by deck, with two worker threads', async () => {
    const decks = Array.from({ length: 300 }, (_, i) => deck(i))
    const pool = await frontmatterPool(ctx, 2)
    try {
      const results = await pool.parse(decks)
      expect(results).toEqual(decks.map((d) => parseFrontmatter(d.text, d.file, ctx)))
      expect(results.filter((r) => !r.head)).toHaveLength(43)
      expect(results[3]!.diagnostics[0]).toMatchObject({ file: 'kaputt-3.md', line: 3, col: 7, field: 'date' })
    } finally {
      await pool.close()
    }
  })

  it('gives the same with one worker thread (started at once or when the decks come), and without one on this thread once it is free (the dev server loads vite first)', async () => {
    const decks = Array.from({ length: 200 }, (_, i) => deck(i))
    // One worker started at once, one started when the decks come (a start with parses kept), none.
    for (const [workers, whenNeeded] of [[1, false], [1, true], [0, false]] as const) {
      const pool = await frontmatterPool(ctx, workers, whenNeeded)
      try {
        let join!: () => void
        const joined = new Promise<void>((resolve) => (join = resolve))
        const parsed = pool.parse(decks, joined)
        setTimeout(join, 50)
        expect(await parsed).toEqual(decks.map((d) => parseFrontmatter(d.text, d.file, ctx)))
      } finally {
        await pool.close()
      }
    }
  })
})
