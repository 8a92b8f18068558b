// Builds many decks on every core: worker threads each take the next few decks until none are left.
// Results come back in the order of `files`, whichever worker finished first, so the output and the
// diagnostics are the same as on one core.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { inBatches } from './batches.ts'
import { buildDeck, type DeckJob, type DeckOutput } from './deck-job.ts'
import { workerScript } from './worker-bundle.ts'

/**
 * Below this many decks one thread is quicker: a worker needs about a quarter of a second to load the
 * parser, renderer and QR encoder before its first deck, while a deck takes a few milliseconds.
 */
export const MIN_DECKS_FOR_WORKERS = 64

/**
 * A smaller young generation than V8's default (48 MB): a deck's garbage is short-lived, and each
 * worker's heap counts towards the build's peak memory (measured: about 25 MiB less at 1,000 decks).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 }

/** Decks handed to a worker at a time: few messages, yet an even finish. */
const BATCH = 8

/** `workers` threads at most: the option, else UPDECK_WORKERS, else one per core. */
export function workerCount(option?: number): number {
  const fromEnv = Number(process.env.UPDECK_WORKERS)
  const wanted = option ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : availableParallelism())
  return Math.max(1, Math.floor(wanted))
}

/**
 * Builds `files` on `workers` threads: this one and `workers - 1` worker threads, all taking batches
 * from one queue (this thread's share shrinks while the workers start up).
 */
export async function buildDecks(files: readonly string[], job: DeckJob, workers: number): Promise<DeckOutput[]> {
  const threads = Math.min(workers, Math.ceil(files.length / BATCH))
  if (threads <= 1 || files.length < MIN_DECKS_FOR_WORKERS) return inBatches(files, BATCH, [], (file) => buildDeck(file, job))
  const script = await workerScript()
  const pool = Array.from({ length: threads - 1 }, () => new Worker(script, { workerData: job, resourceLimits: WORKER_LIMITS }))
  try {
    return await inBatches(files, BATCH, pool, (file) => buildDeck(file, job))
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()))
  }
}
