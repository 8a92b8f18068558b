// The worker thread's side of frontmatter-pool.ts: parses the frontmatter of the decks it is sent, a
// batch at a time as it takes them from the shared counter, and says when none is left.
import { parentPort, workerData } from 'node:worker_threads'
import type { ParseContext } from '../core/parse-deck.ts'
import { parseFrontmatter } from '../core/parse-frontmatter.ts'
import { BATCH, takeBatch, type FrontmatterAnswer, type FrontmatterJob } from './frontmatter-job.ts'

const ctx = workerData as ParseContext
const answer = (message: FrontmatterAnswer) => parentPort!.postMessage(message)

parentPort!.on('message', (job: FrontmatterJob) => {
  for (let from = takeBatch(job); from !== undefined; from = takeBatch(job)) {
    answer({ from, results: job.decks.slice(from, from + BATCH).map((d) => parseFrontmatter(d.text, d.file, ctx)) })
  }
  answer({ done: true })
})
