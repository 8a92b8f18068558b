// Makes a deck's homework codes fit the slide's promise: error correction per code, and which
// links go through the site's forwarding pages.
import { codeBox, layoutHomework, layoutPxPerModule, textBox, type CodeBox, type HomeworkLayout, type TextBox } from './homework-layout.ts'
import { byteCapacity, qrModules, type EcLevel } from './qr.ts'
import { shortLinkLabel } from './short-link.ts'

/** `'auto'`: forward only what does not fit; `true`: every task; `false`: none (too long is an error). */
export type ShortLinks = 'auto' | boolean

export interface FitOptions {
  shortLinks: ShortLinks
  /** The forwarding address of a target; undefined without a site address (nothing can be forwarded). */
  shortLink?: ((target: string) => string) | undefined
  /** Which tasks show a due date beside their link (a forwarded address must stay whole beside it). */
  due?: readonly boolean[]
  /** Each task's link as the slide shows it when not forwarded (`xing.com/profile`, `LinkedIn`). */
  labels?: readonly string[]
}

export interface TooLong {
  index: number
  /** The code's version as the slide would show it. */
  version: number
  /** About how many characters (UTF-8 bytes) the code may hold for the slide to keep its promise. */
  maxChars: number
}

export interface Fit {
  /** What each code encodes: the task's target, or its forwarding address. */
  codes: string[]
  levels: EcLevel[]
  forwarded: boolean[]
  layout: HomeworkLayout
  /** Empty when the layout keeps its promise; else the tasks that would have to be forwarded. */
  tooLong: TooLong[]
}

/** A version-40 code: stands in for text that no QR code holds, so the layout still computes. */
const LARGEST = 185
/** A typical forwarding address: to find the tasks to blame when there is no site address. */
const TYPICAL_SHORT_LINK = 'https://intranet.example.com/decks/go/0123456789/'

/** The text box of task `i`, not forwarded or forwarded through `forwardedCode`. */
type Texts = (i: number, forwardedCode: string | undefined) => TextBox

/** 12 px per module reads from the back row (docs/qr-sizing.md): beyond it, more size buys nothing. */
const BACK_ROW = 12

/**
 * M (more error correction) for every code, unless the modules are smaller than the back row needs
 * and L makes them larger: then the code whose switch to L gains most switches, and so on. Below
 * that size, module size decides whether a phone reads a code; M's extra margin matters less (qr.ts).
 */
function chooseLevels(codes: readonly string[], texts: readonly TextBox[]): { levels: EcLevel[]; modules: number[]; layout: HomeworkLayout } {
  // Each code's size at each level, looked up once: the search below asks for them again and again.
  const sizes: Record<EcLevel, (number | undefined)[]> = { L: [], M: [] }
  const size = (i: number, level: EcLevel) => (sizes[level][i] ??= qrModules(codes[i]!, level) ?? LARGEST)
  const levels: EcLevel[] = []
  const modules: number[] = []
  for (let i = 0; i < codes.length; i++) {
    levels.push('M')
    modules.push(size(i, 'M'))
  }
  // Arrays built by push, as the layout's own (see layoutPxPerModule).
  const boxes = (sizes: readonly number[]) => {
    const made: Required<CodeBox>[] = []
    for (let i = 0; i < sizes.length; i++) made.push(codeBox(sizes[i]!, texts[i]!))
    return made
  }
  // The trials compare module sizes only; the cells are placed once, for the choice.
  let px = layoutPxPerModule(boxes(modules))
  for (;;) {
    let best: { i: number; px: number } | undefined
    for (let i = 0; i < modules.length && px < BACK_ROW; i++) {
      if (levels[i] !== 'M' || size(i, 'L') >= modules[i]!) continue
      const sizes: number[] = []
      for (let k = 0; k < modules.length; k++) sizes.push(k === i ? size(i, 'L') : modules[k]!)
      const trial = layoutPxPerModule(boxes(sizes))
      if (trial > (best?.px ?? px)) best = { i, px: trial }
    }
    if (!best) return { levels, modules, layout: layoutHomework(boxes(modules)) }
    levels[best.i] = 'L'
    modules[best.i] = size(best.i, 'L')
    px = best.px
  }
}

/** Forwards the largest code, then the next, until the slide keeps its promise. Deterministic. */
function forwardUntilFit(targets: readonly string[], shortLink: (target: string) => string, all: boolean, text: Texts) {
  const forwarded = targets.map(() => all)
  for (;;) {
    const codes = targets.map((t, i) => (forwarded[i] ? shortLink(t) : t))
    const texts = codes.map((code, i) => text(i, forwarded[i] ? code : undefined))
    const chosen = chooseLevels(codes, texts)
    const i = chosen.layout.ok ? undefined : largest(chosen.modules, (k) => !forwarded[k])
    if (i === undefined) return { codes, forwarded, texts, ...chosen }
    forwarded[i] = true
  }
}

/** Index of the largest module count among those `allowed`; ties go to the first task. */
function largest(modules: readonly number[], allowed: (i: number) => boolean): number | undefined {
  let best: number | undefined
  modules.forEach((m, i) => {
    if (allowed(i) && (best === undefined || m > modules[best]!)) best = i
  })
  return best
}

/**
 * The codes of one homework slide for `targets` (the URLs the tasks open), in task order.
 * @example fitHomework([xing, mastodonShare, blog], { shortLinks: 'auto' }).layout.pxPerModule // 12
 */
export function fitHomework(targets: readonly string[], options: FitOptions): Fit {
  const { shortLink, shortLinks, due = [], labels = [] } = options
  const text: Texts = (i, forwardedCode) => textBox(labels[i] ?? '', due[i] ?? false, forwardedCode === undefined ? undefined : shortLinkLabel(forwardedCode))
  if (shortLink && shortLinks !== false) {
    const fit = forwardUntilFit(targets, shortLink, shortLinks === true, text)
    const tooLong = fit.layout.ok ? [] : blame(fit.modules, fit.forwarded.flatMap((f, i) => (f ? [i] : [])), fit.modules, fit.texts)
    return { codes: fit.codes, levels: fit.levels, forwarded: fit.forwarded, layout: fit.layout, tooLong }
  }
  const direct = chooseLevels(targets, targets.map((_, i) => text(i, undefined)))
  const forwarded = targets.map(() => false)
  if (direct.layout.ok) return { codes: [...targets], levels: direct.levels, forwarded, layout: direct.layout, tooLong: [] }
  // To blame: the tasks a build with a site address would forward.
  const simulated = forwardUntilFit(targets, () => TYPICAL_SHORT_LINK, false, text)
  const culprits = simulated.forwarded.flatMap((f, i) => (f ? [i] : []))
  return { codes: [...targets], levels: direct.levels, forwarded, layout: direct.layout, tooLong: blame(direct.modules, culprits, simulated.modules, simulated.texts) }
}

/** For each culprit: its version as it is, and the capacity of the largest version that would fit. */
function blame(modules: readonly number[], culprits: number[], fitted: readonly number[], texts: readonly TextBox[]): TooLong[] {
  return culprits.map((index) => {
    let fits = 0
    for (let v = 40; v >= 1 && !fits; v--) {
      if (layoutHomework(fitted.map((m, i) => (i === index ? 25 + 4 * v : codeBox(m, texts[i]!)))).ok) fits = v
    }
    return { index, version: (modules[index]! - 25) / 4, maxChars: fits ? byteCapacity(fits) : 0 }
  })
}
