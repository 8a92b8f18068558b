// The speaker view: `S` opens this same page in speaker mode, synced with the deck over a BroadcastChannel.
import type { RevealApi, RevealPlugin } from 'reveal.js'
import './speaker.css'
import { clockFormat, describePace, formatDuration, speakerWords } from './speaker-words.ts'

interface Indices { h: number; v?: number | undefined; f?: number | undefined }
type GoMethod = 'next' | 'prev' | 'setState' | 'togglePause'
interface StateMessage { type: 'state'; state: Record<string, unknown>; indices: Indices }
/** What the deck and its speaker windows say to each other on `updeck:<slug>`. */
type Message = { type: 'hello' } | StateMessage | { type: 'go'; method: GoMethod; args?: unknown[] }

const mode = new URLSearchParams(location.search)
/** A preview inside the speaker window: reveal.js driven only by postMessage (see deck.ts). */
export const isReceiver = (): boolean => mode.has('receiver')
/** The page was opened with `?speaker` (by the `S` key) and shows the speaker view instead of the deck. */
export const isSpeakerWindow = (): boolean => mode.has('speaker')

const channelFor = (root: HTMLElement) => new BroadcastChannel(`updeck:${root.dataset.slug ?? location.pathname}`)
const langOf = (root: HTMLElement) => root.dataset.lang ?? document.documentElement.lang

/** The deck side: the `S` key, the deck's state for every speaker window, and their navigation. */
export const speakerView: RevealPlugin = {
  id: 'updeck-speaker',
  init(deck: RevealApi) {
    const root = deck.getRevealElement() ?? document.body
    const channel = channelFor(root)
    const post = () => channel.postMessage({ type: 'state', state: { ...deck.getState() }, indices: deck.getIndices() } satisfies Message)
    for (const event of ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed']) deck.on(event, post)
    document.addEventListener('updeck:updated', post)
    // Only these calls, whatever else arrives on the channel.
    const go: Record<GoMethod, (args: unknown[]) => void> = {
      next: () => deck.next(),
      prev: () => deck.prev(),
      setState: ([state]) => deck.setState(state as Parameters<RevealApi['setState']>[0]),
      togglePause: () => deck.togglePause(),
    }
    channel.addEventListener('message', ({ data }: MessageEvent<Message>) => {
      if (data.type === 'hello') post()
      else if (data.type === 'go' && Object.hasOwn(go, data.method)) go[data.method](data.args ?? [])
    })
    // Only a query and a fragment: the same page, also from file:// (a path would leave a network drive's host).
    const open = () => window.open(`?speaker${location.hash}`, `updeck-speaker-${root.dataset.slug ?? ''}`, 'width=1280,height=800')
    deck.addKeyBinding({ keyCode: 83, key: 'S', description: speakerWords(langOf(root)).openKey }, () => void open())
  },
}

/** A slide the presenter can land on: a top-level section, or each section of a vertical stack. */
interface Leaf { section: HTMLElement; h: number; v: number }

function leafSlides(root: HTMLElement): Leaf[] {
  return [...root.querySelectorAll<HTMLElement>('.slides > section')].flatMap((top, h) => {
    const stack = [...top.querySelectorAll<HTMLElement>(':scope > section')]
    return stack.length ? stack.map((section, v) => ({ section, h, v })) : [{ section: top, h, v: 0 }]
  })
}

/** Seconds planned per slide: its data-timing; slides without one (homework) share what is left of the budget, as in reveal.js. */
function planSeconds(leaves: Leaf[], budget: number): number[] {
  const timed = leaves.map(({ section }) => Number(section.dataset.timing) || 0)
  const untimed = timed.filter((t) => t === 0).length
  const share = untimed ? Math.max(0, budget - timed.reduce((a, b) => a + b, 0)) / untimed : 0
  return timed.map((t) => t || share)
}

/** The talk's stopwatch, kept in sessionStorage so that a reloaded speaker window keeps counting. */
function createStopwatch(key: string) {
  let saved: { total: number; since: number | null } = { total: 0, since: null }
  try {
    saved = { ...saved, ...JSON.parse(sessionStorage.getItem(key) ?? '{}') }
  } catch { /* a broken entry means a fresh stopwatch */ }
  const save = () => sessionStorage.setItem(key, JSON.stringify(saved))
  return {
    running: () => saved.since !== null,
    elapsed: () => saved.total + (saved.since === null ? 0 : Date.now() - saved.since),
    start: () => { if (saved.since === null) { saved.since = Date.now(); save() } },
    pause: () => { if (saved.since !== null) { saved = { total: saved.total + Date.now() - saved.since, since: null }; save() } },
    reset: () => { saved = { total: 0, since: null }; save() },
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  node.append(...children)
  return node
}

/**
 * Where messages to a preview may go: this page's origin; from file:// every page has an opaque
 * origin that no target names, so '*' (the frame is this same page; it gets slide positions only).
 */
const previewOrigin = () => (location.protocol === 'file:' || location.origin === 'null' ? '*' : location.origin)

/** The `ready` event reveal.js posts from a receiver frame (postMessageEvents, see deck.ts). */
function isReadyMessage(data: unknown): boolean {
  if (typeof data !== 'string') return false
  try {
    const event = JSON.parse(data) as { namespace?: unknown; eventName?: unknown }
    return event.namespace === 'reveal' && event.eventName === 'ready'
  } catch {
    return false
  }
}

/** A receiver copy of this deck in an iframe; it takes reveal.js postMessage calls once it is ready. */
function createPreview(title: string) {
  const frame = el('iframe', 'updeck-speaker-frame')
  Object.assign(frame, { title, tabIndex: -1, src: '?receiver' })
  let ready = false
  let calls: object[] = []
  const send = (list: object[]) => list.forEach((call) => frame.contentWindow?.postMessage(JSON.stringify(call), previewOrigin()))
  // The frame says when reveal.js is ready (a call before that would be lost): the speaker window
  // cannot look into it from file://, where each page is an origin of its own.
  window.addEventListener('message', ({ source, data }: MessageEvent) => {
    if (source !== frame.contentWindow || !isReadyMessage(data)) return
    ready = true
    send([{ method: 'configure', args: [{ transition: 'none', backgroundTransition: 'none' }] }, ...calls])
  })
  return { frame, show: (list: object[]) => { calls = list; if (ready) send(list) } }
}

const KEYS = new Map<string, GoMethod>([
  ['ArrowRight', 'next'], ['ArrowDown', 'next'], ['PageDown', 'next'], [' ', 'next'], ['n', 'next'],
  ['ArrowLeft', 'prev'], ['ArrowUp', 'prev'], ['PageUp', 'prev'], ['p', 'prev'],
  // Presenter remotes blank the screen with '.' or 'b', as reveal.js does.
  ['.', 'togglePause'], ['b', 'togglePause'], ['B', 'togglePause'],
])

/** The speaker mode of a deck page: previews, notes, stopwatch, clock and pacing, following the deck window. */
export function startSpeakerWindow(root: HTMLElement): void {
  const lang = langOf(root)
  const words = speakerWords(lang)
  const clock = clockFormat(lang)
  const deckTitle = document.title
  root.remove() // kept as the source of the notes, but never shown here
  document.documentElement.classList.add('updeck-speaker-mode')
  document.title = `${words.title} · ${deckTitle}`
  let leaves = leafSlides(root)
  const budget = Number(root.dataset.totalTime) || 0
  let plan = planSeconds(leaves, budget)
  const watch = createStopwatch(`updeck-speaker:${root.dataset.slug ?? location.pathname}`)
  const channel = channelFor(root)

  const current = createPreview(words.current)
  const next = createPreview(words.next)
  const end = el('p', 'updeck-speaker-end', words.end)
  const notes = el('div', 'updeck-speaker-notes-text', el('p', 'updeck-speaker-muted', words.waiting))
  const counter = el('span', 'updeck-speaker-value', `– / ${leaves.length}`)
  const clockOut = el('span', 'updeck-speaker-value')
  const elapsedOut = el('span', 'updeck-speaker-elapsed')
  const slideOut = el('span', 'updeck-speaker-slide-time')
  const paceOut = el('span', 'updeck-speaker-pace')
  const toggle = el('button', 'updeck-speaker-button')
  const reset = el('button', 'updeck-speaker-button', words.reset)
  toggle.type = reset.type = 'button'
  const heading = (text: string) => el('h2', 'updeck-speaker-label', text)
  document.body.append(el('main', 'updeck-speaker',
    el('header', 'updeck-speaker-bar',
      el('h1', 'updeck-speaker-title', deckTitle),
      el('p', 'updeck-speaker-counter', el('span', 'updeck-speaker-label', words.slide), counter),
      el('p', 'updeck-speaker-clock', el('span', 'updeck-speaker-label', words.clock), clockOut)),
    el('div', 'updeck-speaker-left',
      el('section', 'updeck-speaker-current', heading(words.current), current.frame),
      el('section', 'updeck-speaker-timer', heading(words.time), elapsedOut, slideOut, paceOut,
        el('div', 'updeck-speaker-buttons', toggle, reset))),
    el('div', 'updeck-speaker-right',
      el('section', 'updeck-speaker-next', heading(words.next), el('div', 'updeck-speaker-next-box', next.frame, end)),
      el('section', 'updeck-speaker-notes', heading(words.notes), notes))))

  let last: StateMessage | undefined
  let enteredAt = 0 // stopwatch milliseconds when the current slide was entered
  const position = () => Math.max(0, leaves.findIndex((l) => l.h === last?.indices.h && l.v === (last.indices.v ?? 0)))

  function tick(): void {
    clockOut.textContent = clock.format(new Date())
    const elapsed = watch.elapsed() / 1000
    const onSlide = (watch.elapsed() - enteredAt) / 1000
    const i = position()
    const planned = plan.slice(0, i).reduce((a, b) => a + b, 0) + Math.min(onSlide, plan[i] ?? 0)
    elapsedOut.textContent = `${formatDuration(elapsed)} / ${formatDuration(budget || plan.reduce((a, b) => a + b, 0))}`
    slideOut.textContent = `${words.slideTime}: ${formatDuration(onSlide)} / ${formatDuration(plan[i] ?? 0)}`
    const { pace, text } = describePace(elapsed > 0 ? elapsed - planned : 0, words)
    paceOut.textContent = text
    paceOut.dataset.pace = pace
    toggle.textContent = watch.running() ? words.pause : elapsed > 0 ? words.resume : words.start
  }

  function show(message: StateMessage): void {
    const moved = last !== undefined && (last.indices.h !== message.indices.h || (last.indices.v ?? 0) !== (message.indices.v ?? 0))
    // The first step of the talk starts the stopwatch; a reloaded window finds it already running.
    if ((moved || (last && last.indices.f !== message.indices.f)) && watch.elapsed() === 0) watch.start()
    if (!last || moved) enteredAt = watch.elapsed()
    last = message
    const i = position()
    const section = leaves[i]?.section
    counter.textContent = `${i + 1} / ${leaves.length}`
    const aside = section?.querySelector(':scope > aside.notes')
    // The build sanitised the notes HTML; cloning keeps it out of any string-to-HTML path.
    notes.replaceChildren(...(aside?.hasChildNodes() ? [...aside.childNodes].map((n) => n.cloneNode(true)) : [el('p', 'updeck-speaker-muted', words.noNotes)]))
    notes.scrollTop = 0
    current.show([{ method: 'setState', args: [message.state] }])
    next.show([{ method: 'setState', args: [{ ...message.state, paused: false, overview: false }] }, { method: 'next' }])
    const fragments = section?.querySelectorAll('.fragment').length ?? 0
    end.hidden = !(i === leaves.length - 1 && (message.indices.f ?? -1) >= fragments - 1)
    tick()
  }

  toggle.addEventListener('click', () => { if (watch.running()) watch.pause(); else watch.start(); tick() })
  reset.addEventListener('click', () => { watch.reset(); enteredAt = 0; tick() })
  window.addEventListener('keydown', (event) => {
    const method = KEYS.get(event.key)
    if (!method || event.altKey || event.ctrlKey || event.metaKey) return
    // Buttons are pressed with Enter: Space belongs to the presenter remote.
    event.preventDefault()
    channel.postMessage({ type: 'go', method } satisfies Message)
  })
  channel.addEventListener('message', ({ data }: MessageEvent<Message>) => { if (data.type === 'state') show(data) })
  channel.postMessage({ type: 'hello' } satisfies Message)
  tick()
  setInterval(tick, 250)

  import.meta.hot?.on('updeck:deck', (data: { slug: string; slides: string }) => {
    if (data.slug !== root.dataset.slug) return
    root.querySelector('.slides')!.innerHTML = data.slides // the dev server's own render, as in deck.ts
    leaves = leafSlides(root)
    plan = planSeconds(leaves, budget)
    if (last) show(last)
  })
}
