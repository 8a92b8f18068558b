// Renders a deck's slides and notes to HTML, collecting images and Markdown problems by line.
import { referenceDefinitions, renderMarkdown, unsafeLinkMessage, type RenderEnv } from './markdown/index.ts'
import type { Deck, Diagnostic, Slide } from './model.ts'
import { isSafeLink } from './safe-url.ts'

export interface RenderedSlide {
  line: number
  html: string
  notesHtml: string
  /** Words on the slide and in its notes (for the time estimate and pacing). */
  words: number
}

export interface ImageUse {
  path: string
  line: number
  col: number
}

export interface RenderedSlides {
  slides: RenderedSlide[]
  /** Each homework task's details as HTML ('' without details), in task order. */
  details: string[]
  /** Images the slides and details use (path relative to the decks folder), where first used. */
  images: ImageUse[]
  diagnostics: Diagnostic[]
}

export function renderSlides(deck: Deck): RenderedSlides {
  const diagnostics: Diagnostic[] = []
  const images = new Map<string, ImageUse>()
  const { references, reportedHrefs } = deckReferences(deck, diagnostics)
  const slides = deck.slides.map((slide) => {
    const env = (text: string, firstLine: number): RenderEnv => {
      const locate = locator(text, firstLine)
      const at = (severity: Diagnostic['severity']) => (line: number, needle: string, message: string) =>
        diagnostics.push({ file: deck.file, ...locate(line, needle), field: '', message, severity })
      const image = (line: number, needle: string, path: string) => {
        if (!images.has(path)) images.set(path, { path, ...locate(line, needle) })
      }
      return { file: deck.file, image, problem: at('error'), warn: at('warning'), references, reportedHrefs }
    }
    const notesLine = notesLineOf(slide)
    return {
      line: slide.line,
      html: renderMarkdown(slide.markdown, env(slide.markdown, slide.line)),
      notesHtml: slide.notes ? renderMarkdown(slide.notes, env(slide.notes, notesLine)) : '',
      words: countWords(slide.markdown) + countWords(slide.notes),
    }
  })
  const details = deck.homework.map((task, i) => {
    if (!task.details) return ''
    const report = (severity: Diagnostic['severity']) => (_line: number, _needle: string, message: string) =>
      diagnostics.push({ file: deck.file, line: task.line, col: 1, field: deck.defaultHomework ? `defaultHomework.${i + 1}.details` : `homework.${i + 1}.details`, message, severity })
    const image = (_line: number, _needle: string, path: string) => {
      if (!images.has(path)) images.set(path, { path, line: task.line, col: 1 })
    }
    return renderMarkdown(task.details, { file: deck.file, image, problem: report('error'), warn: report('warning') })
  })
  return { slides, details, images: [...images.values()], diagnostics }
}

const notesLineOf = (slide: Slide) => slide.line + slide.markdown.split('\n').length

/**
 * Reference definitions (`[label]: url`) hold for the whole deck, so a link on one slide may use a
 * definition on another: collected from every slide and its notes first (the first one of a label
 * wins, as in one Markdown file). An unsafe URL is reported once, where its definition stands.
 */
function deckReferences(deck: Deck, diagnostics: Diagnostic[]): Pick<RenderEnv, 'references' | 'reportedHrefs'> {
  const references: NonNullable<RenderEnv['references']> = Object.create(null)
  const reportedHrefs = new Set<string>()
  for (const slide of deck.slides) {
    for (const [text, firstLine] of [[slide.markdown, slide.line], [slide.notes, notesLineOf(slide)]] as const) {
      if (!text) continue
      const locate = locator(text, firstLine)
      for (const [label, { href, title, line }] of referenceDefinitions(text)) {
        if (label in references) continue
        references[label] = { href, title }
        if (isSafeLink(href)) continue
        reportedHrefs.add(href)
        diagnostics.push({ file: deck.file, ...locate(line, href), field: '', message: unsafeLinkMessage(href), severity: 'error' })
      }
    }
  }
  return { references, reportedHrefs }
}

/**
 * Finds where a problem stands: markdown-it knows only a paragraph's first line, so look for the
 * URL from there on; a URL that appears twice is found at its next place each time.
 */
function locator(text: string, firstLine: number): (line: number, needle: string) => { line: number; col: number } {
  const lines = text.split('\n')
  const seen = new Map<string, { line: number; col: number }>()
  const find = (line: number, needle: string) => {
    const last = seen.get(needle)
    for (let i = Math.max(line, last?.line ?? 0); needle && i < lines.length; i++) {
      const col = lines[i]!.indexOf(needle, last && i === last.line ? last.col + 1 : 0)
      if (col >= 0) {
        seen.set(needle, { line: i, col })
        return { line: firstLine + i, col: col + 1 }
      }
    }
    return undefined
  }
  // An entity-encoded scheme (`java&#x3A;script:`) is decoded in the URL: then find its first part.
  return (line, needle) => find(line, needle) ?? find(line, needle.split(':')[0]!) ?? { line: firstLine + line, col: 1 }
}

/** Words a presenter would say: Markdown punctuation and code fences' markers do not count. */
export function countWords(markdown: string): number {
  return markdown
    .replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}
