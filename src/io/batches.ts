// One queue of work for this thread and some worker threads: each takes the next few items when it
// is free, and the results come back in the items' order, whichever thread finished first. Used by
// the deck pool (builds); the dev server's frontmatter pool shares a counter instead (frontmatter-job.ts)
// and listens to its workers as this queue does (listen).
import type { Worker } from 'node:worker_threads'

/** A batch sent to a worker thread; it answers `{ from, results }`, one result per item. */
export interface Batch<T> {
  from: number
  batch: T[]
}

/**
 * `here(item)` on this thread and batches of `size` posted to `workers` (each worker answers a
 * Batch with `{ from, results }`), until no item is left. A worker that fails or stops rejects.
 */
export async function inBatches<T, R>(items: readonly T[], size: number, workers: readonly Worker[], here: (item: T) => R): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const take = (): Batch<T> | undefined => {
    if (next >= items.length) return undefined
    const from = next
    next = Math.min(items.length, next + size)
    return { from, batch: items.slice(from, next) }
  }
  const onThisThread = async () => {
    for (let work = take(); work; work = take()) {
      work.batch.forEach((item, i) => (results[work.from + i] = here(item)))
      // `here` never waits: between batches, let the workers' answers in, or each would wait for this thread's last batch.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  const onWorker = (worker: Worker) => {
    let pending = 0
    const worked = listen<{ from: number; results: R[] }>(worker, ({ from, results: done }) => {
      pending--
      done.forEach((result, i) => (results[from + i] = result))
      send()
    })
    const send = () => {
      const work = take()
      if (!work) return void (pending === 0 && worked.stop())
      pending++
      worker.postMessage(work)
    }
    // Two batches in flight: the next one waits in the worker's queue, not for this thread to be free.
    send()
    send()
    return worked.done
  }
  // The workers' first batches are posted before this thread starts on its own: a worker that is
  // still starting up finds them waiting, rather than waiting for this thread's first batch.
  const working = workers.map(onWorker)
  await Promise.all([...working, onThisThread()])
  return results
}

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
