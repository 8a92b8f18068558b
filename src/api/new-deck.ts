// newDeck(): a new deck from the template; never overwrites.
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { deckTemplate, newDeckFile, parseNewDeck, type NewDeck } from '../core/deck-template.ts'
import { loadSiteSettings } from '../vite/site-settings.ts'
import { siteClock } from '../io/clock.ts'
import type { CommonOptions } from './options.ts'

export interface NewDeckOptions extends Partial<NewDeck>, Pick<CommonOptions, 'root' | 'decksDir'> {
  title: string
  audience: string
}

/**
 * Writes decks/<date>-<slug>.md and returns its path; throws with code EEXIST if it exists, and
 * with `problems` (one per option, nothing written) if an option would make a deck `check` refuses.
 * @example await newDeck({ title: 'Update Dezember', audience: 'Vertrieb' })
 */
export async function newDeck(options: NewDeckOptions): Promise<string> {
  const root = resolve(options.root ?? process.cwd())
  const { site } = await loadSiteSettings(root)
  const decksDir = resolve(root, options.decksDir ?? site.decksDir)
  const parsed = parseNewDeck({
    title: options.title,
    audience: options.audience,
    date: options.date ?? siteClock().today,
    lang: options.lang ?? site.lang,
    presenter: options.presenter ?? site.presenter,
  })
  if ('problems' in parsed) {
    const message = parsed.problems.map((p) => `${p.option}: ${p.message}`).join('\n')
    throw Object.assign(new Error(message), { problems: parsed.problems })
  }
  const deck: NewDeck = parsed.deck
  const path = join(decksDir, newDeckFile(deck))
  await mkdir(decksDir, { recursive: true })
  await writeFile(path, deckTemplate(deck), { flag: 'wx' })
  return path
}
