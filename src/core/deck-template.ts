// The deck `npm run new` writes: frontmatter, three slides with notes and one homework task.
import type { Lang } from './frontmatter.ts'
import { slugify } from './slug.ts'

export interface NewDeck {
  title: string
  audience: string
  date: string
  lang: Lang
  presenter?: string | undefined
}

/** decks/<date>-<slug>.md, e.g. 2026-12-03-social-media-im-vertrieb.md */
export function newDeckFile(deck: NewDeck): string {
  return `${deck.date}-${slugify(deck.title) || 'deck'}.md`
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
