// What the frontmatter pool's threads share (frontmatter-pool.ts, frontmatter-worker.ts): the decks,
// one counter of the next deck nobody took yet, and how a worker answers. Small on purpose: the
// worker thread's bundle holds this file, not the pool.
import type { FrontmatterResult } from '../core/parse-frontmatter.ts'
import type { DeckFile } from './read-decks.ts'

/** Decks a thread takes at a time: each takes about a millisecond. */
export const BATCH = 16
/** What a worker thread is sent: all decks, and the counter of the next deck nobody took yet. */
export interface FrontmatterJob {
  decks: readonly DeckFile[]
  next: Int32Array
}
/** A worker's answer: the results of the decks from `from` on, or that it found no deck left. */
export type FrontmatterAnswer = { from: number; results: FrontmatterResult[] } | { done: true }

/** Takes the next batch: the index of its first deck, or undefined when none is left. */
export function takeBatch(job: FrontmatterJob): number | undefined {
  const from = Atomics.add(job.next, 0, BATCH)
  return from < job.decks.length ? from : undefined
}

