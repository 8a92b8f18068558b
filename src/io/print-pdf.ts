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

/** Prints the deck at `deckUrl` (its folder's address): slides, or notes pages with `notes`. */
export async function printDeck(browser: Browser, deckUrl: string, options: { notes?: boolean } = {}): Promise<PrintedPdf> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  try {
    // reveal.js announces the finished print layout with a bubbling `pdf-ready` event.
    await page.addInitScript(() => document.addEventListener('pdf-ready', () => document.documentElement.setAttribute('data-updeck-pdf-ready', '')))
    await page.goto(printViewUrl(deckUrl, options.notes ?? false))
    await page.waitForSelector('html[data-updeck-pdf-ready]', { state: 'attached', timeout: 60_000 })
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
 * Runs in the page after reveal.js's print layout: wraps each .pdf-page's slide in a frame and moves
 * its notes below it, then sizes the page to A4 (210 × 297 mm; 96 CSS px per inch).
 */
function layoutNotesPages(o: typeof NOTES_PAGE): void {
  const pageWidth = o.slideWidth + 2 * o.margin
  const a4 = { width: (210 / 25.4) * 96, height: (297 / 25.4) * 96 }
  const zoom = a4.width / pageWidth
  // A hair under A4, so rounding never pushes a page's last pixel onto a blank extra page.
  const pageHeight = Math.floor(a4.height / zoom) - 4
  const notesTop = o.margin + o.slideHeight + o.gap
  const style = document.createElement('style')
  // reveal.js sets the body to one slide's size; Chromium would shrink a wider body to fit the paper.
  style.textContent = `@page { size: 210mm 297mm; margin: 0 }
html.reveal-print body { width: ${Math.floor(a4.width)}px !important; height: auto !important }
html.reveal-print .reveal .slides { zoom: ${zoom} !important; width: ${pageWidth}px !important }
html.reveal-print .reveal .slides .pdf-page { height: ${pageHeight}px !important; width: ${pageWidth}px; background: #fff !important }
.updeck-notes-frame { position: absolute; left: ${o.margin}px; top: ${o.margin}px; width: ${o.slideWidth}px; height: ${o.slideHeight}px; outline: 3px solid #9aa0a6 }
html.reveal-print .reveal .pdf-page .slide-number-pdf { right: ${o.margin + 8}px !important; top: ${o.margin + o.slideHeight - 30}px !important; bottom: auto !important }
html.reveal-print .reveal .pdf-page .speaker-notes-pdf { position: absolute !important; left: ${o.margin}px !important; top: ${notesTop}px !important; bottom: auto !important; width: ${o.slideWidth}px !important; height: auto; max-height: ${pageHeight - notesTop - o.margin / 2}px; margin: 0; padding: 0; border: 0; background: none; color: #111 !important; font-family: var(--updeck-font, sans-serif); font-size: ${o.fontPx}px; line-height: 1.4; overflow: hidden }
html.reveal-print .reveal .pdf-page .speaker-notes-pdf::before { content: none }
html.reveal-print .reveal .pdf-page .speaker-notes-pdf p { margin: 0 0 0.6em }`
  document.head.append(style)
  const background = getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body).backgroundColor
  for (const page of document.querySelectorAll<HTMLElement>('.reveal .pdf-page')) {
    const frame = document.createElement('div')
    frame.className = 'updeck-notes-frame'
    frame.style.background = background
    page.prepend(frame)
    // The slide and its background move into the frame's place; reveal.js centred them vertically.
    for (const part of page.querySelectorAll<HTMLElement>(':scope > section, :scope > .slide-background')) {
      const top = part.tagName === 'SECTION' ? Math.max(0, Number.parseFloat(part.style.top) || 0) : 0
      // Important inline: the homework slide's own top is an !important rule of deck.css.
      part.style.setProperty('left', `${o.margin}px`, 'important')
      part.style.setProperty('top', `${o.margin + top}px`, 'important')
      part.style.setProperty('width', `${o.slideWidth}px`, 'important')
      if (part.tagName !== 'SECTION') part.style.setProperty('height', `${o.slideHeight}px`, 'important')
    }
    const notes = page.querySelector<HTMLElement>('.speaker-notes-pdf')
    // Long notes get smaller type rather than being cut off, down to a size still readable on paper.
    for (let px = o.fontPx; notes && px > o.minFontPx && notes.scrollHeight > notes.clientHeight; px -= 2) notes.style.fontSize = `${px - 2}px`
  }
}
