// String work for one-file pages: code made safe inside <script> and <style>, CSS url()s as data:
// URIs, and @font-face rules whose characters a page never uses left out.

/**
 * JavaScript as the text of an inline <script>. The HTML parser ends the element at `</script`
 * and enters its "double escaped" state at `<!--`, whatever the JS means; `<\/` and `\x3C!--`
 * mean the same in strings, template literals and regular expressions (where they occur in
 * bundled code: outside them both would already be syntax errors in a module).
 */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--')
}

/** CSS as the text of an inline <style>: only `</style` could end it early (`\/` is `/` in CSS). */
export function inlineStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1')
}

/** The code point ranges a CSS `unicode-range` names ('U+0100-02BA, U+4??'); undefined when unreadable. */
export function parseUnicodeRange(value: string): [number, number][] | undefined {
  const ranges: [number, number][] = []
  for (const part of value.split(',')) {
    const m = /^\s*u\+([\da-f?]{1,6})(?:-([\da-f]{1,6}))?\s*$/i.exec(part)
    if (!m || (m[1]!.includes('?') && m[2])) return undefined
    const from = parseInt(m[1]!.replace(/\?/g, '0'), 16)
    const to = m[1]!.includes('?') ? parseInt(m[1]!.replace(/\?/g, 'f'), 16) : m[2] ? parseInt(m[2], 16) : from
    ranges.push([from, to])
  }
  return ranges
}

const FONT_FACE = /@font-face\s*\{[^}]*\}/gi

/**
 * Leaves out each @font-face whose unicode-range holds none of the characters of `text`: the browser
 * would never load it for this page (CSS Fonts 4, §4.5). A face without a readable range is kept.
 */
export function dropUnusedFontFaces(css: string, text: string): string {
  const used = new Set<number>()
  for (const c of text) used.add(c.codePointAt(0)!)
  const points = [...used]
  return css.replace(FONT_FACE, (face) => {
    const range = /unicode-range\s*:\s*([^;}]+)/i.exec(face)
    const ranges = range && parseUnicodeRange(range[1]!)
    if (!ranges) return face
    return points.some((p) => ranges.some(([from, to]) => p >= from && p <= to)) ? face : ''
  })
}

/**
 * Replaces every `url(…)` of `css` that is not already a data: URI with `dataUri(ref)`, the file
 * named relative to the stylesheet (`./font-1a2b.woff2`). Throws when a file cannot be inlined:
 * a one-file page must not fall back to a request.
 */
export function inlineCssUrls(css: string, dataUri: (ref: string) => string | undefined): string {
  return css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g, (whole, _quote: string, ref: string) => {
    if (/^data:/i.test(ref) || ref.startsWith('#')) return whole
    const uri = dataUri(ref)
    if (uri === undefined) throw new Error(`the stylesheet refers to "${ref}", which cannot be inlined`)
    return `url(${uri})`
  })
}

/** A data: URI of `bytes` (base64), as CSS and HTML attributes take it without escaping. */
export function dataUri(mime: string, bytes: Uint8Array): string {
  return `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`
}
