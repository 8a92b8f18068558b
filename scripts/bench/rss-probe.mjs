// Preloaded into every measured child (node --import): it writes the process's peak RSS and CPU time
// (user + system, all threads: worker threads count) when the process exits or is sent SIGTERM.
import { writeFileSync } from 'node:fs'

const file = process.env.UPDECK_BENCH_RSS_FILE
if (file) {
  // maxRSS is in KiB, the CPU times in µs.
  const report = () => {
    const usage = process.resourceUsage()
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime, systemMicros: usage.systemCPUTime }))
  }
  // 'exit' handlers run even when the CLI ends with process.exit(code).
  process.on('exit', report)
  // A dev server is stopped with SIGTERM, which ends node without 'exit' handlers unless someone
  // listens. Report first; vite's own listener then closes the server and exits (reporting again).
  // With no other listener, end the process as the default action would.
  process.on('SIGTERM', () => {
    report()
    if (process.listenerCount('SIGTERM') === 1) process.exit(128 + 15)
  })
}
