// The one markdown-it instance: raw HTML escaped, links and images guarded, code highlighted.
import MarkdownIt from 'markdown-it'
import { highlightCode } from './highlight.ts'
import { linkGuard } from './link-guard.ts'
import type { RenderEnv } from './env.ts'

export type { Lines, RenderEnv } from './env.ts'
export { ASSET_MARKER } from './link-guard.ts'
export { HIGHLIGHT_BUDGET } from './highlight.ts'

// maxNesting 20 (CommonMark preset's; the default is 100): markdown-it rescans a run of unclosed
// `![` or `[` up to this depth from each one, so 1 MB of `![` took 7.6 s at 100 and 2 s at 20.
const MAX_NESTING = 20
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, maxNesting: MAX_NESTING })
// Code spends the deck's highlighting budget, which comes with each render's env.
const fence = md.renderer.rules.fence!
md.renderer.rules.fence = (tokens, i, options, env, self) =>
  fence(tokens, i, { ...options, highlight: (code, lang) => highlightCode(code, lang, (env as unknown as RenderEnv).codeBudget) }, env, self)
// The link guard reports unsafe URLs as diagnostics instead of silently dropping them, so every
// URL must reach it: markdown-it's own validateLink would turn them into plain text first.
md.validateLink = () => true
md.core.ruler.push('updeck_link_guard', linkGuard)
// At the nesting limit markdown-it drops the rest of the block (lists deeper than 9 levels): say so.
md.core.ruler.push('updeck_nesting', (state) => {
  const deepest = state.tokens.find((t) => t.nesting === 1 && t.level >= MAX_NESTING - 1)
  const env = state.env as unknown as RenderEnv
  if (deepest) env.warn(deepest.map ?? [0, 0], '', 'lists or quotes nest too deep here: the deepest part is not shown; use at most 9 list levels')
})
// Links open in a new tab so the deck stays where it is during the meeting.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options))
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  const href = String(tokens[i]!.attrGet('href') ?? '')
  if (/^(https?:)?\/\//i.test(href)) {
    tokens[i]!.attrSet('rel', 'noopener noreferrer')
    tokens[i]!.attrSet('target', '_blank')
  }
  return defaultLinkOpen(tokens, i, options, env, self)
}

export function renderMarkdown(text: string, env: RenderEnv): string {
  return md.render(text, env as unknown as Record<string, unknown>)
}
