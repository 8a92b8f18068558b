// A project with half a year of meetings for the editorial plan: the example decks plus past and
// future ones, a `departments` list with a department never visited, and an audience not on it.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { tempProject } from './temp-project.ts'
import { ROOT } from './site.ts'

export const PLAN_DEPARTMENTS = ['Vertrieb', 'Personal', 'Engineering', 'Einkauf', 'Marketing']

/** [file under decks/, title, date, audience, number of tasks] */
export const PLAN_DECKS: [string, string, string, string, number][] = [
  ['vertrieb/2026-07-02-auftakt.md', 'Social Media im Vertrieb – Auftakt', '2026-07-02', 'Vertrieb', 3],
  ['vertrieb/2026-10-01-messe.md', 'Messe-Nachlese auf LinkedIn', '2026-10-01', 'Vertrieb', 2],
  ['vertrieb/2027-02-04-update.md', 'Vertrieb: Update Februar', '2027-02-04', 'Vertrieb', 4],
  ['personal/2026-09-10-start.md', 'Employer Branding – Start', '2026-09-10', 'personal ', 2],
  ['einkauf/2026-10-08-lieferanten.md', 'Lieferanten auf XING', '2026-10-08', 'Einkauf', 1],
  ['gf/2026-11-20-strategie.md', 'Strategie 2027 für alle Kanäle', '2026-11-20', 'Geschäftsführung', 2],
  ['einkauf/2026-03-12-alt.md', 'Vor dem Plan: März', '2026-03-12', 'Einkauf', 1],
]

const deckText = ([, title, date, audience, tasks]: (typeof PLAN_DECKS)[number]) => {
  const homework = Array.from({ length: tasks }, (_, i) => `  - { kind: follow, title: Aufgabe ${i + 1}, url: "https://example.com/${i + 1}" }`).join('\n')
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\naudience: ${JSON.stringify(audience)}\nhomework:\n${homework}\n---\n\n# ${title}\n`
}

/** A temporary project: decks/ from the repo plus PLAN_DECKS, and a vite.config.ts with `departments`. */
export function planProject(options: { lang?: 'de' | 'en'; siteUrl?: string } = {}): { root: string; decksDir: string } {
  const project = tempProject()
  cpSync(join(ROOT, 'decks'), project.decksDir, { recursive: true })
  for (const deck of PLAN_DECKS) {
    const path = join(project.decksDir, deck[0])
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, deckText(deck), { flag: 'wx' })
  }
  const site = { organisation: 'Muster Maschinenbau GmbH', lang: options.lang ?? 'de', departments: PLAN_DEPARTMENTS, ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}) }
  // No `import from 'vite'`: the temporary folder has no node_modules; the plugin comes from this repo.
  writeFileSync(join(project.root, 'vite.config.ts'), `import { updeck } from ${JSON.stringify(join(ROOT, 'src/index.ts'))}\nexport default { plugins: [updeck(${JSON.stringify(site)})] }\n`)
  return project
}
