// Prints pages to PDF with Chromium: a deck in reveal.js's print view (one 16:9 page per slide, or
// notes pages), and a ready-made HTML document such as the homework sheet.
import type { Browser, Page } from 'playwright-core'

export interface PrintedPdf {
  pdf: Buffer
  pages: number
}

/**
 * reveal.js takes its options from the query too (Reveal.initialize merges getQueryHash()):
 * `print-pdf` switches to the print view, `pdfSeparateFragments=false` prints every slide once with
 * all its fragments shown, `showNotes=true` puts each slide's notes on its page.
 */
export function printViewUrl(deckUrl: string, notes: boolean): string {
  return `${deckUrl}?print-pdf&pdfSeparateFragments=false${notes ? '&showNotes=true' : ''}`
}

/** Prints the deck at `deckUrl` (a one-file deck's file:// URL): slides, or notes pages with `notes`. */
export async function printDeck(browser: Browser, deckUrl: string, options: { notes?: boolean } = {}): Promise<PrintedPdf> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  try {
    // reveal.js announces the finished print layout with a bubbling `pdf-ready` event.
    await page.addInitScript(() => document.addEventListener('pdf-ready', () => document.documentElement.setAttribute('data-updeck-pdf-ready', '')))
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(printViewUrl(deckUrl, options.notes ?? false))
    await page.waitForSelector('html[data-updeck-pdf-ready]', { state: 'attached', timeout: 60_000 }).catch((error: Error) => {
      throw new Error(`its print view did not finish its layout in Chromium${errors.length ? `: ${errors.join('; ')}` : ` (${error.message.split('\n')[0]})`}`)
    })
    await settle(page)
    if (options.notes) await page.evaluate(layoutNotesPages, NOTES_PAGE)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    return { pdf, pages: countPages(pdf) }
  } finally {
    await page.close()
  }
}

/** Prints a complete HTML document (its own @page size) and counts the pages. */
export async function printHtml(browser: Browser, html: string): Promise<PrintedPdf> {
  const page = await browser.newPage()
  try {
    await page.setContent(html, { waitUntil: 'load' })
    await settle(page)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    return { pdf, pages: countPages(pdf) }
  } finally {
    await page.close()
  }
}

/** The number of page objects in a PDF as Chromium (Skia) writes it: uncompressed, no object streams. */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}

/** Fonts and images loaded before printing: a PDF with a fallback font cannot be fixed later. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready
    const pending = [...document.images].filter((img) => !img.complete)
    await Promise.all(pending.map((img) => new Promise((done) => (img.onload = img.onerror = done))))
  })
}

/**
 * A notes page, like a presentation program's: A4 portrait, the slide on top (framed, full width
 * less the margins), its notes below in print-sized type. All in slide px, scaled down by `zoom`.
 */
const NOTES_PAGE = { slideWidth: 1920, slideHeight: 1080, margin: 120, gap: 72, fontPx: 40, minFontPx: 26 }

/**
 * Runs in the page after reveal.js's print layout: puts each slide's page (.pdf-page, which keeps
 * everything a theme draws on it, such as a logo) into an A4 page, framed, with its notes below.
 * Sizes are slide px, zoomed so that the page is 210 mm wide (96 CSS px per inch).
 */
function layoutNotesPages(o: typeof NOTES_PAGE): void {
  const pageWidth = o.slideWidth + 2 * o.margin
  const a4 = { width: (210 / 25.4) * 96, height: (297 / 25.4) * 96 }
  const zoom = a4.width / pageWidth
  // A hair under A4, so rounding never pushes a page's last pixel onto a blank extra page.
  const pageHeight = Math.floor(a4.height / zoom) - 4
  const notesHeight = pageHeight - o.margin - o.slideHeight - o.gap - o.margin / 2
  const style = document.createElement('style')
  // reveal.js sets the body to one slide's size; Chromium would shrink a wider body to fit the paper.
  style.textContent = `@page { size: 210mm 297mm; margin: 0 }
html.reveal-print body { width: ${Math.floor(a4.width)}px !important; height: auto !important }
html.reveal-print .reveal .slides { zoom: ${zoom} !important; width: ${pageWidth}px !important }
.updeck-notes-page { position: relative; box-sizing: border-box; width: ${pageWidth}px; height: ${pageHeight}px; padding: ${o.margin}px ${o.margin}px 0; overflow: hidden; background: #fff; break-after: page }
.updeck-notes-page:last-child { break-after: auto }
html.reveal-print .reveal .slides .updeck-notes-page > .pdf-page { width: ${o.slideWidth}px; height: ${o.slideHeight}px !important; outline: 3px solid #9aa0a6; break-after: auto !important }
html.reveal-print .reveal .updeck-notes-page > .speaker-notes-pdf { position: static !important; display: block; box-sizing: border-box; width: ${o.slideWidth}px !important; height: auto; max-height: ${notesHeight}px; margin: ${o.gap}px 0 0; padding: 0; border: 0; background: none; color: #111; font-family: var(--updeck-font, sans-serif); font-size: ${o.fontPx}px; line-height: 1.4; overflow: hidden }
html.reveal-print .reveal .updeck-notes-page > .speaker-notes-pdf::before { content: none }
html.reveal-print .reveal .updeck-notes-page > .speaker-notes-pdf p { margin: 0 0 0.6em }`
  document.head.append(style)
  for (const slidePage of document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')) {
    const page = document.createElement('div')
    page.className = 'updeck-notes-page'
    slidePage.before(page)
    page.append(slidePage)
    const notes = slidePage.querySelector<HTMLElement>(':scope > .speaker-notes-pdf')
    if (!notes) continue
    page.append(notes)
    // Long notes get smaller type rather than being cut off, down to a size still readable on paper.
    for (let px = o.fontPx; px > o.minFontPx && notes.scrollHeight > notes.clientHeight; px -= 2) notes.style.fontSize = `${px - 2}px`
  }
}
