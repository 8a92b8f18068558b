// Where a build's time goes: `node src/cli/run.mjs scripts/bench/cpu-profile.ts [N]` generates N decks (default
// 1000; 0 = the CLI's startup alone), runs one build under `node --cpu-prof` and prints self time by
// module and by function. `--keep DIR` keeps the .cpuprofile files (open them in Chrome DevTools).
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { writeDecks } from './generate.ts'
import { ROOT, runBuild, runCli } from './run-cli.ts'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

/** A file's owner: the npm package, the project file, node's internals or V8's pseudo-frames. */
function moduleOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native / V8)'
  const path = url.replace(/^file:\/\//, '').split('?')[0]!
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (pkg) return pkg[1]!
  if (path.startsWith('node:')) return 'node: (core)'
  return relative(ROOT, path)
}

/** Self time in ms per key, from the sample stream (each sample owns the delta that follows it). */
function selfTimes(profile: Profile, key: (node: ProfileNode) => string): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const k = key(byId.get(id)!)
    totals.set(k, (totals.get(k) ?? 0) + ms)
  })
  return totals
}

function top(totals: Map<string, number>, wall: number, count: number): string {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${((ms / wall) * 100).toFixed(1).padStart(5)} %  ${k}`)
    .join('\n')
}

export function summariseProfile(profile: Profile, count = 15): string {
  const wall = (profile.endTime - profile.startTime) / 1000
  const byModule = selfTimes(profile, (n) => moduleOf(n.callFrame.url, n.callFrame.functionName))
  const byFunction = selfTimes(profile, (n) => `${n.callFrame.functionName || '(anonymous)'}  ${moduleOf(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`)
  return [`profiled ${wall.toFixed(0)} ms`, 'self time by module:', top(byModule, wall, count), 'self time by function:', top(byFunction, wall, count)].join('\n')
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { keep: { type: 'string' } } })
const n = Number(positionals[0] ?? 1000)
const work = await mkdtemp(join(tmpdir(), 'updeck-profile-'))
try {
  const profiles = values.keep ?? join(work, 'profiles')
  await mkdir(profiles, { recursive: true })
  const flags = ['--cpu-prof', `--cpu-prof-dir=${profiles}`]
  if (n > 0) {
    await writeDecks(join(work, 'decks'), n)
    const run = await runBuild(join(work, 'decks'), join(work, 'out'), { kind: 'full', decks: n }, { nodeFlags: flags })
    process.stdout.write(`build of ${n} decks under --cpu-prof: ${(run.ms / 1000).toFixed(2)} s wall, ${(run.cpuMs / 1000).toFixed(2)} s CPU, peak RSS ${run.peakMiB.toFixed(0)} MiB\n`)
  } else {
    const run = await runCli([], { nodeFlags: flags })
    process.stdout.write(`CLI startup under --cpu-prof: ${(run.ms / 1000).toFixed(2)} s wall, peak RSS ${run.peakMiB.toFixed(0)} MiB\n`)
  }
  for (const file of (await readdir(profiles)).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(await readFile(join(profiles, file), 'utf8')) as Profile
    process.stdout.write(`\n${file}\n${summariseProfile(profile)}\n`)
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
