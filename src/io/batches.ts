// One queue of work for this thread and some worker threads: each worker takes the next few items
// when it is free, this thread finishes what they prepared, and the results come back in the items'
// order, whichever thread finished first. Used by the deck pool (builds); the dev server's
// frontmatter pool shares a counter instead (frontmatter-job.ts) and listens to its workers as this
// queue does (listen).
import type { Worker } from 'node:worker_threads'

/**
 * A batch sent to a worker thread; it answers `{ from, results }`, one result per item: the item's
 * first stage when `first` is set, else the whole item.
 */
export interface Batch<T> {
  from: number
  batch: T[]
  first?: boolean
}

/** An item's work in two stages: `whole(item)` is `second(first(item))`. */
export interface Stages<T, P, R> {
  whole: (item: T) => R
  second: (prepared: P) => R
}

/**
 * Batches of `size` items on this thread and on `workers` until no item is left, the results in the
 * items' order. The workers run the first stage of each batch and this thread the second: each
 * thread warms up and V8 optimizes only its own stage's code, where with whole items every thread
 * compiled all of it (measured on two cores: about a tenth less CPU for 1,000 decks). Whole items go to a
 * worker while this thread has more than BACKLOG batches waiting (many cores), and to this thread
 * when it has no worker.
 */
export async function inStages<T, P, R>(items: readonly T[], size: number, workers: readonly Worker[], stages: Stages<T, P, R>): Promise<R[]> {
  if (workers.length === 0) return items.map((item) => stages.whole(item))
  const results: R[] = new Array(items.length)
  let next = 0
  const take = (): Batch<T> | undefined => {
    if (next >= items.length) return undefined
    const from = next
    next = Math.min(items.length, next + size)
    return { from, batch: items.slice(from, next) }
  }
  const waiting: { from: number; prepared: P[] }[] = []
  let done = 0
  let wake = () => {}
  let failed: Error | undefined
  for (const worker of workers) {
    let pending = 0
    const worked = listen<{ from: number; first?: boolean; results: (P | R)[] }>(worker, ({ from, first, results: answered }) => {
      pending--
      if (first) waiting.push({ from, prepared: answered as P[] })
      else {
        answered.forEach((result, i) => (results[from + i] = result as R))
        done += answered.length
      }
      send()
      wake()
    })
    const send = () => {
      const work = take()
      if (!work) return void (pending === 0 && worked.stop())
      pending++
      worker.postMessage({ ...work, first: waiting.length <= BACKLOG })
    }
    worked.done.catch((error: Error) => {
      failed ??= error
      wake()
    })
    // Two batches in flight: the next one waits in the worker's queue, not for this thread.
    send()
    send()
  }
  while (done < items.length) {
    if (failed) throw failed
    const work = waiting.shift()
    if (!work) {
      await new Promise<void>((resolve) => (wake = resolve))
      continue
    }
    work.prepared.forEach((prepared, i) => (results[work.from + i] = stages.second(prepared)))
    done += work.prepared.length
    // `second` never waits: between batches, let the workers' answers in.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return results
}

/** Batches waiting for this thread's second stage beyond which a worker gets whole items. */
const BACKLOG = 3

/**
 * Passes `worker`'s messages to `answer` until `stop()`; `done` resolves then, and rejects when the
 * worker fails or stops before. Both pools listen to their workers this way.
 */
export function listen<M>(worker: Worker, answer: (message: M) => void): { done: Promise<void>; stop: () => void } {
  let stop!: (error?: Error) => void
  const done = new Promise<void>((resolve, reject) => {
    stop = (error?: Error) => {
      worker.off('message', answer).off('error', stop).off('exit', exited)
      if (error) reject(error)
      else resolve()
    }
  })
  const exited = (code: number) => stop(new Error(`a worker thread stopped before its work was done (exit code ${code})`))
  worker.on('message', answer).on('error', stop).on('exit', exited)
  return { done, stop: () => stop() }
}
