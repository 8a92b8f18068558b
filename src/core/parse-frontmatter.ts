// The first half of a parse: a deck file's text → its checked frontmatter (YAML, zod, theme, slides
// present). parseDeck goes on with the homework fit, which sizes every task's QR code (the most
// costly part of a parse); parseFrontmatter stops here, with what the index needs. The dev server
// lists decks with it at start and runs parseDeck on a deck when its pages are asked for, or soon
// after start for all.
import type { Frontmatter, HomeworkTask } from './frontmatter.ts'
import { Frontmatter as FrontmatterSchema } from './frontmatter.ts'
import type { Deck, Diagnostic } from './model.ts'
import type { ParseContext } from './parse-deck.ts'
import { parseYaml, type ParsedYaml } from './parse-yaml.ts'
import { deckSlug } from './slug.ts'
import { splitDeck, type SplitDeck } from './split-deck.ts'
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

/** The frontmatter read and checked, with what points into it; `read` is missing when it is unusable. */
export interface FrontmatterRead {
  diagnostics: Diagnostic[]
  read?: { fm: Frontmatter; split: SplitDeck; yaml: ParsedYaml; offset: number }
}

/** An error at `at`, whose line counts from the frontmatter's first line when `offset` is given. */
export function errorAt(file: string, at: Located, offset = 0): Diagnostic {
  return { file, line: at.line + offset, col: at.col, field: at.field, message: at.message, severity: 'error' }
}

/** Where the value at `path` of the frontmatter starts, as a line of the deck file. */
export function locate(yaml: ParsedYaml, path: (string | number)[], offset: number): { line: number; col: number } {
  const [at] = locateIssue(yaml, { code: 'custom', path, message: '', input: undefined })
  return { line: at!.line + offset, col: at!.col }
}

/** The checks both parses share, in this order: file, frontmatter block, YAML, zod and theme, slides. */
export function readFrontmatter(text: string, file: string, ctx: ParseContext): FrontmatterRead {
  const diagnostics: Diagnostic[] = []
  const report = (at: Located, offset = 0) => diagnostics.push(errorAt(file, at, offset))

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
  const parsed = FrontmatterSchema.safeParse(yaml.data, { error: presenterMessages })
  const theme = (yaml.data as { theme?: unknown }).theme ?? 'default'
  if (typeof theme === 'string' && !ctx.themes.includes(theme)) {
    report({ ...locate(yaml, ['theme'], offset), field: 'theme', message: `unknown theme "${theme}": use one of ${ctx.themes.join(', ')}` })
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) locateIssue(yaml, issue).forEach((at) => report(at, offset))
    diagnostics.sort((a, b) => a.line - b.line || a.col - b.col)
    return { diagnostics }
  }
  if (split.slides.length === 0) {
    report({ line: split.yamlLine + split.yaml.split('\n').length, col: 1, field: '', message: 'the deck has no slides: write at least one slide after the frontmatter' })
  }
  return { diagnostics, read: { fm: parsed.data, split, yaml, offset } }
}

/** The deck's head, or the problems parseDeck would report of its frontmatter. */
export function parseFrontmatter(text: string, file: string, ctx: ParseContext): FrontmatterResult {
  const { diagnostics, read } = readFrontmatter(text, file, ctx)
  if (!read || diagnostics.length) return { diagnostics }
  const { homework, lang, presenter, ...meta } = read.fm
  const head: DeckHead = {
    file,
    slug: deckSlug(file),
    meta: { ...meta, lang: lang ?? ctx.site.lang, presenter: presenter ?? ctx.site.presenter },
    homework: homework?.length ? homework : ctx.site.defaultHomework,
  }
  return { head, diagnostics }
}
