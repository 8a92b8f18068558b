// markdown-it stops parsing where lists and quotes nest deeper than options.maxNesting and drops
// the rest without a word (a guard against runaway recursion); this says where it happened.
import type { MarkdownIt, StateBlock } from 'markdown-it'
import type { RenderEnv } from './env.ts'

/** Wraps the block tokenizer: a call at the limit with text left to parse is text that vanishes. */
export function guardNesting(md: MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block)
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number) => {
    const env = state.env as Partial<RenderEnv> & { nestingWarned?: boolean }
    if (state.level >= md.options.maxNesting && !env.nestingWarned && env.warn) {
      const line = state.skipEmptyLines(startLine)
      if (line < endLine && state.sCount[line]! >= state.blkIndent) {
        env.nestingWarned = true
        env.warn(line, '', 'lists or quotes are nested too deeply here, so the text from here on is left out: nest them less deeply')
      }
    }
    tokenize(state, startLine, endLine)
  }
}
