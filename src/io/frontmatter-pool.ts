// The frontmatter of many decks on worker threads, for the dev server's first page. The threads start
// first (before vite is loaded) and get every deck at once; each takes the next few decks by one shared
// counter until none are left, so a worker never waits for this thread (while vite loads, this thread
// would answer a worker asking for more only between modules). This thread parses none of them when
// there is a worker: measured on two busy cores, its taking part (V8 compiling the parser once more,
// for this thread) cost 0.4–0.5 s of CPU and made the first page later, not sooner. The results come
// in the order of the decks, as on one thread.
import { Worker } from 'node:worker_threads'
import type { ParseContext } from '../core/parse-deck.ts'
import { parseFrontmatter, type FrontmatterResult } from '../core/parse-frontmatter.ts'
import { listen } from './batches.ts'
import { MIN_DECKS_FOR_WORKERS } from './deck-pool.ts'
import type { FrontmatterAnswer, FrontmatterJob } from './frontmatter-job.ts'
import type { DeckFile } from './read-decks.ts'
import { workerScript } from './worker-bundle.ts'

const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 }

export interface FrontmatterPool {
  /** Parses on the worker threads at once; without any (few decks, one core), on this thread once `hereFrom` resolves. */
  parse(decks: readonly DeckFile[], hereFrom?: Promise<unknown>): Promise<FrontmatterResult[]>
  /** Ends the worker threads: the pool is for a start with many decks, not for every save. */
  close(): Promise<void>
}

/**
 * `workers` threads besides this one: started before it resolves (they load while this thread goes
 * on), or with `whenNeeded` only once there are enough decks to parse (a start whose parses were kept).
 */
export async function frontmatterPool(ctx: ParseContext, workers: number, whenNeeded = false): Promise<FrontmatterPool> {
  let started: Promise<Worker[]> | undefined
  const start = () =>
    (started ??= workers < 1 ? Promise.resolve([]) : workerScript('frontmatter-worker').then((script) =>
      Array.from({ length: workers }, () => {
        const worker = new Worker(script, { workerData: ctx, resourceLimits: WORKER_LIMITS })
        worker.unref() // a server that fails to start must not be kept alive by them
        return worker
      }),
    ))
  // Not thrown here: a failure to start shows in parse.
  if (!whenNeeded) await start().catch(() => undefined)
  return {
    async parse(decks, hereFrom) {
      const pool = decks.length < MIN_DECKS_FOR_WORKERS ? [] : await start()
      if (pool.length) {
        const job: FrontmatterJob = { decks, next: new Int32Array(new SharedArrayBuffer(4)) }
        const results: FrontmatterResult[] = new Array(decks.length)
        await Promise.all(pool.map((worker) => onWorker(worker, job, results)))
        return results
      }
      await hereFrom
      return decks.map((d) => parseFrontmatter(d.text, d.file, ctx))
    },
    async close() {
      await Promise.all((await (started ?? Promise.resolve([])).catch(() => [])).map((worker) => worker.terminate()))
    },
  }
}

/** Sends `job` to `worker` and puts its answers into `results`; resolves when it found no deck left. */
function onWorker(worker: Worker, job: FrontmatterJob, results: FrontmatterResult[]): Promise<void> {
  // Referenced while it works: its answers are what this thread waits for.
  worker.ref()
  const worked = listen<FrontmatterAnswer>(worker, (message) => {
    if ('done' in message) return worked.stop()
    message.results.forEach((result, i) => (results[message.from + i] = result))
  })
  worker.postMessage(job)
  return worked.done.finally(() => worker.unref())
}
