// parseFrontmatter: what the index needs of a deck file, and cheaply: parseDeck's checks of the file
// and its frontmatter (YAML, zod, theme, slides present) without the homework fit, which sizes every
// task's QR code (the most costly part of a parse). The dev server lists decks with it at start and
// runs parseDeck on a deck when its pages are asked for, or soon after start for all.
import type { HomeworkTask } from './frontmatter.ts'
import { Frontmatter } from './frontmatter.ts'
import type { Deck, Diagnostic } from './model.ts'
import type { ParseContext } from './parse-deck.ts'
import { parseYaml } from './parse-yaml.ts'
import { deckSlug } from './slug.ts'
import { splitDeck } from './split-deck.ts'
import { locateIssue, type Located } from './yaml-issues.ts'
import { presenterMessages } from './zod-messages.ts'

/** A deck as its frontmatter gives it: its tasks as written (or the site's defaultHomework), not yet sized. */
export interface DeckHead {
  file: string
  slug: string
  meta: Deck['meta']
  homework: readonly HomeworkTask[]
}

export interface FrontmatterResult {
  head?: DeckHead
  /** parseDeck's diagnostics of the same text, except those of the homework fit (resolveTasks). */
  diagnostics: Diagnostic[]
}

/** The same checks, in the same order and with the same messages, as parseDeck up to its homework. */
export function parseFrontmatter(text: string, file: string, ctx: ParseContext): FrontmatterResult {
  const diagnostics: Diagnostic[] = []
  const report = (at: Located, lineOffset = 0) =>
    diagnostics.push({ file, line: at.line + lineOffset, col: at.col, field: at.field, message: at.message, severity: 'error' })

  if (text.trim() === '') {
    report({ line: 1, col: 1, field: '', message: 'the file is empty: start with frontmatter (title, date, audience) between two lines ---' })
    return { diagnostics }
  }
  const split = splitDeck(text)
  if (!('yaml' in split)) {
    report({ ...split, field: '' })
    return { diagnostics }
  }
  const offset = split.yamlLine - 1
  const yaml = parseYaml(split.yaml)
  yaml.errors.forEach((e) => report(e, offset))
  if (yaml.errors.length) return { diagnostics }
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    report({ line: 1, col: 1, field: '', message: 'the frontmatter must be fields like title: …, date: …, audience: …' })
    return { diagnostics }
  }
  const parsed = Frontmatter.safeParse(yaml.data, { error: presenterMessages })
  const theme = (yaml.data as { theme?: unknown }).theme ?? 'default'
  if (typeof theme === 'string' && !ctx.themes.includes(theme)) {
    const [at] = locateIssue(yaml, { code: 'custom', path: ['theme'], message: '', input: undefined })
    report({ line: at!.line + offset, col: at!.col, field: 'theme', message: `unknown theme "${theme}": use one of ${ctx.themes.join(', ')}` })
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) locateIssue(yaml, issue).forEach((at) => report(at, offset))
    diagnostics.sort((a, b) => a.line - b.line || a.col - b.col)
    return { diagnostics }
  }
  if (split.slides.length === 0) {
    report({ line: split.yamlLine + split.yaml.split('\n').length, col: 1, field: '', message: 'the deck has no slides: write at least one slide after the frontmatter' })
  }
  if (diagnostics.length) return { diagnostics }
  const { homework, lang, presenter, ...meta } = parsed.data
  const head: DeckHead = {
    file,
    slug: deckSlug(file),
    meta: { ...meta, lang: lang ?? ctx.site.lang, presenter: presenter ?? ctx.site.presenter },
    homework: homework?.length ? homework : ctx.site.defaultHomework,
  }
  return { head, diagnostics }
}
