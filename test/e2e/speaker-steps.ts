// The speaker view end to end: `S` opens it, it shows the current notes, and its keys move the deck.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

/** The notes of the deck's current slide as the audience window has them ('' when there are none). */
const deckNotes = (page: Page) => page.evaluate(() => document.querySelector('.reveal .slides section.present aside.notes')?.textContent ?? '')
const deckPosition = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.reveal .slides section')].findIndex((s) => s.classList.contains('present')))

/**
 * Takes a page showing a built deck (reveal.js ready, not on its last slide), opens the speaker view
 * with `S`, and checks notes, labels, previews and navigation from the speaker window.
 * Closes the speaker window when done.
 */
export async function checkSpeakerView(page: Page, baseUrl: string): Promise<void> {
  const lang = await page.evaluate(() => document.documentElement.lang)
  const words = lang === 'en' ? { notes: 'Notes', none: 'No notes' } : { notes: 'Notizen', none: 'Keine Notizen' }
  const total = await page.evaluate(() => document.querySelectorAll('.reveal .slides > section').length)

  const opened = page.context().waitForEvent('page')
  await page.keyboard.press('s')
  const speaker = await opened
  const errors: string[] = []
  speaker.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  speaker.on('pageerror', (e) => errors.push(e.message))
  await speaker.waitForLoadState()
  // The same site: its origin, or from a folder (file://, where every page is an origin of its own) the folder.
  const site = new URL(baseUrl)
  expect(speaker.url().startsWith(site.protocol === 'file:' ? site.href : site.origin)).toBe(true)
  expect(new URL(speaker.url()).searchParams.has('speaker')).toBe(true)

  const counter = speaker.locator('.updeck-speaker-counter .updeck-speaker-value')
  const notes = speaker.locator('.updeck-speaker-notes-text')
  const expectNotesOfDeck = async () => {
    const want = clean(await deckNotes(page))
    const position = await deckPosition(page)
    await expect.poll(() => counter.textContent()).toBe(`${position + 1} / ${total}`)
    if (want) await expect.poll(async () => clean(await notes.textContent())).toBe(want)
    else await expect.poll(async () => clean(await notes.textContent())).toContain(words.none)
  }

  // It follows the deck: the current slide's notes, in the deck's language, readable.
  await expectNotesOfDeck()
  await expect.poll(() => speaker.locator('.updeck-speaker-notes .updeck-speaker-label').textContent()).toBe(words.notes)
  const fontSize = await notes.evaluate((n) => parseFloat(getComputedStyle(n).fontSize))
  expect(fontSize).toBeGreaterThanOrEqual(20)

  // Current and next slide are receiver copies of the same page, without their own controls.
  await expect.poll(() => speaker.locator('iframe.updeck-speaker-frame').count()).toBe(2)
  for (const frame of await speaker.locator('iframe.updeck-speaker-frame').all()) {
    expect(new URL((await frame.getAttribute('src')) ?? '', speaker.url()).searchParams.has('receiver')).toBe(true)
  }
  await expect.poll(() => speaker.frames().filter((f) => f.url().includes('?receiver')).length).toBe(2)

  // The presenter's keys in the speaker window move the deck, and the notes and the preview follow.
  const currentPreview = () => speaker.frameLocator('.updeck-speaker-current iframe').locator('.reveal .slides > section')
    .evaluateAll((all) => all.findIndex((s) => s.classList.contains('present')))
  const before = await deckPosition(page)
  await expect.poll(currentPreview).toBe(before)
  await speaker.keyboard.press('ArrowRight')
  await expect.poll(() => deckPosition(page)).toBe(before + 1)
  await expectNotesOfDeck()
  await expect.poll(currentPreview).toBe(before + 1)
  // The first step of the talk starts the stopwatch.
  await expect.poll(() => speaker.locator('.updeck-speaker-buttons button').first().textContent(), { timeout: 3000 }).toMatch(/Pause/)
  await speaker.keyboard.press('ArrowLeft')
  await expect.poll(() => deckPosition(page)).toBe(before)
  await expectNotesOfDeck()

  // A reloaded speaker window finds the deck again.
  await speaker.reload()
  await expectNotesOfDeck()

  // The wall clock in the deck's language: German decks get a 24-hour clock (reveal.js's own
  // speaker view shows 3:30 PM), whatever the browser's locale.
  await speaker.clock.setFixedTime(new Date(2026, 11, 3, 15, 30))
  const wallClock = speaker.locator('.updeck-speaker-clock .updeck-speaker-value')
  if (lang === 'de') await expect.poll(() => wallClock.textContent(), { timeout: 3000 }).toBe('15:30')
  else await expect.poll(() => wallClock.textContent(), { timeout: 3000 }).toMatch(/^0?3:30\sPM$|^15:30$/)

  expect(errors).toEqual([])
  await speaker.close()
}
