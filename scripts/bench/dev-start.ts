// The dev server's first answer: from spawning `npm run dev` to the index page's 200, and its peak RSS.
import { firstOk, startDevServer } from './dev-server.ts'
import type { CliOptions } from './run-cli.ts'

export interface DevStart {
  /** Spawn → the index answered 200, ms (node's clock; includes node's own start). */
  ms: number
  /** Peak RSS from spawn until the server was stopped, right after that answer, MiB. */
  peakMiB: number
}

/**
 * Starts the dev server on `decksDir`, GETs `/` until it answers 200 with the index (it names
 * `slug`, one of the decks), and stops the server by its PID.
 */
export async function measureDevStart(decksDir: string, slug: string, options: CliOptions = {}): Promise<DevStart> {
  const server = await startDevServer(decksDir, options)
  const answered = await firstOk(server, '/', slug, 120_000).catch((error: Error) => error)
  const { peakMiB } = await server.stop()
  if (answered instanceof Error) throw new Error(`${answered.message}\ndev server output:\n${server.log()}`)
  return { ms: answered, peakMiB }
}
