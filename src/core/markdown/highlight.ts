// Code highlighting at build time with highlight.js, so no highlighter ships to the browser.
import core from 'highlight.js/lib/core'
import type { HLJSApi, Language } from 'highlight.js'
import { escapeHtml } from '../escape-html.ts'
import { remember } from '../remember.ts'
import { COMMON_LANGUAGES } from './highlight-languages.ts'

/** A language's name or alias, in lower case → its name. */
const NAMES = new Map(Object.entries(COMMON_LANGUAGES).flatMap(([name, { aliases }]) => [[name, name], ...aliases.map((alias) => [alias, name] as const)]))

/**
 * highlight.js with the languages of lib/common, each registered on first use, and before it every
 * language it embeds (`subLanguage`, such as CSS and JavaScript in HTML): highlight.js shows embedded
 * code of a language it does not know as plain text. Returns undefined for a language it does not know.
 */
export function commonHighlighter(hljs: HLJSApi = core.newInstance()): (code: string, lang: string) => string | undefined {
  const registered = new Set<string>()
  const register = (name: string): void => {
    if (registered.has(name)) return
    registered.add(name)
    hljs.registerLanguage(name, COMMON_LANGUAGES[name]!.define)
    for (const embedded of subLanguages(hljs.getLanguage(name)!)) {
      const known = NAMES.get(embedded.toLowerCase())
      if (known) register(known)
    }
  }
  return (code, lang) => {
    const name = NAMES.get(lang.toLowerCase())
    if (!name) return undefined
    register(name)
    return hljs.highlight(code, { language: name, ignoreIllegals: true }).value
  }
}

/** Every `subLanguage` named anywhere in a language's modes. */
function subLanguages(language: Language): string[] {
  const found = new Set<string>()
  const seen = new Set<object>()
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object' || seen.has(value)) return
    seen.add(value)
    const sub = (value as { subLanguage?: string | string[] }).subLanguage
    if (sub) for (const name of [sub].flat()) found.add(name)
    for (const child of Object.values(value)) visit(child)
  }
  visit(language)
  return [...found]
}

const highlight = commonHighlighter()

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
  if (NAMES.has(language) && cost <= budget.left) {
    budget.left -= cost
    return highlighted(code, language)
  }
  return escapeHtml(code)
}

/**
 * Highlighted blocks by language and code. The same update goes to several departments, so decks
 * repeat their code blocks (a prepared post, a snippet); highlighting one costs about half a
 * millisecond, a look-up nothing. Up to 256 blocks are kept.
 */
const blocks = new Map<string, string>()

const highlighted = (code: string, language: string): string => remember(blocks, 256, `${language}\n${code}`, () => highlight(code, language)!)
