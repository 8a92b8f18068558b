// The public API of updeck: build(), check(), newDeck(), dev() and the updeck() vite plugin.
import { writeFile, mkdir } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { build as viteBuild, createServer, type ViteDevServer } from 'vite'
import { deckTemplate, newDeckFile, type NewDeck } from './core/deck-template.ts'
import { hasErrors } from './core/diagnostic.ts'
import type { Diagnostic } from './core/model.ts'
import { estimateSeconds } from './core/time-budget.ts'
import { loadDecks } from './io/load-decks.ts'
import { configFilePath, loadSiteConfig } from './io/site-config.ts'
import { discard, stagingDir, swapIn } from './io/swap-out.ts'
import { listThemes } from './io/themes.ts'

import { updeck } from './vite/index.ts'

export { updeck }
export type { UpdeckOptions } from './vite/index.ts'
export { formatDiagnostic } from './core/diagnostic.ts'
export type { Diagnostic } from './core/model.ts'

export interface CommonOptions {
  /** Project root holding vite.config.ts and themes/. @default process.cwd() */
  root?: string
  /** Decks folder. @default the plugin's decksDir ('decks') */
  decksDir?: string
  /** Pins "today" (YYYY-MM-DD) for upcoming vs past. @default the local date */
  today?: string
}

export interface BuildOptions extends CommonOptions {
  /** @default 'dist' */
  outDir?: string
  /** Base path the site is served under, e.g. /intern/decks/. @default '/' */
  base?: string
}

export interface BuildResult {
  ok: boolean
  diagnostics: Diagnostic[]
  outDir: string
}

/**
 * Builds the static site into a staging folder and swaps it over `outDir` only on success.
 * @example const { ok, diagnostics } = await build({ outDir: 'public' })
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? process.cwd())
  const outDir = resolve(root, options.outDir ?? 'dist')
  const site = await loadSiteConfig(root)
  const decksDir = resolve(root, options.decksDir ?? site.decksDir)
  if (outDir === decksDir || outDir.startsWith(decksDir + sep) || decksDir.startsWith(outDir + sep)) {
    throw new Error(`the output folder ${relative(root, outDir) || '.'} must not contain or be inside the decks folder`)
  }
  const staged = await stagingDir(outDir)
  const report = { diagnostics: [] as Diagnostic[] }
  try {
    await viteBuild({
      root,
      ...viteConfigFile(root),
      base: normaliseBase(options.base ?? '/'),
      logLevel: 'silent',
      build: { outDir: staged, emptyOutDir: true },
      updeck: { decksDir, report, ...(options.today ? { today: options.today } : {}) },
    })
  } catch (error) {
    await discard(staged)
    if (hasErrors(report.diagnostics)) return { ok: false, diagnostics: report.diagnostics, outDir }
    throw error
  }
  await swapIn(staged, outDir)
  return { ok: true, diagnostics: report.diagnostics, outDir }
}

/** The project's vite.config.ts, or the plugin with default settings when there is none. */
function viteConfigFile(root: string): { configFile: string } | { configFile: false; plugins: ReturnType<typeof updeck> } {
  const file = configFilePath(root)
  return file ? { configFile: file } : { configFile: false, plugins: updeck() }
}

function normaliseBase(base: string): string {
  if (base === '.' || base === './' || base === '') return './'
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
}

export interface DeckSummary {
  file: string
  slug: string
  date: string
  audience: string
  slides: number
  /** Estimated speaking time in seconds, homework slide included. */
  seconds: number
  /** The deck's duration in seconds. */
  budget: number
  tasks: number
}

export interface CheckResult {
  diagnostics: Diagnostic[]
  decks: DeckSummary[]
  /** Relative path of the decks folder, as messages name it. */
  decksLabel: string
}

/** Validates every deck and estimates its speaking time; writes nothing. */
export async function check(options: CommonOptions = {}): Promise<CheckResult> {
  const root = resolve(options.root ?? process.cwd())
  const site = await loadSiteConfig(root)
  const decksDir = resolve(root, options.decksDir ?? site.decksDir)
  const loaded = await loadDecks({ decksDir, themes: listThemes(join(root, 'themes')), site })
  const decks = loaded.decks.map(({ deck, rendered }) => ({
    file: deck.file,
    slug: deck.slug,
    date: deck.meta.date,
    audience: deck.meta.audience,
    slides: deck.slides.length + 1,
    seconds: estimateSeconds(rendered.slides, site.wordsPerMinute),
    budget: deck.meta.duration * 60,
    tasks: deck.homework.length,
  }))
  const overTime = loaded.decks.flatMap(({ deck }, i): Diagnostic[] => {
    const { seconds, budget } = decks[i]!
    if (seconds <= budget) return []
    const message = `the estimate of ${clock(seconds)} is over the ${deck.meta.duration} minutes: cut words from slides or notes, or raise duration`
    return [{ file: deck.file, ...deck.durationAt, field: 'duration', message, severity: 'warning' }]
  })
  return { diagnostics: [...loaded.diagnostics, ...overTime], decks, decksLabel: relative(root, decksDir) || '.' }
}

/** 645 → "10:45" */
export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

export interface NewDeckOptions extends Partial<NewDeck>, Pick<CommonOptions, 'root' | 'decksDir'> {
  title: string
  audience: string
}

/** Writes a new deck from the template; never overwrites (throws with code EEXIST). */
export async function newDeck(options: NewDeckOptions): Promise<string> {
  const root = resolve(options.root ?? process.cwd())
  const site = await loadSiteConfig(root)
  const decksDir = resolve(root, options.decksDir ?? site.decksDir)
  const deck: NewDeck = {
    title: options.title,
    audience: options.audience,
    date: options.date ?? new Date().toISOString().slice(0, 10),
    lang: options.lang ?? site.lang,
    presenter: options.presenter ?? site.presenter,
  }
  const path = join(decksDir, newDeckFile(deck))
  await mkdir(decksDir, { recursive: true })
  await writeFile(path, deckTemplate(deck), { flag: 'wx' })
  return path
}

/** Starts the dev server on 127.0.0.1. */
export async function dev(options: CommonOptions & { port?: number; base?: string } = {}): Promise<ViteDevServer> {
  const root = resolve(options.root ?? process.cwd())
  const server = await createServer({
    root,
    ...viteConfigFile(root),
    base: normaliseBase(options.base ?? '/'),
    server: { host: '127.0.0.1', ...(options.port ? { port: options.port } : {}) },
    updeck: { ...(options.decksDir ? { decksDir: resolve(root, options.decksDir) } : {}), ...(options.today ? { today: options.today } : {}) },
  })
  await server.listen()
  return server
}
