// The work queue of the deck pool: worker threads run the first stage of each batch and this thread
// the second, whole items go to a worker when this thread falls behind, and results keep the items' order.
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { inStages } from '../../src/io/batches.ts'

// A worker as the deck worker answers: the first stage of an item doubles it, the whole item is 2x + 1.
const WORKER = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', (m) => {
  if (m.batch.includes(-1)) throw new Error('a broken item')
  parentPort.postMessage({ from: m.from, first: m.first, results: m.batch.map((x) => (m.first ? { half: x * 2 } : x * 2 + 1)) })
})`

const started: Worker[] = []
const workers = (n: number) => Array.from({ length: n }, () => started[started.push(new Worker(WORKER, { eval: true })) - 1]!)
afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.terminate()))
})

const items = Array.from({ length: 500 }, (_, i) => i)
const expected = items.map((x) => x * 2 + 1)

describe('inStages', () => {
  it('has the workers prepare and this thread finish every item, in the items order', async () => {
    let second = 0
    const results = await inStages(items, 8, workers(2), { whole: () => -1, second: (p: { half: number }) => (second++, p.half + 1) })
    expect(results).toEqual(expected)
    expect(second).toBeGreaterThan(items.length / 2)
  })

  it('gives the workers whole items while this thread is behind with the second stage', async () => {
    let second = 0
    const slow = (p: { half: number }) => {
      const until = performance.now() + 2
      while (performance.now() < until) {} // a second stage much slower than the first
      second++
      return p.half + 1
    }
    const results = await inStages(items, 8, workers(2), { whole: () => -1, second: slow })
    expect(results).toEqual(expected)
    expect(second).toBeLessThan(items.length / 2)
  })

  it('does everything on this thread without workers', async () => {
    expect(await inStages(items, 8, [], { whole: (x: number) => x * 2 + 1, second: () => -1 })).toEqual(expected)
  })

  it('fails when a worker fails', async () => {
    await expect(inStages([...items, -1], 8, workers(2), { whole: () => -1, second: (p: { half: number }) => p.half + 1 })).rejects.toThrow('a broken item')
  })
})
