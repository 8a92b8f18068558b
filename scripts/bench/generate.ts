// Writes N realistic German decks into a folder, the same bytes for the same N and seed.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** mulberry32: a small seeded PRNG, so every run benchmarks identical decks. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1))
const shuffle = <T>(r: Random, list: readonly T[]): T[] => {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const AUDIENCES = ['Vertrieb', 'Personal', 'Einkauf', 'Produktion', 'Geschäftsführung', 'Qualitätssicherung', 'Kundendienst', 'Forschung & Entwicklung'] as const
const PRESENTERS = ['Jana Hoffmann', 'Meike Leopold', 'Jörg Schäfer', 'Özlem Kaya', 'Björn Weiß'] as const
const THEMES = ['default', 'corporate', 'dark'] as const
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'] as const
const TOPICS = ['Social Media', 'Employer Branding', 'Corporate Blog', 'LinkedIn-Strategie', 'Xing-Profile', 'Messeauftritt', 'Kundenstimmen'] as const
const HEADINGS = ['Was sich seit dem letzten Treffen getan hat', 'Unsere Reichweite wächst', 'Was Kunden anklicken', 'So sieht ein guter Beitrag aus', 'Ihr Profil ist Ihre Visitenkarte', 'Drei Zahlen, die zählen', 'Wie Sie in fünf Minuten helfen können', 'Nächste Schritte für das Quartal', 'Beiträge, die gut liefen', 'Fragen aus der letzten Runde'] as const
const SUBJECTS = ['Unser Team', 'Die Geschäftsführung', 'Jede Kollegin und jeder Kollege', 'Der Vertrieb', 'Unsere Ausbildungsabteilung', 'Das Marketing', 'Die Montage in Görlitz'] as const
const VERBS = ['erreicht', 'überzeugt', 'gewinnt', 'begeistert', 'unterstützt', 'informiert', 'stärkt'] as const
const OBJECTS = ['neue Fachkräfte', 'Einkäufer aus der DACH-Region', 'Bewerberinnen und Bewerber', 'bestehende Kunden', 'Partner im Mittelstand', 'Studierende an der Hochschule', 'Produktionsleiter in Süddeutschland'] as const
const ENDINGS = ['über LinkedIn', 'mit kurzen Videos aus der Fertigung', 'durch geteilte Beiträge', 'auf Xing und im Firmenblog', 'mit echten Kundenprojekten', 'ganz ohne Werbebudget', 'schon vor dem ersten Gespräch'] as const
const CODE_SAMPLES = [
  ['text', 'Neue Verpackungslinie für Bäckerei Beispiel KG in Betrieb!\n120 Kartons pro Minute, Formatwechsel in unter 10 Minuten.\nDanke an das Team aus Montage und Vertrieb.\nMehr dazu: https://example.com/t/42'],
  ['json', '{\n  "kanal": "LinkedIn",\n  "beiträge": 14,\n  "impressionen": 28400,\n  "klickrate": 0.043\n}'],
  ['ts', "const beitrag = { titel: 'Tag der offenen Tür', kanal: 'Xing', geplant: '2027-03-14' }\nconsole.log(`${beitrag.titel} auf ${beitrag.kanal}`)"],
] as const

function sentence(r: Random): string {
  return `${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, OBJECTS)} ${pick(r, ENDINGS)}.`
}

function notes(r: Random): string {
  return Array.from({ length: int(r, 3, 6) }, () => sentence(r)).join(' ')
}

function table(r: Random): string {
  const rows = Array.from({ length: int(r, 3, 6) }, () => {
    const views = int(r, 1500, 25000)
    return `| ${pick(r, ['Kundenprojekt mit Video', 'Messe-Ankündigung', 'Stellenanzeige', 'Produktdatenblatt', 'Blick hinter die Kulissen', 'Glückwunsch zum Jubiläum'])} | ${String(views).replace(/\B(?=(\d{3})+$)/g, '.')} | ${int(r, 20, 900)} | ${int(r, 0, 9)} |`
  })
  return ['| Beitragstyp | Impressionen | Klicks | Anfragen |', '|---|---:|---:|---:|', ...rows].join('\n')
}

/** A small bar chart: one image per deck, as a presenter would export from a spreadsheet. */
function chartSvg(r: Random): string {
  const bars = Array.from({ length: 4 }, (_, i) => {
    const h = int(r, 40, 180)
    return `<rect x="${30 + i * 70}" y="${200 - h}" width="50" height="${h}" fill="#2a6f97"/><text x="${55 + i * 70}" y="218" font-size="12" text-anchor="middle">Q${i + 1}</text>`
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="230" viewBox="0 0 320 230"><rect width="320" height="230" fill="#fff"/>${bars.join('')}</svg>\n`
}

const SLUGS = ['tag-der-offenen-tuer', 'neue-verpackungslinie', 'ausbildung-2027', 'messe-logimat', 'kundenprojekt-baeckerei', 'jubilaeum-25-jahre', 'werk-goerlitz'] as const

/** What a presenter links to: profiles, company pages, blog posts and news with readable slugs. */
function taskUrl(r: Random, kind: 'profile' | 'account' | 'blog' | 'follow' | 'link', index: number): string {
  switch (kind) {
    case 'profile':
      return pick(r, ['https://www.xing.com/profile', 'https://www.linkedin.com/in/', 'https://www.xing.com/settings/profile'])
    case 'account':
      return pick(r, ['https://www.linkedin.com/signup', 'https://login.xing.com/signup', 'https://mastodon.social/auth/sign_up'])
    case 'follow':
      return pick(r, ['https://www.linkedin.com/company/muster-maschinenbau-gmbh', 'https://www.xing.com/pages/muster-maschinenbau-gmbh', 'https://mastodon.social/@muster'])
    case 'blog':
      return `https://example.com/blog/${pick(r, SLUGS)}-${index}`
    case 'link':
      return `https://example.com/intranet/umfrage/${pick(r, SLUGS)}?id=${index}`
  }
}

/** A sentence to share of `min`..`max` characters, as a social media manager would prepare it. */
function shareText(r: Random, min: number, max: number): string {
  let text = sentence(r)
  while (text.length < min) text = `${text} ${sentence(r)}`
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}

/**
 * 1–6 tasks of varied kinds. About 40 % of decks share a company post with a prepared sentence of
 * 100–200 characters (the "click to tweet" of internal social media programmes); with X and
 * Mastodon the sentence is part of the code, and on a full slide such a code is forwarded through
 * the site (the benchmark builds with a site address).
 */
function homework(r: Random, index: number, date: string): string[] {
  const count = int(r, 1, 6)
  const longShare = r() < 0.4 ? int(r, 0, count - 1) : -1
  const lines: string[] = ['homework:']
  for (let t = 0; t < count; t++) {
    const due = r() < 0.4 ? [`    due: ${date.slice(0, 8)}${String(int(r, 10, 28)).padStart(2, '0')}`] : []
    const details = r() < 0.5 ? ['    details: |', `      - **Warum:** ${sentence(r)}`, `      - *Dauer:* etwa ${int(r, 2, 15)} Minuten`] : []
    const kind = t === longShare ? 'share' : pick(r, ['profile', 'account', 'blog', 'follow', 'link', 'share'] as const)
    if (kind === 'share') {
      const network = pick(r, ['linkedin', 'xing', 'x', 'mastodon'] as const)
      const text = t === longShare ? shareText(r, 100, 200) : pick(r, ['Neu im Blog!', 'Wir stellen ein!', 'Schön war’s!'])
      const url = `https://example.com/news/${date.slice(0, 4)}/${pick(r, SLUGS)}-${index}`
      lines.push('  - kind: share', `    network: ${network}`, `    title: Beitrag auf ${network === 'x' ? 'X' : network[0]!.toUpperCase() + network.slice(1)} teilen`, `    text: ${JSON.stringify(text)}`, `    url: ${url}`)
    } else {
      const titles = { profile: 'Xing-Profil aktualisieren', account: 'LinkedIn-Konto anlegen', blog: 'Beitrag für den Blog schreiben', follow: 'Unserer Seite folgen', link: 'Umfrage ausfüllen' }
      lines.push(`  - kind: ${kind}`, `    title: ${titles[kind]}`, `    url: ${taskUrl(r, kind, index * 10 + t)}`)
    }
    lines.push(...details, ...due)
  }
  return lines
}

export interface GeneratedDeck {
  /** Path relative to the decks folder. */
  file: string
  text: string
  image: { file: string; svg: string }
}

export function generateDeck(index: number, seed = 20261203): GeneratedDeck {
  const r = prng(seed + index * 7919)
  const audience = pick(r, AUDIENCES)
  const folder = audience.toLowerCase().replace(/ & /g, '-').replace(/ä/g, 'ae').replace(/ü/g, 'ue').replace(/ö/g, 'oe').replace(/ß/g, 'ss').replace(/\s+/g, '-')
  const month = int(r, 1, 12)
  const date = `${2026 + (index % 2)}-${String(month).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`
  const name = `${date}-update-${String(index).padStart(4, '0')}`
  const image = { file: `${folder}/img/${name}.svg`, svg: chartSvg(r) }
  const headings = shuffle(r, HEADINGS).slice(0, 4)
  const code = pick(r, CODE_SAMPLES)
  const frontmatter = [
    '---',
    `title: ${pick(r, TOPICS)} – Update ${MONTHS[month - 1]} (${index + 1})`,
    `date: ${date}`,
    `audience: ${audience}`,
    `presenter: ${pick(r, PRESENTERS)}`,
    `duration: ${pick(r, [5, 5, 10, 15])}`,
    `lang: de`,
    `theme: ${pick(r, THEMES)}`,
    ...homework(r, index, date),
    '---',
  ]
  const slides = [
    `# ${pick(r, TOPICS)} bei uns\n\n**Update ${MONTHS[month - 1]}** · Muster Maschinenbau GmbH\n\n- ${sentence(r)}\n- ${sentence(r)}\n- ${sentence(r)}`,
    `# ${headings[0]}\n\n![Balkendiagramm: Reichweite pro Quartal](img/${name}.svg)`,
    `# ${headings[1]}\n\n${table(r)}`,
    `# ${headings[2]}\n\n\`\`\`${code[0]}\n${code[1]}\n\`\`\``,
    `# ${headings[3]}\n\n${sentence(r)} ${sentence(r)}\n\n1. ${sentence(r)}\n2. ${sentence(r)}`,
  ].map((slide) => `${slide}\n\nNote:\n${notes(r)}`)
  return { file: `${folder}/${name}.md`, text: `${frontmatter.join('\n')}\n\n${slides.join('\n\n---\n\n')}\n`, image }
}

/** Writes decks 0..n-1 under `dir`; returns their paths relative to `dir`. */
export async function writeDecks(dir: string, n: number): Promise<string[]> {
  const decks = Array.from({ length: n }, (_, i) => generateDeck(i))
  const folders = new Set(decks.flatMap((d) => [join(dir, d.file, '..'), join(dir, d.image.file, '..')]))
  for (const folder of folders) await mkdir(folder, { recursive: true })
  await Promise.all(decks.flatMap((d) => [writeFile(join(dir, d.file), d.text), writeFile(join(dir, d.image.file), d.image.svg)]))
  return decks.map((d) => d.file)
}
