// The worker thread's side of walkAside (write-output.ts): walks the top-level folders of a full
// build's staging folder that the pages about all decks are not written into, and answers what it found.
import { parentPort, workerData } from 'node:worker_threads'
import { topFolders, walkOutput } from './build-stamp.ts'

const { dir, skip } = workerData as { dir: string; skip: readonly string[] }
const top = topFolders(dir).filter((name) => !skip.includes(name))
parentPort!.postMessage({ walk: walkOutput(dir, { folders: top }), top })
