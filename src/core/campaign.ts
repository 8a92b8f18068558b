// Campaign tags: links to the company's own sites carry utm_source, utm_medium and utm_campaign,
// so that its web analytics count what each deck brought, per medium. Nobody else's link is tagged.
import type { SiteConfig } from './frontmatter.ts'

/**
 * Where a link is followed from: a scanned QR code (slide or homework page), a click on the slide,
 * a button on the homework page (and its calendar files), the newsletter snippet.
 */
export const MEDIA = ['qr', 'slide', 'homework-page', 'newsletter'] as const
export type Medium = (typeof MEDIA)[number]

/** Hosts of the share networks: never "own", however a config lists them (their links are profiles and intents). */
const NETWORK_HOSTS = ['linkedin.com', 'xing.com', 'x.com', 'twitter.com']

/**
 * A `campaign.domains` entry as the host name it stands for, in ASCII (punycode, lower case, no
 * trailing dot), or what is wrong with it.
 * @example campaignDomain('Bäckerei.de') // { host: 'xn--bckerei-9wa.de' }
 */
export function campaignDomain(value: string): { host: string } | { error: string } {
  const written = value.trim()
  const example = 'write the host name only, e.g. example.com (its subdomains are included)'
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written)) return { error: `"${written}" is a web address: ${example}, without https://` }
  if (written.startsWith('*.') || written.startsWith('.')) return { error: `"${written}": ${example}` }
  if (/[/?#@:\\\s]/.test(written)) return { error: `"${written}" is not a host name: ${example}, without a path, port or query` }
  let host: string
  try {
    host = new URL(`https://${written}/`).hostname.replace(/\.$/, '')
  } catch {
    return { error: `"${written}" is not a host name: ${example}` }
  }
  if (!host.includes('.') || host.startsWith('[')) return { error: `"${written}" is not a full host name: ${example}` }
  if (NETWORK_HOSTS.some((n) => isWithin(host, n) || isWithin(n, host))) {
    return { error: `"${written}" is a social network, not the company's own site: links there never get campaign tags` }
  }
  return { host }
}

/** True when `host` is `domain` or one of its subdomains (whole labels: notexample.com is not example.com). */
function isWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`)
}

/** A share intent on the site's own Mastodon instance: the intent's own URL, never tagged. */
function isShareIntent(url: URL, site: SiteConfig): boolean {
  const instance = site.mastodonInstance?.toLowerCase().replace(/\.$/, '')
  return instance !== undefined && url.hostname.replace(/\.$/, '') === instance && url.pathname === '/share'
}

/**
 * `url` with the campaign tags of `medium` when it leads to one of the site's own domains (or a
 * subdomain): utm_source (the option's source), utm_medium, utm_campaign (the deck's slug, its
 * slashes written as they are: `vertrieb/2026-12`). Any other link comes back unchanged: other
 * sites, share intents (also the page they share inside them: tags there would end up in public
 * posts), anything but http(s), and everything when the site has no `campaign` option.
 *
 * The query and fragment stay as written; a utm_ parameter the deck already has wins, only the
 * missing ones are added. The result is what a browser serialises (`new URL(r).href === r`), so a
 * QR code of it decodes to exactly the address a phone opens.
 * @example tagUrl('https://blog.example.com/a?x=1#b', site, 'vertrieb/2026-12', 'qr')
 *   // 'https://blog.example.com/a?x=1&utm_source=updeck&utm_medium=qr&utm_campaign=vertrieb/2026-12#b'
 */
export function tagUrl(url: string, site: SiteConfig, slug: string, medium: Medium): string {
  const campaign = site.campaign
  if (!campaign) return url
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return url
  const host = parsed.hostname.replace(/\.$/, '')
  if (!campaign.domains.some((d) => isWithin(host, d)) || isShareIntent(parsed, site)) return url
  const present = new URLSearchParams(parsed.search)
  const tags = [
    ['utm_source', campaign.source],
    ['utm_medium', medium],
    ['utm_campaign', slug],
  ].filter(([name]) => !present.has(name!))
  if (tags.length === 0) return url
  const added = tags.map(([name, value]) => `${name}=${encodeURIComponent(value!).replace(/%2F/g, '/')}`).join('&')
  const query = parsed.search.replace(/^\?/, '')
  parsed.search = query ? `${query}${query.endsWith('&') ? '' : '&'}${added}` : added
  return parsed.href
}

/** `url` as each medium links to it (all the same where no tags apply). */
export function tagEveryMedium(url: string, site: SiteConfig, slug: string): Record<Medium, string> {
  return Object.fromEntries(MEDIA.map((medium) => [medium, tagUrl(url, site, slug, medium)])) as Record<Medium, string>
}
