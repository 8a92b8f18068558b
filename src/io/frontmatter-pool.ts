// The frontmatter of many decks on every core, for the dev server's first page: the worker threads
// start early (while vite sets up its server), then every thread, this one included, takes the next
// few decks until none are left. The results come in the order of the decks, as on one thread.
import { Worker } from 'node:worker_threads'
import type { ParseContext } from '../core/parse-deck.ts'
import { parseFrontmatter, type FrontmatterResult } from '../core/parse-frontmatter.ts'
import { inBatches } from './batches.ts'
import { MIN_DECKS_FOR_WORKERS } from './deck-pool.ts'
import type { DeckFile } from './read-decks.ts'
import { workerScript } from './worker-bundle.ts'

/** Decks handed to a thread at a time: each takes about a millisecond. */
const BATCH = 16
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 }

export interface FrontmatterPool {
  parse(decks: readonly DeckFile[]): Promise<FrontmatterResult[]>
  /** Ends the worker threads: the pool is for a start with many decks, not for every save. */
  close(): Promise<void>
}

/** `workers` threads besides this one, started now. */
export function frontmatterPool(ctx: ParseContext, workers: number): FrontmatterPool {
  const started = workers < 1 ? Promise.resolve([]) : workerScript('frontmatter-worker').then((script) =>
    Array.from({ length: workers }, () => {
      const worker = new Worker(script, { workerData: ctx, resourceLimits: WORKER_LIMITS })
      worker.unref() // a server that fails to start must not be kept alive by them
      return worker
    }),
  )
  // Not awaited until parse: a failure to start shows there.
  started.catch(() => undefined)
  return {
    async parse(decks) {
      const pool = decks.length < MIN_DECKS_FOR_WORKERS ? [] : await started
      // Referenced while they work: their answers are what this thread waits for.
      for (const worker of pool) worker.ref()
      try {
        return await inBatches(decks, BATCH, pool, (d) => parseFrontmatter(d.text, d.file, ctx))
      } finally {
        for (const worker of pool) worker.unref()
      }
    },
    async close() {
      await Promise.all((await started.catch(() => [])).map((worker) => worker.terminate()))
    },
  }
}
