// Walks an open deck slide by slide and reports every image that did not load (a broken picture).
import type { Page } from 'playwright-core'

/**
 * Visits each slide of the deck open in `page` and waits for its images to finish loading; returns
 * the `src` of each one that failed (naturalWidth 0), with its slide, and how many images it saw.
 */
export async function brokenSlideImages(page: Page): Promise<{ broken: string[]; seen: number }> {
  const count = await page.locator('.reveal .slides > section').count()
  const broken: string[] = []
  let seen = 0
  for (let i = 0; i < count; i++) {
    await page.evaluate((n) => (window as unknown as { location: Location }).location.assign(`#/${n}`), i)
    await page.waitForFunction((n) => document.querySelectorAll('.reveal .slides > section')[n]?.classList.contains('present'), i)
    const result = await page.evaluate(async (n) => {
      const images = [...document.querySelectorAll('.reveal .slides > section')[n]!.querySelectorAll('img')]
      // `decode()` settles once the image has loaded (or failed), lazy or not.
      await Promise.all(images.map((img) => img.decode().catch(() => undefined)))
      return images.map((img) => ({ src: img.getAttribute('src') ?? '', ok: img.complete && img.naturalWidth > 0 }))
    }, i)
    seen += result.length
    for (const { src, ok } of result) if (!ok) broken.push(`slide ${i + 1}: ${src}`)
  }
  return { broken, seen }
}
