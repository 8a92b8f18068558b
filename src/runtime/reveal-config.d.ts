// reveal.js 6's config type lacks options reveal.js reads (its speaker view and pacing use them).
import 'reveal.js'

declare module 'reveal.js' {
  interface RevealConfig {
    /** Seconds the whole presentation should take: the speaker view paces against it. */
    totalTime?: number
    /** Seconds per slide when a slide has no data-timing. */
    defaultTiming?: number | null
  }
}
