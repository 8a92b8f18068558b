// The deck `npm run new` writes: frontmatter, three slides with notes and one homework task.
import { Frontmatter, type Lang } from './frontmatter.ts'
import { slugify } from './slug.ts'
import { presenterMessages } from './zod-messages.ts'

export interface NewDeck {
  title: string
  audience: string
  date: string
  lang: Lang
  presenter?: string | undefined
}

export interface NewDeckProblem {
  /** The option at fault: title, audience, date, lang or presenter. */
  option: string
  message: string
}

/** The deck schema's own fields: `new` never writes a deck that `check` would refuse. */
const NewDeckFields = Frontmatter.pick({ title: true, audience: true, date: true, lang: true, presenter: true })

/** Validates the options of a new deck; returns them trimmed, or one problem per option. */
export function parseNewDeck(input: Record<keyof NewDeck, unknown>): { deck: NewDeck } | { problems: NewDeckProblem[] } {
  const parsed = NewDeckFields.safeParse(input, { error: presenterMessages })
  if (parsed.success) return { deck: { ...parsed.data, lang: parsed.data.lang ?? 'de' } }
  return { problems: parsed.error.issues.map((i) => ({ option: String(i.path[0]), message: i.message })) }
}

/** Slugs longer than this are cut at a dash: file names stay readable and far below 255 bytes. */
const MAX_SLUG = 60

/** decks/<date>-<slug>.md, e.g. 2026-12-03-social-media-im-vertrieb.md */
export function newDeckFile(deck: NewDeck): string {
  return `${deck.date}-${shorten(slugify(deck.title)) || 'deck'}.md`
}

function shorten(slug: string): string {
  const chars = [...slug]
  if (chars.length <= MAX_SLUG) return slug
  const cut = chars.slice(0, MAX_SLUG + 1).join('')
  const dash = cut.lastIndexOf('-')
  return dash >= MAX_SLUG / 2 ? cut.slice(0, dash) : chars.slice(0, MAX_SLUG).join('').replace(/-+$/, '')
}

const yamlString = (s: string) => JSON.stringify(s)

export function deckTemplate(deck: NewDeck): string {
  const de = deck.lang === 'de'
  const presenter = deck.presenter ? `presenter: ${yamlString(deck.presenter)}\n` : ''
  return `---
title: ${yamlString(deck.title)}
date: ${deck.date}
audience: ${yamlString(deck.audience)}
${presenter}duration: 5
lang: ${deck.lang}
theme: default
homework:
  - kind: follow
    title: ${de ? 'Unserer Unternehmensseite folgen' : 'Follow our company page'}
    url: https://www.linkedin.com/company/example
---

# ${deck.title}

${de ? `Update für ${deck.audience}` : `An update for ${deck.audience}`}

Note:
${de ? 'Kurz vorstellen: wer ich bin und warum ich heute hier bin.' : 'Introduce yourself and why you are here today.'}

---

# ${de ? 'Was gibt es Neues?' : "What's new?"}

- ${de ? 'Erster Punkt' : 'First point'}
- ${de ? 'Zweiter Punkt' : 'Second point'}
- ${de ? 'Dritter Punkt' : 'Third point'}

Note:
${de ? 'Ein Satz pro Punkt reicht.' : 'One sentence per point is enough.'}

---

# ${de ? 'Was ihr tun könnt' : 'What you can do'}

${de ? 'Auf der nächsten Folie: eure Social Hausaufgabe.' : 'On the next slide: your social homework.'}

Note:
${de ? 'Auf die QR-Codes hinweisen: einfach mit dem Handy scannen.' : 'Point to the QR codes: just scan them with your phone.'}
`
}
