import { describe, expect, it } from 'vitest'
import { shareUrl } from '../../src/core/share-url.ts'

const url = 'https://example.com/news/leipzig'

describe('shareUrl', () => {
  it.each([
    ['linkedin', 'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fexample.com%2Fnews%2Fleipzig'],
    ['x', 'https://x.com/intent/post?text=Werk%20er%C3%B6ffnet&url=https%3A%2F%2Fexample.com%2Fnews%2Fleipzig'],
    ['xing', 'https://www.xing.com/spi/shares/new?url=https%3A%2F%2Fexample.com%2Fnews%2Fleipzig'],
    ['mastodon', 'https://mastodon.social/share?text=Werk%20er%C3%B6ffnet%20https%3A%2F%2Fexample.com%2Fnews%2Fleipzig'],
  ] as const)('%s', (network, expected) => {
    expect(shareUrl(network, 'Werk eröffnet', url, 'mastodon.social')).toBe(expected)
  })

  it.each([
    'Unser neues Werk in Leipzig ist eröffnet! Grüße, Straße & Co.',
    'Wir feiern 🎉🚀 – mit „Anführungszeichen“ and a #hashtag',
    "Don't miss it (really) *now* ~ok?",
    'Zeile eins\nZeile zwei; a=b&c=d',
  ])('x carries text and url unchanged: %s', (text) => {
    const result = shareUrl('x', text, url)
    const parsed = new URL(result)
    expect(parsed.searchParams.get('text')).toBe(text)
    expect(parsed.searchParams.get('url')).toBe(url)
    expect(result).toBe(new URL(result).href) // what the QR encodes is what a browser would serialise
  })

  it('mastodon puts the link into the text', () => {
    const result = shareUrl('mastodon', 'Grüße 🎉', 'https://example.com/a?b=c&d=e', 'Fedi.Example.org')
    expect(new URL(result).host).toBe('fedi.example.org')
    expect(new URL(result).searchParams.get('text')).toBe('Grüße 🎉 https://example.com/a?b=c&d=e')
    expect(result).toBe(new URL(result).href)
  })

  it('every network returns a WHATWG-normalised https URL', () => {
    for (const network of ['linkedin', 'x', 'xing', 'mastodon'] as const) {
      const result = shareUrl(network, "it's 100% 'quoted'", 'https://bücher.example/straße?q=ä', 'mastodon.social')
      expect(result).toBe(new URL(result).href)
      expect(result.startsWith('https://')).toBe(true)
    }
  })

  it('mastodon without an instance throws (the caller reports a diagnostic first)', () => {
    expect(() => shareUrl('mastodon', 'text', url)).toThrow(/instance/)
    expect(() => shareUrl('mastodon', 'text', url, '')).toThrow(/instance/)
  })

  it('mastodon refuses an instance that is not a bare host name', () => {
    for (const bad of ['evil.example/path?', 'user@evil.example', 'evil.example:8080', 'a b.example']) {
      expect(() => shareUrl('mastodon', 'text', url, bad)).toThrow(/instance/)
    }
  })
})
