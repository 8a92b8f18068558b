// The worker thread's side of deck-pool.ts: builds the decks it is sent, answers with what they gave.
// Loaded as JavaScript bundled by worker-bundle.ts; it imports neither vite nor the site's config.
import { parentPort, workerData } from 'node:worker_threads'
import type { Batch } from './batches.ts'
import { buildDeck, type DeckJob, type DeckOutput } from './deck-job.ts'

const job = workerData as DeckJob

parentPort!.on('message', ({ from, batch }: Batch<string>) => {
  const results: DeckOutput[] = batch.map((file) => buildDeck(file, job))
  parentPort!.postMessage({ from, results })
})
