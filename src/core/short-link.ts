// Forwarding addresses <site>go/<id>/: the same id for the same target in every build, never one
// id for two targets.
import { createHash } from 'node:crypto'
import type { Deck, Diagnostic } from './model.ts'

/**
 * 10 characters of base 36 from SHA-256 (51 bits): two of 10 000 forwarded links share one with a
 * chance of about 1 in 45 million, and `checkShortLinks` stops the build if they ever do. Lower
 * case only, so that a case-insensitive file system cannot merge two pages either.
 * @example shortLinkId('https://example.com/news/971883') // 10 characters of [0-9a-z]
 */
export function shortLinkId(target: string): string {
  const hex = createHash('sha256').update(target).digest('hex')
  return (BigInt(`0x${hex.slice(0, 16)}`) % 36n ** 10n).toString(36).padStart(10, '0')
}

/** The forwarding address of `target` on the site at `siteUrl` (which ends with a slash). */
export function shortLink(siteUrl: string, target: string): string {
  return `${siteUrl}go/${shortLinkId(target)}/`
}

/** A forwarding address as the slide prints it, to be typed: no scheme, no trailing slash. */
export function shortLinkLabel(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

/** The id in a forwarding address, or undefined for any other URL. */
export function shortLinkIdOf(url: string): string | undefined {
  return /\/go\/([0-9a-z]+)\/$/.exec(url)?.[1]
}

/** Site-wide: two different targets whose forwarding pages would share one id. */
export function checkShortLinks(decks: readonly Deck[]): Diagnostic[] {
  const seen = new Map<string, string>()
  const problems: Diagnostic[] = []
  for (const deck of decks) {
    deck.homework.forEach((task, i) => {
      const id = task.forward && shortLinkIdOf(task.target)
      if (!id || !task.forward) return
      const other = seen.get(id)
      if (other === undefined) seen.set(id, task.forward)
      else if (other !== task.forward) {
        const message = `its forwarding page go/${id}/ would also lead to ${other}: change this link a little (e.g. add a / at its end) so that it gets another address`
        problems.push({ file: deck.file, line: task.line, col: 1, field: deck.defaultHomework ? `defaultHomework.${i + 1}` : `homework.${i + 1}`, message, severity: 'error' })
      }
    })
  }
  return problems
}
