// One temporary folder per test run: every temp dir the tests, the builds they start and Chromium
// make goes inside it (TMPDIR), and the run removes it at the end. Without it each `npm test` left
// about half a gigabyte of sites, projects and profiles in the system's temp folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'updeck-test-run-'))
  const previous = process.env.TMPDIR
  process.env.TMPDIR = root
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(root, { recursive: true, force: true })
  }
}
