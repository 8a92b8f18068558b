// Renders a deck's slides and notes to HTML, collecting images and Markdown problems by line.
import { HIGHLIGHT_BUDGET, referenceDefinitions, renderMarkdown, unsafeLinkMessage, type Lines, type RenderEnv } from './markdown/index.ts'
import { tagUrl } from './campaign.ts'
import type { SiteConfig } from './frontmatter.ts'
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

/**
 * With `site`, links to the site's own domains carry campaign tags (campaign.ts): 'slide' on the
 * slides, 'homework-page' in task details (shown there); speaker notes stay as written.
 */
export function renderSlides(deck: Deck, site?: SiteConfig): RenderedSlides {
  const diagnostics: Diagnostic[] = []
  const images = new Map<string, ImageUse>()
  const codeBudget = { left: HIGHLIGHT_BUDGET }
  const { references, reportedHrefs } = deckReferences(deck, diagnostics)
  const slides = deck.slides.map((slide) => {
    const env = (text: string, firstLine: number, tagged: boolean): RenderEnv => {
      const locate = locator(text, firstLine)
      const at = (severity: Diagnostic['severity']) => (line: Lines, needle: string, message: string) =>
        diagnostics.push({ file: deck.file, ...locate(line, needle), field: '', message, severity })
      const image = (line: Lines, needle: string, path: string) => {
        if (!images.has(path)) images.set(path, { path, ...locate(line, needle) })
      }
      const link = site && tagged ? (href: string) => tagUrl(href, site, deck.slug, 'slide') : undefined
      return { file: deck.file, image, problem: at('error'), warn: at('warning'), codeBudget, references, reportedHrefs, ...(link ? { link } : {}) }
    }
    const notesLine = notesLineOf(slide)
    return {
      line: slide.line,
      html: renderMarkdown(slide.markdown, env(slide.markdown, slide.line, true)),
      notesHtml: slide.notes ? renderMarkdown(slide.notes, env(slide.notes, notesLine, false)) : '',
      words: countWords(slide.markdown) + countWords(slide.notes),
    }
  })
  const details = deck.homework.map((task, i) => {
    if (!task.details) return ''
    const report = (severity: Diagnostic['severity']) => (_line: Lines, _needle: string, message: string) =>
      diagnostics.push({ file: deck.file, line: task.line, col: 1, field: deck.defaultHomework ? `defaultHomework.${i + 1}.details` : `homework.${i + 1}.details`, message, severity })
    const image = (_line: Lines, _needle: string, path: string) => {
      if (!images.has(path)) images.set(path, { path, line: task.line, col: 1 })
    }
    const link = site ? { link: (href: string) => tagUrl(href, site, deck.slug, 'homework-page') } : {}
    return renderMarkdown(task.details, { file: deck.file, image, problem: report('error'), warn: report('warning'), codeBudget, ...link })
  })
  return { slides, details, images: [...images.values()], diagnostics }
}

const notesLineOf = (slide: Slide) => slide.line + lineCount(slide.markdown)

/** What `text.split('\n').length` says, without making the array. */
function lineCount(text: string): number {
  let count = 1
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++
  return count
}

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
        // A definition's URL and title may each stand on a line of their own.
        diagnostics.push({ file: deck.file, ...locate([line, line + 3], href), field: '', message: unsafeLinkMessage(href), severity: 'error' })
      }
    }
  }
  return { references, reportedHrefs }
}

/**
 * Finds where a problem stands: markdown-it knows only a block's lines, so look for the URL there, as
 * written or as markdown-it percent-encoded it; a URL that appears twice is found at its next place
 * each time. All searches share a budget of characters, linear in the text's length and far above what
 * a deck needs, so a slide of nothing but URLs that cannot be found still takes linear time: past the
 * budget, problems point at their block's first line.
 */
function locator(text: string, firstLine: number): (at: Lines, needle: string) => { line: number; col: number } {
  // Made at the first problem: most slides have none.
  let lines: string[] | undefined
  const seen = new Map<string, { line: number; col: number }>()
  let budget = 32 * text.length + 1_000_000
  const find = ([first, end]: Lines, needle: string) => {
    const all = (lines ??= text.split('\n'))
    const last = seen.get(needle)
    for (let i = Math.max(first, last?.line ?? 0); needle && i < Math.min(end, all.length) && budget > 0; i++) {
      const from = last && i === last.line ? last.col + 1 : 0
      const col = all[i]!.indexOf(needle, from)
      budget -= (col >= 0 ? col : all[i]!.length) - from + 1
      if (col >= 0) {
        seen.set(needle, { line: i, col })
        return { line: firstLine + i, col: col + 1 }
      }
    }
    return undefined
  }
  // An entity-encoded scheme (`java&#x3A;script:`) is decoded in the URL: then find its first part.
  return (at, needle) => find(at, needle) ?? find(at, decoded(needle)) ?? find(at, needle.split(':')[0]!) ?? { line: firstLine + at[0], col: 1 }
}

function decoded(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}

/** Words a presenter would say: Markdown punctuation and code fences' markers do not count. */
export function countWords(markdown: string): number {
  return countSpoken(dropLinkTargets(dropImages(markdown.replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, ' '))))
}

/** JavaScript's `\s` (what `split(/\s+/)` splits at) and a letter or digit of any script. */
const SPACE = /\s/
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * Words with a letter or digit, words being what `text.split(/\s+/)` gives: the same count in one
 * pass without making the words, ASCII decided by its code.
 */
function countSpoken(text: string): number {
  let words = 0
  let inWord = false
  let counted = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // Outside ASCII, one code point at a time: a letter may be a surrogate pair (𝐀, 𠀀).
    const char = code < 0x80 ? '' : String.fromCodePoint(text.codePointAt(i)!)
    if (char.length === 2) i++
    if (char ? SPACE.test(char) : code === 32 || (code >= 9 && code <= 13)) {
      inWord = false
      continue
    }
    if (!inWord) {
      inWord = true
      counted = false
    }
    if (counted) continue
    if (char ? LETTER_OR_DIGIT.test(char) : (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)) {
      counted = true
      words++
    }
  }
  return words
}

// The next two replace what /!\[[^\]]*\]\([^)]*\)/g and /\]\([^)]*\)/g would match by a space, in
// one pass: the patterns rescan to the next `]` or `)` from every `![`, which took 17 s on 200 KB of `![`.

/** Images `![alt](src)`: neither the alt text nor the path is spoken. */
function dropImages(text: string): string {
  const next = nextIndex(text)
  return dropSpans(text, '![', (at) => {
    const close = next(']', at + 2)
    return close >= 0 && text[close + 1] === '(' ? next(')', close + 2) : -1
  })
}

/** A link's `](target)`: its text is spoken, the address is not. */
function dropLinkTargets(text: string): string {
  const next = nextIndex(text)
  return dropSpans(text, '](', (at) => next(')', at + 2))
}

/** Replaces each span from `open` to the index `end` returns (inclusive; -1: no span here) by a space. */
function dropSpans(text: string, open: string, end: (at: number) => number): string {
  let out = ''
  let last = 0
  for (let at = text.indexOf(open); at >= 0; ) {
    const stop = end(at)
    if (stop < 0) {
      at = text.indexOf(open, at + 1)
      continue
    }
    out += `${text.slice(last, at)} `
    last = stop + 1
    at = text.indexOf(open, last)
  }
  return out + text.slice(last)
}

/** indexOf that remembers its last answer per character: rising `from`s read the text once. */
function nextIndex(text: string): (char: string, from: number) => number {
  const found = new Map<string, number>()
  return (char, from) => {
    let at = found.get(char)
    if (at === undefined || (at >= 0 && at < from)) found.set(char, (at = text.indexOf(char, from)))
    return at
  }
}
