// The plain data that flows from parsing to rendering: decks, slides, diagnostics and pages.
import type { Frontmatter, HomeworkTask, Lang } from './frontmatter.ts'
import type { Medium } from './campaign.ts'
import type { EcLevel } from './qr.ts'

/**
 * A presenter's mistake, with its place in the deck file (1-based line and column). A notice is
 * no mistake: it tells what the build did on its own (a link forwarded through the site).
 */
export interface Diagnostic {
  file: string
  line: number
  col: number
  /** The frontmatter field, e.g. `homework.1.url`, or '' for Markdown problems. */
  field: string
  message: string
  severity: 'error' | 'warning' | 'notice'
}

export interface Slide {
  /** 1-based line of the slide's first line in the deck file. */
  line: number
  /** The slide's Markdown as written. */
  markdown: string
  /** The speaker notes' Markdown (text after a line `Note:`), or ''. */
  notes: string
}

/** A task as the homework slide shows it: the deck's task plus what the build derived. */
export type Task = HomeworkTask & {
  /** 1-based line of the task in the deck file (for messages). */
  line: number
  /** What the QR code encodes (the slide's and the homework page's): `links.qr`, or its forwarding address. */
  target: string
  /** When forwarded: the URL the `target` page (<site>go/<id>/) leads on to (`links.qr`). */
  forward?: string
  /**
   * Where the task leads from each medium: its URL (or share intent) with that medium's campaign
   * tags where the site's `campaign` option makes them apply (campaign.ts), else all the same.
   */
  links: Record<Medium, string>
  /** The code's error correction, chosen with the slide's layout (fit-homework.ts). */
  qrLevel: EcLevel
}

export interface Deck {
  /** Path relative to the decks folder, e.g. `vertrieb/2026-12.md`. */
  file: string
  slug: string
  meta: Omit<Frontmatter, 'homework' | 'lang'> & { lang: Lang }
  slides: Slide[]
  homework: Task[]
  /** Where the deck's `duration` is written (or its frontmatter starts): for time warnings. */
  durationAt: { line: number; col: number }
  /** True when the tasks came from the site's defaultHomework. */
  defaultHomework: boolean
}

/** A file of the built site: its path under the output folder and its content. */
export interface Page {
  path: string
  content: string
}
