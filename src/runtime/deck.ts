// The browser side of a deck page: reveal.js at 1920×1080, speaker view, and live reload in dev.
import Reveal from 'reveal.js'
import 'reveal.js/reset.css'
import 'reveal.js/reveal.css'
import './deck.css'
import { isReceiver, speakerView, isSpeakerWindow, startSpeakerWindow } from './speaker.ts'

const root = document.querySelector<HTMLElement>('.reveal')!

if (isSpeakerWindow()) {
  startSpeakerWindow(root)
} else {
  const receiver = isReceiver()
  const deck = new Reveal(root, {
    width: 1920,
    height: 1080,
    margin: 0,
    hash: !receiver,
    history: false,
    controls: !receiver,
    progress: !receiver,
    slideNumber: receiver ? false : 'c/t',
    keyboard: !receiver,
    touch: !receiver,
    transition: 'slide',
    transitionSpeed: 'fast',
    // Only the speaker view's preview frames take commands: reveal.js does not check who sends them.
    postMessage: receiver,
    // ...and tell it when they are ready: from file:// the speaker window cannot look inside them.
    postMessageEvents: receiver,
    totalTime: Number(root.dataset.totalTime) || 300,
    plugins: receiver ? [] : [speakerView],
  })
  // No top-level await: the built site loads this file as a classic script (see build-plugin.ts).
  void deck.initialize().then(() => document.documentElement.classList.add('updeck-ready'))
  if (import.meta.hot) {
    import.meta.hot.on('updeck:deck', (data: { slug: string; slides: string }) => {
      if (data.slug !== root.dataset.slug) return
      const { h, v, f } = deck.getIndices()
      root.querySelector('.slides')!.innerHTML = data.slides
      deck.sync()
      deck.slide(h, v ?? 0, f)
      document.dispatchEvent(new CustomEvent('updeck:updated'))
    })
  }
}
