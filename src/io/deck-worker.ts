// The worker thread's side of deck-pool.ts: builds the decks it is sent, or prepares them (read,
// parse, render: deck-job.ts prepareDeck) for the main thread to finish, and answers with what they gave.
// Loaded as JavaScript bundled by worker-bundle.ts; it imports neither vite nor the site's config.
// The job comes as the first message, not as workerData: a worker may start before the job is known
// (deck-pool.ts startWorkers), and loads its bundle meanwhile.
import { parentPort } from 'node:worker_threads'
import type { Batch } from './batches.ts'
import { buildDeck, prepareDeck, type DeckJob } from './deck-job.ts'

let job: DeckJob | undefined

parentPort!.on('message', (message: { job: DeckJob } | Batch<string>) => {
  if ('job' in message) return void (job = message.job)
  const results = message.first ? message.batch.map((file) => prepareDeck(file, job!)) : message.batch.map((file) => buildDeck(file, job!))
  parentPort!.postMessage({ from: message.from, first: message.first, results })
})
