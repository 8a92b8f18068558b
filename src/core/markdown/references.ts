// Reference definitions (`[label]: url`) are deck-wide: a link may use a definition on another
// slide. markdown-it knows only the text it renders, so each definition's line is recorded here.
import type { MarkdownIt, StateBlock } from 'markdown-it'

/** A definition as markdown-it keeps it (href normalised), with its line in the parsed text. */
export interface Definition {
  href: string
  title: string
  line: number
}

/** What the collecting parse keeps in its env: markdown-it's `references` and the lines. */
export interface DefinitionEnv {
  [key: PropertyKey]: unknown
  references: Record<string, { href: string; title: string }>
  definitionLines?: Map<string, number>
}

// At most 999 characters between unescaped brackets, as in markdown-it's reference rule. The two
// alternatives start differently, so the match is linear.
const LABEL = /^\[((?:\\[\s\S]|[^\\\]]){0,2000})\]:/

/** Wraps markdown-it's reference rule so an env with `definitionLines` learns each label's line. */
export function recordDefinitionLines(md: MarkdownIt): void {
  const rule = md.block.ruler.__rules__[md.block.ruler.__find__('reference')]!.fn
  md.block.ruler.at('reference', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    const found = rule(state, startLine, endLine, silent)
    const lines = (state.env as Partial<DefinitionEnv>).definitionLines
    if (found && !silent && lines) {
      const start = state.bMarks[startLine]! + state.tShift[startLine]!
      const label = LABEL.exec(state.src.slice(start, start + 4010))?.[1]
      const key = label === undefined ? undefined : md.utils.normalizeReference(label)
      if (key !== undefined && !lines.has(key)) lines.set(key, startLine)
    }
    return found
  })
}
