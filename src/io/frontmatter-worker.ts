// The worker thread's side of frontmatter-pool.ts: parses the frontmatter of the deck texts it is sent.
// Loaded as JavaScript bundled by worker-bundle.ts, like deck-worker.ts.
import { parentPort, workerData } from 'node:worker_threads'
import type { ParseContext } from '../core/parse-deck.ts'
import { parseFrontmatter } from '../core/parse-frontmatter.ts'
import type { Batch } from './batches.ts'

const ctx = workerData as ParseContext

parentPort!.on('message', ({ from, batch }: Batch<{ file: string; text: string }>) => {
  parentPort!.postMessage({ from, results: batch.map((d) => parseFrontmatter(d.text, d.file, ctx)) })
})
