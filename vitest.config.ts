// Tests: unit tests of the pure core, fixture decks, and end-to-end builds in a real browser.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The e2e suites build sites and drive Chromium: two cores, so run files one at a time.
    fileParallelism: false,
    // Temp folders live in one folder per run, removed when the run ends (test/temp-root.ts).
    globalSetup: ['test/temp-root.ts'],
  },
})
