// Footnotes (`[^1]`) are not Markdown that updeck renders: say so instead of showing them literally.
import type { StateCore } from 'markdown-it'
import type { RenderEnv } from './env.ts'

// `[^label]` as plain text: a reference to a footnote or the start of its definition.
const FOOTNOTE = /\[\^[^\]\s]{1,100}\]/

/** markdown-it core rule: warns once per render, at the first footnote mark outside code. */
export function footnoteWarning(state: StateCore): void {
  const env = state.env as unknown as RenderEnv
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue
    for (const token of block.children) {
      const mark = token.type === 'text' ? FOOTNOTE.exec(token.content)?.[0] : undefined
      if (!mark) continue
      env.warn(block.map ? block.map[0] : 0, mark, `footnotes like ${mark} are not supported on slides: write the note into the text or into the speaker notes (Note:)`)
      return
    }
  }
}
