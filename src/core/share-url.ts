// Share-intent URLs: the page a colleague's phone opens to post a prepared text and link.
import type { Network } from './frontmatter.ts'

// A lone surrogate (half an emoji) makes encodeURIComponent throw: it becomes U+FFFD, as a browser shows it.
const q = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))

/**
 * The share-intent URL for `network`, normalised the way a browser serialises it
 * (`new URL(result).href === result`), so the QR code encodes exactly what a phone opens.
 *
 * - linkedin: `sharing/share-offsite/?url=` is the documented endpoint and the one phone browsers
 *   honour. It carries the link only; LinkedIn builds the preview from the page's Open Graph tags.
 *   The undocumented `feed/?shareActive=true&text=` prefills text on LinkedIn's desktop site only;
 *   phones (the only thing that scans a QR code) land on the plain feed, so we do not use it.
 * - x: `intent/post` takes text and url.
 * - xing: `spi/shares/new?url=` is the link XING documents for custom share buttons; link only.
 * - mastodon: `/share?text=` on the site's instance; the link goes into the text.
 *
 * @throws for mastodon without an instance: the caller reports that as a Diagnostic first.
 * @example shareUrl('x', 'Neues Werk in Leipzig!', 'https://example.com/news')
 *   // 'https://x.com/intent/post?text=Neues%20Werk%20in%20Leipzig!&url=https%3A%2F%2Fexample.com%2Fnews'
 */
export function shareUrl(network: Network, text: string, url: string, mastodonInstance?: string): string {
  return new URL(intent(network, text, url, mastodonInstance)).href
}

function intent(network: Network, text: string, url: string, instance: string | undefined): string {
  switch (network) {
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}`
    case 'x':
      return `https://x.com/intent/post?text=${q(text)}&url=${q(url)}`
    case 'xing':
      return `https://www.xing.com/spi/shares/new?url=${q(url)}`
    case 'mastodon':
      // A bare host only: anything else would let the option steer the path or the host.
      if (!instance || !/^[a-z0-9.-]+$/i.test(instance)) {
        throw new Error(`shareUrl: mastodon needs an instance host name, got ${JSON.stringify(instance)}`)
      }
      return `https://${instance}/share?text=${q(`${text} ${url}`)}`
  }
}
