// The speaking-time model: words at a speaking rate, a minimum per slide, a fixed homework allowance.
import type { RenderedSlide } from './render-slides.ts'

/** Even a picture-only slide takes a moment to look at and introduce. */
export const MIN_SECONDS_PER_SLIDE = 15
/** Explaining the homework slide and letting people scan the codes. */
export const HOMEWORK_SECONDS = 45

/** Seconds per slide: words ÷ rate, at least the per-slide minimum, rounded to whole seconds. */
export function slideTimings(slides: readonly Pick<RenderedSlide, 'words'>[], wordsPerMinute: number): number[] {
  return slides.map((s) => Math.max(MIN_SECONDS_PER_SLIDE, Math.round((s.words / wordsPerMinute) * 60)))
}

/** The whole deck's estimate in seconds, homework slide included. */
export function estimateSeconds(slides: readonly Pick<RenderedSlide, 'words'>[], wordsPerMinute: number): number {
  return slideTimings(slides, wordsPerMinute).reduce((a, b) => a + b, 0) + HOMEWORK_SECONDS
}
