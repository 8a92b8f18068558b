// Runs the updeck CLI as a child process: wall time from spawn to exit, the child's peak RSS and CPU time.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { answerProblem, parseBuildAnswer, type BuildAnswer, type Expectation } from './build-line.ts'

/** This checkout: where the benchmark writes its results, and the CLI it measures by default. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PROBE = pathToFileURL(fileURLToPath(new URL('./rss-probe.mjs', import.meta.url))).href

export interface CliOptions {
  /** The checkout whose CLI runs (its src/cli/run.mjs, its vite.config.ts). @default ROOT */
  root?: string
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[]
}

export interface Usage {
  /** Peak resident set size of the node process, MiB (process.resourceUsage().maxRSS); NaN if unknown. */
  peakMiB: number
  /** User + system CPU time of all its threads, ms; NaN if unknown. */
  cpuMs: number
  /** Of that, system (kernel) time, ms: file system work, such as creating the output's files. */
  systemMs: number
}

export interface CliRun extends Usage {
  ms: number
  code: number
  output: string
}

let counter = 0

/** A fresh file for the probe in the child to write its usage to. */
export const usageFile = () => join(tmpdir(), `updeck-bench-rss-${process.pid}-${counter++}.json`)

/** What the probe wrote (and removes the file); NaN figures if the child died before it could. */
export function readUsage(file: string): Usage {
  try {
    const usage = JSON.parse(readFileSync(file, 'utf8')) as { maxRssKiB: number; cpuMicros: number; systemMicros: number }
    rmSync(file)
    return { peakMiB: usage.maxRssKiB / 1024, cpuMs: usage.cpuMicros / 1000, systemMs: usage.systemMicros / 1000 }
  } catch {
    return { peakMiB: NaN, cpuMs: NaN, systemMs: NaN }
  }
}

/** `node src/cli/run.mjs src/cli/main.ts …args` in the checkout `root`. */
export function spawnCli(args: string[], options: CliOptions & { usageFile?: string } = {}): ChildProcess {
  const root = options.root ?? ROOT
  return spawn(process.execPath, ['--import', PROBE, ...(options.nodeFlags ?? []), join(root, 'src/cli/run.mjs'), 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...(options.usageFile ? { UPDECK_BENCH_RSS_FILE: options.usageFile } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const file = usageFile()
  const started = performance.now()
  const child = spawnCli(args, { ...options, usageFile: file })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk))
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (exitCode) => resolve(exitCode ?? 1))
  })
  const ms = performance.now() - started
  return { ms, code, output, ...readUsage(file) }
}

/** The benchmark builds as a site that is published somewhere: long share links are forwarded. */
export const BENCH_SITE_URL = 'https://intranet.example.com/decks/'
/** A fixed day, so that every run sorts decks into upcoming and past alike. */
export const BENCH_TODAY = '2026-12-01'

export interface BuildRun extends CliRun {
  answer: BuildAnswer
}

/**
 * A build that must succeed and must do what is timed (see answerProblem): anything else measures
 * nothing, so it throws with the CLI's output. `requireCounts` @default REQUIRE_DECK_COUNTS
 */
export async function runBuild(decksDir: string, outDir: string, expected: Expectation, options: CliOptions & { requireCounts?: boolean } = {}): Promise<BuildRun> {
  const { requireCounts, ...cli } = options
  const run = await runCli(['build', '--decks', decksDir, '--out', outDir, '--today', BENCH_TODAY, '--site-url', BENCH_SITE_URL], cli)
  if (run.code !== 0) throw new Error(`build of ${decksDir} failed (exit ${run.code}):\n${run.output}`)
  const answer = parseBuildAnswer(run.output)
  const problem = answerProblem(answer, expected, requireCounts)
  if (problem) throw new Error(`build of ${decksDir}: ${problem}; its time would measure the wrong thing\n${run.output}`)
  return { ...run, answer: answer! }
}
