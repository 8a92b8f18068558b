// What the homework slides of a built benchmark site look like: forwarded tasks and module sizes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface HomeworkStats {
  tasks: number
  /** Tasks whose code goes through a forwarding page (decks.json: `target`). */
  forwarded: number
  decksWithForwarding: number
  /** The smallest px per module on any homework slide, and the deck it is on. */
  smallest: { px: number; slug: string }
}

/** Reads decks.json and each deck page's homework slide (data-px-per-module) from a built site. */
export function homeworkStats(outDir: string): HomeworkStats {
  const decks = JSON.parse(readFileSync(join(outDir, 'decks.json'), 'utf8')) as { slug: string; homework: { target?: string }[] }[]
  const stats: HomeworkStats = { tasks: 0, forwarded: 0, decksWithForwarding: 0, smallest: { px: Infinity, slug: '' } }
  for (const deck of decks) {
    const forwarded = deck.homework.filter((t) => t.target !== undefined).length
    stats.tasks += deck.homework.length
    stats.forwarded += forwarded
    if (forwarded) stats.decksWithForwarding++
    const html = readFileSync(join(outDir, deck.slug, 'index.html'), 'utf8')
    const px = Number(/data-px-per-module="([\d.]+)"/.exec(html)?.[1])
    if (!(px > 0)) throw new Error(`${deck.slug}: no homework slide with a module size in its page`)
    if (px < stats.smallest.px) stats.smallest = { px, slug: deck.slug }
  }
  return stats
}
