// Reads QR codes back the way a phone would: from pixels, with a real decoder (jsQR).
import { Resvg } from '@resvg/resvg-js'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'

// jsqr is CommonJS typed as `export default`: loaded by Node, the default import is the module object.
const jsQR = (jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule

export interface Region {
  x: number
  y: number
  width: number
  height: number
}

interface Rgba {
  data: Uint8ClampedArray
  width: number
  height: number
}

/** Renders `svg` `widthPx` wide on white and decodes the one code in it, or null. */
export function decodeSvg(svg: string, widthPx: number): string | null {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: widthPx }, background: 'white' }).render()
  const rgba = { data: new Uint8ClampedArray(image.pixels), width: image.width, height: image.height }
  return jsQR(rgba.data, rgba.width, rgba.height, { inversionAttempts: 'dontInvert' })?.data ?? null
}

/** Renders `svg` at `widthPx` to a PNG, for screenshots composed in tests. */
export function renderPng(svg: string, widthPx: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: widthPx }, background: 'white' }).render().asPng()
}

/**
 * Every QR code in a screenshot (distinct contents, in the order found). jsQR reads one code per
 * call and, given several, tends to pair finder patterns of neighbouring codes. So: decode, paint
 * the code white, repeat; then slide windows of shrinking size over the image and do the same in
 * each. With `region` only that part is searched (e.g. a tile measured from the DOM).
 */
export function decodePng(png: Buffer, region?: Region): string[] {
  return locatePng(png, region).map((code) => code.data)
}

/** A code found in a picture: its content and where its symbol (quiet zone excluded) lies, in px. */
export interface FoundCode extends Region {
  data: string
}

/** Like decodePng, with each code's bounding box (from the corners jsQR reports) in image px. */
export function locatePng(png: Buffer, region?: Region): FoundCode[] {
  return locateIn(readPng(png), region)
}

function locateIn(full: Rgba, region?: Region): FoundCode[] {
  const image = region ? crop(full, region) : full
  const found: FoundCode[] = []
  const search = (window: Region): boolean => {
    let any = false
    for (let i = 0; i < 12; i++) {
      const part = crop(image, window)
      const code = jsQR(part.data, part.width, part.height, { inversionAttempts: 'attemptBoth' })
      if (!code) break
      any = true
      const { topLeftCorner: a, topRightCorner: b, bottomLeftCorner: c, bottomRightCorner: d } = code.location
      const xs = [a.x, b.x, c.x, d.x].map((x) => x + Math.max(0, Math.floor(window.x)))
      const ys = [a.y, b.y, c.y, d.y].map((y) => y + Math.max(0, Math.floor(window.y)))
      const box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }
      if (!found.some((f) => f.data === code.data)) found.push({ data: code.data, ...box, x: box.x + (region?.x ?? 0), y: box.y + (region?.y ?? 0) })
      // A fifth of the code as margin also wipes its quiet zone's edge: no finder pattern is left.
      const margin = (Math.max(...xs) - Math.min(...xs)) / 5
      paintWhite(image, Math.min(...xs) - margin, Math.min(...ys) - margin, Math.max(...xs) + margin, Math.max(...ys) + margin)
    }
    return any
  }
  search({ x: 0, y: 0, width: image.width, height: image.height })
  // Square windows from the image's short side down to a quarter of it, overlapping by three quarters.
  const short = Math.min(image.width, image.height)
  for (const size of [short, short / 1.5, short / 2, short / 3, short / 4].map(Math.round)) {
    if (size < 21) break // no code fits in fewer pixels than a version-1 code has modules
    const step = Math.max(1, Math.round(size / 4))
    for (let y = 0; y + size <= image.height + step - 1; y += step) {
      for (let x = 0; x + size <= image.width + step - 1; x += step) search({ x, y, width: size, height: size })
    }
  }
  return found
}

/**
 * Every code on a printed page (a PDF rasterised by pdftoppm), with its box. Searching a whole
 * page at print resolution is slow and lets jsQR pair neighbouring codes, so the page is first cut
 * into blocks along white bands at least `gap` px wide (a recursive XY cut): inside a code no two
 * neighbouring rows or columns of modules are both white (the timing patterns alternate), so a
 * gap wider than two modules never cuts a code, while the quiet zone (four modules) separates it
 * from its neighbours. Then each block large enough to hold a code is searched on its own.
 */
export function locateOnPage(png: Buffer, gap: number, minSize = 100): FoundCode[] {
  const image = readPng(png)
  const dark = new Uint8Array(image.width * image.height)
  for (let i = 0; i < dark.length; i++) {
    const [r, g, b] = [image.data[i * 4]!, image.data[i * 4 + 1]!, image.data[i * 4 + 2]!]
    dark[i] = 0.299 * r + 0.587 * g + 0.114 * b < 160 ? 1 : 0
  }
  const lineIsWhite = (r: Region, horizontal: boolean, at: number) => {
    const length = horizontal ? r.width : r.height
    for (let k = 0; k < length; k++) if (dark[horizontal ? at * image.width + r.x + k : (r.y + k) * image.width + at]) return false
    return true
  }
  /** The parts of `r` between white bands ≥ gap along one axis, trimmed of white at both ends. */
  const split = (r: Region, horizontal: boolean): Region[] => {
    const [from, to] = horizontal ? [r.y, r.y + r.height] : [r.x, r.x + r.width]
    const parts: Region[] = []
    let start = -1
    let white = 0
    for (let at = from; at <= to; at++) {
      const isWhite = at === to || lineIsWhite(r, horizontal, at)
      if (!isWhite) {
        if (start < 0) start = at
        white = 0
        continue
      }
      white++
      if (start >= 0 && (white >= gap || at === to)) {
        const end = at - white + 1
        parts.push(horizontal ? { x: r.x, y: start, width: r.width, height: end - start } : { x: start, y: r.y, width: end - start, height: r.height })
        start = -1
      }
    }
    return parts
  }
  const leaves: Region[] = []
  const cut = (r: Region, horizontal: boolean, tried: number) => {
    const parts = split(r, horizontal)
    if (parts.length === 1 && parts[0]!.width === r.width && parts[0]!.height === r.height) {
      if (tried === 1) leaves.push(r)
      else cut(r, !horizontal, tried + 1)
      return
    }
    for (const part of parts) cut(part, !horizontal, 0)
  }
  cut({ x: 0, y: 0, width: image.width, height: image.height }, true, 0)
  const found: FoundCode[] = []
  for (const leaf of leaves.filter((l) => l.width >= minSize && l.height >= minSize)) {
    const margin = gap / 2
    const region = { x: Math.max(0, leaf.x - margin), y: Math.max(0, leaf.y - margin), width: leaf.width + 2 * margin, height: leaf.height + 2 * margin }
    for (const code of locateIn(image, region)) if (!found.some((f) => f.data === code.data)) found.push(code)
  }
  return found
}

/** Every code, decoding each region on its own: the robust way for a slide with several codes. */
export function decodeRegions(png: Buffer, regions: Region[]): (string | null)[] {
  return regions.map((region) => decodePng(png, region)[0] ?? null)
}

/** Downscales by `factor` (0 < factor ≤ 1) averaging the source area under each pixel, like a camera. */
export function scalePng(png: Buffer, factor: number): Buffer {
  if (!(factor > 0 && factor <= 1)) throw new RangeError(`scalePng: factor must be in (0, 1], got ${factor}`)
  const src = readPng(png)
  const width = Math.max(1, Math.round(src.width * factor))
  const height = Math.max(1, Math.round(src.height * factor))
  const out = new PNG({ width, height })
  const sx = src.width / width
  const sy = src.height / height
  const acc = new Float64Array(4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      acc.fill(0)
      let area = 0
      // Box filter over [x·sx, (x+1)·sx) × [y·sy, (y+1)·sy), partial source pixels weighted.
      for (let v = Math.floor(y * sy); v < Math.min(src.height, Math.ceil((y + 1) * sy)); v++) {
        const wy = Math.min(v + 1, (y + 1) * sy) - Math.max(v, y * sy)
        for (let u = Math.floor(x * sx); u < Math.min(src.width, Math.ceil((x + 1) * sx)); u++) {
          const w = wy * (Math.min(u + 1, (x + 1) * sx) - Math.max(u, x * sx))
          const i = (v * src.width + u) * 4
          for (let c = 0; c < 4; c++) acc[c]! += w * src.data[i + c]!
          area += w
        }
      }
      const o = (y * width + x) * 4
      for (let c = 0; c < 4; c++) out.data[o + c] = Math.round(acc[c]! / area)
    }
  }
  return PNG.sync.write(out)
}

function readPng(png: Buffer): Rgba {
  const { data, width, height } = PNG.sync.read(png)
  return { data: new Uint8ClampedArray(data), width, height }
}

function crop(image: Rgba, r: Region): Rgba {
  const x0 = Math.max(0, Math.floor(r.x))
  const y0 = Math.max(0, Math.floor(r.y))
  const width = Math.min(image.width, Math.ceil(r.x + r.width)) - x0
  const height = Math.min(image.height, Math.ceil(r.y + r.height)) - y0
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * 4
    data.set(image.data.subarray(from, from + width * 4), y * width * 4)
  }
  return { data, width, height }
}

function paintWhite(image: Rgba, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(image.height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(image.width, Math.ceil(x1)); x++) {
      image.data.fill(255, (y * image.width + x) * 4, (y * image.width + x) * 4 + 4)
    }
  }
}
