// Code highlighting at build time with highlight.js, so no highlighter ships to the browser.
import hljs from 'highlight.js/lib/common'
import { escapeHtml } from '../escape-html.ts'

/**
 * highlight.js's patterns can take time quadratic in a block's length on odd input (16 KB of
 * `$abc…` lines as Java: 5.6 s; 40 KB of `a` as JavaScript: 33 s). So a deck gets a budget in
 * characters squared, far above what its slides can show (one 4 KB block, sixteen of 1 KB, …);
 * code past it is shown plain.
 */
export const HIGHLIGHT_BUDGET = 4096 ** 2

export function highlightCode(code: string, lang: string, budget: { left: number }): string {
  const language = lang.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
  const cost = code.length ** 2
  if (language && hljs.getLanguage(language) && cost <= budget.left) {
    budget.left -= cost
    return hljs.highlight(code, { language, ignoreIllegals: true }).value
  }
  return escapeHtml(code)
}
