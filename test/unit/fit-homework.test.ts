// Error correction per code, and which links a build forwards through the site.
import { describe, expect, it } from 'vitest'
import { fitHomework } from '../../src/core/fit-homework.ts'
import { layoutHomework } from '../../src/core/homework-layout.ts'
import { qrModules } from '../../src/core/qr.ts'
import { shareUrl } from '../../src/core/share-url.ts'
import { shortLink } from '../../src/core/short-link.ts'

const SITE = 'https://intranet.example.com/decks/'
const forwardTo = (target: string) => shortLink(SITE, target)
const SENTENCE = 'Wir sind auf der LogiMAT 2027 in Stuttgart und zeigen unsere neue Verpackungslinie live: 120 Kartons pro Minute, Formatwechsel unter zehn Minuten. Halle 5!'
const X_SHARE = shareUrl('x', SENTENCE, 'https://example.com/news/logimat')
const SHORT = ['https://www.xing.com/profile', 'https://www.linkedin.com/company/muster-maschinenbau-gmbh', 'https://example.com/blog/neu', 'https://mastodon.social/auth/sign_up', 'https://example.com/umfrage']

describe('error correction', () => {
  const allM = (targets: string[]) => layoutHomework(targets.map((t) => qrModules(t, 'M')!))

  it('is M for every code when the modules already read from the back row (12 px)', () => {
    const fit = fitHomework(SHORT.slice(0, 3), { shortLinks: false })
    expect(fit.levels).toEqual(['M', 'M', 'M'])
    expect(fit.layout.pxPerModule).toBe(allM(SHORT.slice(0, 3)).pxPerModule)
    expect(fit.layout.pxPerModule).toBeGreaterThanOrEqual(12)
  })

  it('below 12 px, switches a code to L when that makes every module on the slide larger, and only that code', () => {
    const candidates = Array.from({ length: 120 }, (_, n) => [shareUrl('x', SENTENCE.slice(0, 40 + n), 'https://example.com/n'), ...SHORT])
    const targets = candidates.find((t) => fitHomework(t, { shortLinks: false }).levels[0] === 'L')!
    const fit = fitHomework(targets, { shortLinks: false })
    expect(fit.levels).toEqual(['L', 'M', 'M', 'M', 'M', 'M'])
    expect(fit.layout.pxPerModule).toBeGreaterThan(allM(targets).pxPerModule)
  })

  it('lets L rescue a slide that misses its promise at M', () => {
    const rescued = Array.from({ length: 120 }, (_, n) => [shareUrl('x', SENTENCE.slice(0, 40 + n), 'https://example.com/n'), ...SHORT]).find(
      (t) => !allM(t).ok && fitHomework(t, { shortLinks: false }).layout.ok,
    )
    expect(rescued).toBeDefined()
  })
})

describe('forwarding', () => {
  const six = [X_SHARE, ...SHORT]

  it("'auto' forwards only the link that does not fit, and the slide then keeps its promise", () => {
    const fit = fitHomework(six, { shortLinks: 'auto', shortLink: forwardTo })
    expect(fit.forwarded).toEqual([true, false, false, false, false, false])
    expect(fit.codes[0]).toBe(forwardTo(X_SHARE))
    expect(fit.codes.slice(1)).toEqual(SHORT)
    expect(fit.layout.pxPerModule).toBeGreaterThanOrEqual(8)
    expect(fit.tooLong).toEqual([])
  })

  it("'auto' forwards nothing when everything fits", () => {
    expect(fitHomework(SHORT, { shortLinks: 'auto', shortLink: forwardTo }).forwarded).toEqual([false, false, false, false, false])
  })

  it('true forwards every task; false none, and names the task that does not fit', () => {
    expect(fitHomework(SHORT, { shortLinks: true, shortLink: forwardTo }).forwarded.every(Boolean)).toBe(true)
    const refused = fitHomework(six, { shortLinks: false, shortLink: forwardTo })
    expect(refused.forwarded.some(Boolean)).toBe(false)
    expect(refused.layout.ok).toBe(false)
    expect(refused.tooLong.map((t) => t.index)).toEqual([0])
  })

  it('without a site address nothing is forwarded and the long task is named, with what would fit', () => {
    const refused = fitHomework(six, { shortLinks: 'auto' })
    expect(refused.codes).toEqual(six)
    expect(refused.tooLong).toHaveLength(1)
    expect(refused.tooLong[0]!.index).toBe(0)
    expect(refused.tooLong[0]!.maxChars).toBeGreaterThan(50)
    expect(refused.tooLong[0]!.maxChars).toBeLessThan(X_SHARE.length)
    // What the message promises: a link of maxChars characters fits beside the others.
    const shorter = fitHomework([`https://example.com/${'x'.repeat(refused.tooLong[0]!.maxChars - 20)}`, ...SHORT], { shortLinks: false })
    expect(shorter.layout.ok).toBe(true)
  })

  it('is the same every time for the same tasks', () => {
    const a = fitHomework([X_SHARE, X_SHARE.replace('Halle 5', 'Halle 6'), ...SHORT.slice(0, 4)], { shortLinks: 'auto', shortLink: forwardTo })
    const b = fitHomework([X_SHARE, X_SHARE.replace('Halle 5', 'Halle 6'), ...SHORT.slice(0, 4)], { shortLinks: 'auto', shortLink: forwardTo })
    expect(a).toEqual(b)
    expect(a.forwarded.slice(0, 2)).toEqual([true, true])
  })
})
