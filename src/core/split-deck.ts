// Splits a deck file into its YAML frontmatter and its slides, keeping source line numbers.
import type { Diagnostic, Slide } from './model.ts'

export interface SplitDeck {
  /** The YAML between the two `---` lines ('' when missing). */
  yaml: string
  /** 1-based file line of the YAML's first line. */
  yamlLine: number
  slides: Slide[]
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const SEPARATOR = /^---[ \t]*$/
const NOTE = /^ {0,3}notes?:[ \t]*/i

type Problem = Pick<Diagnostic, 'line' | 'col' | 'message'>

export function splitDeck(text: string): SplitDeck | Problem {
  const body = text.replace(/^\uFEFF/, '')
  // Splitting by a string is several times quicker than by a pattern, and most files have no \r.
  const lines = body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n')
  if (!SEPARATOR.test(lines[0] ?? '')) {
    return { line: 1, col: 1, message: 'a deck starts with frontmatter: a line ---, then title, date and audience, then a line ---' }
  }
  const end = lines.findIndex((line, i) => i > 0 && (SEPARATOR.test(line) || /^\.\.\.[ \t]*$/.test(line)))
  if (end < 0) return { line: 1, col: 1, message: 'the frontmatter is not closed: add a line --- after its last field' }
  return { yaml: lines.slice(1, end).join('\n'), yamlLine: 2, slides: splitSlides(lines, end + 1) }
}

/** Slides are separated by lines holding only `---`, except inside fenced code blocks. */
function splitSlides(lines: string[], start: number): Slide[] {
  const slides: Slide[] = []
  let chunk: string[] = []
  let chunkStart = start
  let fence: string | null = null
  const flush = (next: number) => {
    if (chunk.some((l) => l.trim() !== '')) slides.push(toSlide(chunk, chunkStart + 1))
    chunk = []
    chunkStart = next
  }
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!
    const open = FENCE.exec(line)
    if (fence === null && open) fence = open[1]!
    else if (fence !== null && open && open[1]!.startsWith(fence) && line.trim() === open[1]) fence = null
    if (fence === null && SEPARATOR.test(line)) flush(i + 1)
    else chunk.push(line)
  }
  flush(lines.length)
  return slides
}

/** Everything after a line starting with `Note:` (outside code) is speaker notes (reveal.js convention). */
function toSlide(chunk: string[], line: number): Slide {
  let fence: string | null = null
  for (let i = 0; i < chunk.length; i++) {
    const open = FENCE.exec(chunk[i]!)
    if (fence === null && open) fence = open[1]!
    else if (fence !== null && open && chunk[i]!.trim() === open[1] && open[1]!.startsWith(fence)) fence = null
    else if (fence === null && NOTE.test(chunk[i]!)) {
      const first = chunk[i]!.replace(NOTE, '')
      return { line, markdown: chunk.slice(0, i).join('\n'), notes: [first, ...chunk.slice(i + 1)].join('\n').trim() }
    }
  }
  return { line, markdown: chunk.join('\n'), notes: '' }
}
