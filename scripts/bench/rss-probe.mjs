// Preloaded into every measured child (node --import): on exit it writes the process's peak RSS.
import { writeFileSync } from 'node:fs'

const file = process.env.UPDECK_BENCH_RSS_FILE
if (file) {
  // 'exit' handlers run even when the CLI ends with process.exit(code); maxRSS is in KiB.
  process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })))
}
