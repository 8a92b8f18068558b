// The one markdown-it instance: raw HTML escaped, links and images guarded, code highlighted.
import MarkdownIt from 'markdown-it'
import { highlightCode } from './highlight.ts'
import { footnoteWarning } from './footnote-warning.ts'
import { linkGuard } from './link-guard.ts'
import { guardNesting } from './nesting-guard.ts'
import { recordDefinitionLines, type Definition, type DefinitionEnv } from './references.ts'
import type { RenderEnv } from './env.ts'

export type { Lines, RenderEnv } from './env.ts'
export { ASSET_MARKER, replaceImageMarkers, unsafeLinkMessage } from './link-guard.ts'
export { HIGHLIGHT_BUDGET } from './highlight.ts'
export type { Definition } from './references.ts'

const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
// Code spends the deck's highlighting budget, which comes with each render's env.
const fence = md.renderer.rules.fence!
md.renderer.rules.fence = (tokens, i, options, env, self) =>
  fence(tokens, i, { ...options, highlight: (code, lang) => highlightCode(code, lang, (env as unknown as RenderEnv).codeBudget) }, env, self)
// The link guard reports unsafe URLs as diagnostics instead of silently dropping them, so every
// URL must reach it: markdown-it's own validateLink would turn them into plain text first.
md.validateLink = () => true
md.core.ruler.push('updeck_link_guard', linkGuard)
md.core.ruler.push('updeck_footnote_warning', footnoteWarning)
guardNesting(md)
recordDefinitionLines(md)
// Links open in a new tab so the deck stays where it is during the meeting.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options))
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  const href = String(tokens[i]!.attrGet('href') ?? '')
  if (/^(https?:)?\/\//i.test(href)) {
    tokens[i]!.attrSet('rel', 'noopener noreferrer')
    tokens[i]!.attrSet('target', '_blank')
    const link = (env as unknown as RenderEnv).link
    if (link && /^https?:/i.test(href)) tokens[i]!.attrSet('href', link(href))
  }
  return defaultLinkOpen(tokens, i, options, env, self)
}

export function renderMarkdown(text: string, env: RenderEnv): string {
  return md.render(text, env as unknown as Record<string, unknown>)
}

/** The reference definitions in `text` (first one per label wins), by markdown-it's label key. */
export function referenceDefinitions(text: string): Map<string, Definition> {
  if (!text.includes(']:')) return new Map() // most slides define nothing: skip the parse
  const env: DefinitionEnv = { references: {}, definitionLines: new Map() }
  // The block parser alone finds definitions; the text is normalised as markdown-it's core does.
  md.block.parse(text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'), md, env, [])
  return new Map(Object.entries(env.references).map(([label, ref]) => [label, { ...ref, line: env.definitionLines!.get(label) ?? 0 }]))
}
