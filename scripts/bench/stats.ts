// Median, min and max of repeated measurements, and their printed form.
export interface Summary {
  median: number
  min: number
  max: number
  runs: number
}

export function summarise(values: number[]): Summary {
  if (values.length === 0) throw new Error('summarise: no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: values.length }
}

/** "1.23 s [1.20–1.31]"; a single run prints its value only. */
export function formatSummary(s: Summary, format: (value: number) => string): string {
  return s.runs > 1 ? `${format(s.median)} [${format(s.min)}–${format(s.max)}]` : format(s.median)
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
export const millis = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`
export const mebibytes = (mib: number) => (Number.isNaN(mib) ? 'unknown' : `${mib.toFixed(0)} MiB`)
export const kibibytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
