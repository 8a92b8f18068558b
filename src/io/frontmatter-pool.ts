// The frontmatter of many decks on every core, for the dev server's first page: the worker threads
// start early (while vite sets up its server), then every thread, this one included, takes the next
// few decks until none are left. The results come in the order of the decks, as on one thread.
import { Worker } from 'node:worker_threads'
import type { ParseContext } from '../core/parse-deck.ts'
import { parseFrontmatter, type FrontmatterResult } from '../core/parse-frontmatter.ts'
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
      const results: FrontmatterResult[] = new Array(decks.length)
      let next = 0
      const take = () => {
        if (next >= decks.length) return undefined
        const from = next
        next = Math.min(decks.length, next + BATCH)
        return { from, batch: decks.slice(from, next) }
      }
      const here = async () => {
        for (let work = take(); work; work = take()) {
          work.batch.forEach((d, i) => (results[work.from + i] = parseFrontmatter(d.text, d.file, ctx)))
          await new Promise((resolve) => setImmediate(resolve)) // the workers' answers come in between
        }
      }
      const pool = decks.length < MIN_DECKS_FOR_WORKERS ? [] : await started
      const run = (worker: Worker) =>
        new Promise<void>((resolve, reject) => {
          let pending = 0
          const send = () => {
            const work = take()
            if (!work) return pending === 0 && resolve()
            pending++
            worker.postMessage({ from: work.from, decks: work.batch })
          }
          const answer = ({ from, results: parsed }: { from: number; results: FrontmatterResult[] }) => {
            pending--
            parsed.forEach((result, i) => (results[from + i] = result))
            send()
          }
          worker.on('message', answer)
          worker.once('error', reject)
          send()
          send()
        })
      // Referenced while they work: their answers are what this thread waits for.
      for (const worker of pool) worker.ref()
      try {
        await Promise.all([here(), ...pool.map(run)])
      } finally {
        for (const worker of pool) worker.removeAllListeners('message').unref()
      }
      return results
    },
    async close() {
      await Promise.all((await started.catch(() => [])).map((worker) => worker.terminate()))
    },
  }
}
