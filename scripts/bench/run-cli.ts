// Runs the updeck CLI as a child process: wall time from spawn to exit and the child's peak RSS.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PROBE = pathToFileURL(fileURLToPath(new URL('./rss-probe.mjs', import.meta.url))).href

export interface CliRun {
  ms: number
  /** Peak resident set size of the node process, MiB (process.resourceUsage().maxRSS). */
  peakMiB: number
  code: number
  output: string
}

/** `node src/cli/run.mjs src/cli/main.ts …args` from the project root; `nodeFlags` e.g. --cpu-prof. */
export function spawnCli(args: string[], options: { nodeFlags?: string[]; rssFile?: string } = {}): ChildProcess {
  return spawn(process.execPath, ['--import', PROBE, ...(options.nodeFlags ?? []), 'src/cli/run.mjs', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...(options.rssFile ? { UPDECK_BENCH_RSS_FILE: options.rssFile } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

let counter = 0

export async function runCli(args: string[], nodeFlags: string[] = []): Promise<CliRun> {
  const rssFile = join(tmpdir(), `updeck-bench-rss-${process.pid}-${counter++}.json`)
  const started = performance.now()
  const child = spawnCli(args, { nodeFlags, rssFile })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk))
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (exitCode) => resolve(exitCode ?? 1))
  })
  const ms = performance.now() - started
  let peakMiB = NaN
  try {
    peakMiB = (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKiB: number }).maxRssKiB / 1024
    rmSync(rssFile)
  } catch {
    // The child died before its exit handler ran: the peak stays unknown (NaN), the table says so.
  }
  return { ms, peakMiB, code, output }
}

/** The benchmark builds as a site that is published somewhere: long share links are forwarded. */
export const BENCH_SITE_URL = 'https://intranet.example.com/decks/'

/**
 * A build that must succeed and must do what is timed: a full build (`'build'`) or the answer of the
 * "nothing changed" shortcut (`'upToDate'`). Anything else measures nothing: it throws, with the
 * CLI's output.
 */
export async function runBuild(decksDir: string, outDir: string, options: { nodeFlags?: string[]; expect?: 'build' | 'upToDate' } = {}): Promise<CliRun> {
  const { nodeFlags = [], expect = 'build' } = options
  const run = await runCli(['build', '--decks', decksDir, '--out', outDir, '--today', '2026-12-01', '--site-url', BENCH_SITE_URL], nodeFlags)
  if (run.code !== 0) throw new Error(`build of ${decksDir} failed (exit ${run.code}):\n${run.output}`)
  const upToDate = /is up to date: nothing changed/.test(run.output)
  if (upToDate !== (expect === 'upToDate')) {
    throw new Error(`build of ${decksDir} was expected to ${expect === 'build' ? 'build' : 'find nothing changed'}, but ${upToDate ? 'the "nothing changed" shortcut answered' : 'it built'}: the time would measure the wrong thing\n${run.output}`)
  }
  return run
}
