// Code highlighting at build time with highlight.js, so no highlighter ships to the browser.
import hljs from 'highlight.js/lib/common'
import { escapeHtml } from '../escape-html.ts'

export function highlightCode(code: string, lang: string): string {
  const language = lang.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
  if (language && hljs.getLanguage(language)) {
    return hljs.highlight(code, { language, ignoreIllegals: true }).value
  }
  return escapeHtml(code)
}
