// `npm run dev` in a child process on a free port of 127.0.0.1, and its orderly end by PID.
import { createServer } from 'node:net'
import { BENCH_SITE_URL, BENCH_TODAY, readUsage, spawnCli, usageFile, type CliOptions, type Usage } from './run-cli.ts'

export interface DevServer {
  port: number
  /** performance.now() just before the spawn. */
  spawnedAt: number
  /** Everything the server printed so far. */
  log: () => string
  /** false once the process has ended (crashed or stopped). */
  running: () => boolean
  /** SIGTERM, then SIGKILL after 3 s; resolves once the process is gone, with its usage. */
  stop: () => Promise<Usage>
}

/** Signal 0 tests for the process without touching it. */
function isRunning(pid: number | undefined): boolean {
  if (pid === undefined) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (typeof address !== 'object' || !address) throw new Error('no free port on 127.0.0.1')
  return address.port
}

export async function startDevServer(decksDir: string, options: CliOptions = {}): Promise<DevServer> {
  const port = await freePort()
  const file = usageFile()
  const spawnedAt = performance.now()
  const child = spawnCli(['dev', '--decks', decksDir, '--port', String(port), '--today', BENCH_TODAY, '--site-url', BENCH_SITE_URL], { ...options, usageFile: file })
  let log = ''
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk))
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(child.pid, 'SIGTERM')
      const timer = setTimeout(() => child.exitCode === null && child.signalCode === null && process.kill(child.pid!, 'SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
    }
    if (isRunning(child.pid)) throw new Error(`the dev server (PID ${child.pid}) is still running after SIGTERM and SIGKILL`)
    return readUsage(file)
  }
  return { port, spawnedAt, log: () => log, running: () => child.exitCode === null && child.signalCode === null, stop }
}

/**
 * ms from the server's spawn until `path` answers 200 with a page that holds `text`; throws when the
 * server ends first or after `timeoutMs`.
 */
export async function firstOk(server: DevServer, path: string, text: string, timeoutMs: number): Promise<number> {
  const url = `http://127.0.0.1:${server.port}${path}`
  let last = 'no answer'
  while (performance.now() - server.spawnedAt < timeoutMs) {
    if (!server.running()) throw new Error(`the dev server ended before ${url} answered 200 (last: ${last})`)
    try {
      const response = await fetch(url)
      const body = await response.text()
      if (response.status === 200 && body.includes(text)) return performance.now() - server.spawnedAt
      // A 200 without the deck would time some other page (vite's fallback): ask again, and say so at the end.
      last = response.status === 200 ? `a page without "${text}"` : `HTTP ${response.status}`
    } catch (error) {
      last = String((error as Error).cause ?? error) // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`the dev server did not answer ${url} with 200 within ${timeoutMs / 1000} s (last: ${last})`)
}
