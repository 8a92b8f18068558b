// parseDeck: a deck file's text → a validated Deck, or the diagnostics that say what to fix.
import type { SiteConfig } from './frontmatter.ts'
import type { Deck, Diagnostic } from './model.ts'
import { errorAt, locate, readFrontmatter } from './parse-frontmatter.ts'
import { resolveTasks } from './resolve-tasks.ts'
import { deckSlug } from './slug.ts'

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
  const { diagnostics, read } = readFrontmatter(text, file, ctx)
  if (!read) return { diagnostics }
  const { fm, split, yaml, offset } = read
  const slug = deckSlug(file)
  const tasks = resolveTasks(fm.homework, ctx.site, (path) => locate(yaml, path, offset), slug)
  tasks.problems.forEach((p) => diagnostics.push(errorAt(file, p)))
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
