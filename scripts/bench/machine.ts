// One line naming the machine a run was measured on.
import { readFileSync } from 'node:fs'
import { availableParallelism, loadavg, totalmem } from 'node:os'

/** `startLoad`: the 1-minute load average when the run began (other work on the machine skews times). */
export function describeMachine(startLoad: number, browserVersion?: string): string {
  let cpu = 'unknown CPU'
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu
  } catch {
    // not Linux: keep "unknown CPU"
  }
  const parts = [
    cpu,
    `${availableParallelism()} cores`,
    `${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM`,
    `Node ${process.version}`,
    ...(browserVersion ? [`Chromium ${browserVersion}`] : []),
    `load average ${startLoad.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
  ]
  return parts.join(' · ')
}
