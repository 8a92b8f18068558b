// The dev server's pass after its first answer: every deck known only by its frontmatter is parsed in
// full, a few between requests, because the homework fit may find errors the frontmatter did not show
// and a build would report them. Open pages are reloaded when it found one: each lists every error.
import type { ViteDevServer } from 'vite'
import { formatDiagnostic } from '../core/diagnostic.ts'
import type { DevDecks } from './dev-decks.ts'

/** Decks parsed in full at a time between requests (a few ms each). */
const BATCH = 8

export interface Completion {
  /** Starts the pass, once; later calls do nothing. */
  start(): void
  /** Whether the pass has ended: from then on, a deck listed is parsed in full at once. */
  done(): boolean
  /** Counts a page with vite's client answered now: answered before the pass ends, it may lack its errors. */
  answered(): void
}

export function completion(decks: DevDecks, server: ViteDevServer): Completion {
  let state: 'not yet' | 'now' | 'done' = 'not yet'
  // A page answered before the pass ended whose client connects only after it: reloaded on connecting.
  const early = { pages: 0, clients: 0, owed: 0 }
  server.ws.on('connection', (socket) => {
    if (state !== 'done') early.clients++
    else if (early.owed > 0) {
      early.owed--
      socket.send(JSON.stringify({ type: 'full-reload' }))
    }
  })
  const errorLines = () => new Set(decks.diagnostics().filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)))
  const finish = (before: Set<string>) => {
    state = 'done'
    if (![...errorLines()].some((line) => !before.has(line))) return
    server.hot.send({ type: 'full-reload' })
    early.owed = Math.max(0, early.pages - early.clients)
  }
  return {
    start() {
      if (state !== 'not yet') return
      state = 'now'
      const before = errorLines()
      const step = () => {
        for (let i = 0; i < BATCH; i++) if (!decks.completeNext()) return finish(before)
        setImmediate(step)
      }
      setImmediate(step)
    },
    done: () => state === 'done',
    answered() {
      if (state !== 'done') early.pages++
    },
  }
}
