// Builds many decks on every core: worker threads each take the next few decks until none are left,
// and the main thread finishes what they prepared. Results come back in the order of `files`,
// whichever thread finished first, so the output and the diagnostics are the same as on one core.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { inStages } from './batches.ts'
import { buildDeck, finishDeck, type DeckJob, type DeckOutput, type PreparedDeck } from './deck-job.ts'
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

/** The worker threads a build of `decks` decks on `workers` threads uses besides this one. */
const workerThreads = (decks: number, workers: number) => (decks < MIN_DECKS_FOR_WORKERS ? 0 : Math.max(0, Math.min(workers, Math.ceil(decks / BATCH)) - 1))

/**
 * Starts the worker threads a build of `decks` decks will use, before it knows what to build: each
 * loads the parser, renderer and QR encoder (a few tenths of a second) while this thread reads the
 * settings and hashes the decks folder. Hand them to buildDecks, or end them with stopWorkers.
 */
export async function startWorkers(decks: number, workers: number): Promise<Worker[]> {
  const count = workerThreads(decks, workers)
  if (count === 0) return []
  const script = await workerScript()
  return Array.from({ length: count }, () => new Worker(script, { resourceLimits: WORKER_LIMITS }))
}

export async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  await Promise.all(workers.map((worker) => worker.terminate()))
}

/**
 * Builds `files` on `workers` threads: `workers - 1` worker threads take batches from one queue and
 * read, parse and render them (prepareDeck), and this one checks their images and writes their pages
 * (finishDeck), unless it falls behind (batches.ts inStages). `started`: workers from startWorkers,
 * used first; they are ended with the others when the decks are built.
 */
export async function buildDecks(files: readonly string[], job: DeckJob, workers: number, started: readonly Worker[] = []): Promise<DeckOutput[]> {
  const count = workerThreads(files.length, workers)
  const pool = started.slice(0, count)
  await stopWorkers(started.slice(count))
  if (pool.length < count) {
    const script = await workerScript()
    while (pool.length < count) pool.push(new Worker(script, { resourceLimits: WORKER_LIMITS }))
  }
  try {
    for (const worker of pool) worker.postMessage({ job })
    return await inStages<string, PreparedDeck, DeckOutput>(files, BATCH, pool, { whole: (file) => buildDeck(file, job), second: (prepared) => finishDeck(prepared, job) })
  } finally {
    await stopWorkers(pool)
  }
}
