// The one place that reads the clock: today's date (upcoming vs past) and the build stamp.
export function siteClock(today?: string, now = new Date()): { today: string; stamp: string } {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  return { today: today ?? local, stamp }
}
