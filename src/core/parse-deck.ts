// parseDeck: a deck file's text → a validated Deck, or the diagnostics that say what to fix.
import { Frontmatter, type SiteConfig } from './frontmatter.ts'
import type { Deck, Diagnostic } from './model.ts'
import { deckSlug } from './slug.ts'
import { splitDeck } from './split-deck.ts'
import { resolveTasks } from './resolve-tasks.ts'
import { parseYaml } from './parse-yaml.ts'
import { locateIssue, type Located } from './yaml-issues.ts'
import { presenterMessages } from './zod-messages.ts'

export interface ParseContext {
  /** Names of the folders under themes/. */
  themes: readonly string[]
  site: SiteConfig
}

export interface ParseResult {
  deck?: Deck
  diagnostics: Diagnostic[]
}

export function parseDeck(text: string, file: string, ctx: ParseContext): ParseResult {
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
    report({ ...locate(yaml, ['theme'], offset), field: 'theme', message: `unknown theme "${theme}": use one of ${ctx.themes.join(', ')}` })
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) locateIssue(yaml, issue).forEach((at) => report(at, offset))
    diagnostics.sort((a, b) => a.line - b.line || a.col - b.col)
    return { diagnostics }
  }
  const fm = parsed.data
  if (split.slides.length === 0) {
    report({ line: split.yamlLine + split.yaml.split('\n').length, col: 1, field: '', message: 'the deck has no slides: write at least one slide after the frontmatter' })
  }

  const slug = deckSlug(file)
  const tasks = resolveTasks(fm.homework, ctx.site, (path) => locate(yaml, path, offset), slug)
  tasks.problems.forEach((p) => report(p))
  if (diagnostics.length) return { diagnostics }
  for (const n of tasks.notices) diagnostics.push({ file, line: n.line, col: n.col, field: n.field, message: n.message, severity: 'notice' })

  const { homework: _h, lang, presenter, ...meta } = fm
  const deck: Deck = {
    file,
    slug,
    meta: { ...meta, lang: lang ?? ctx.site.lang, presenter: presenter ?? ctx.site.presenter },
    slides: split.slides,
    homework: tasks.tasks,
    durationAt: locate(yaml, ['duration'], offset),
    defaultHomework: fm.homework === undefined || fm.homework.length === 0,
  }
  return { deck, diagnostics }
}

function locate(yaml: ReturnType<typeof parseYaml>, path: (string | number)[], offset: number): { line: number; col: number } {
  const [at] = locateIssue(yaml, { code: 'custom', path, message: '', input: undefined })
  return { line: at!.line + offset, col: at!.col }
}
