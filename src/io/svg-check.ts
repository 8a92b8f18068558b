// Whether a text is an SVG image that cannot run script or load other files when opened on its own.
// Refuse rather than clean: the published file stays the one the presenter made, and no DOM is
// needed (DOMPurify would need jsdom). saxes is strict, so what it accepts a browser reads the same
// way; elements are allowed by list, so whatever is unknown is refused, not passed through.
import { SaxesParser, type SaxesTagNS } from 'saxes'
import { isSafeLink } from '../core/safe-url.ts'

export type SvgCheck = { ok: true } | { notSvg: string } | { unsafe: string; line: number }

const SVG = 'http://www.w3.org/2000/svg'
/** Namespaces whose elements a browser makes live (HTML runs <script>, MathML may link). */
const LIVE_FOREIGN = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML'])
/** SVG 1.1 and 2 elements that draw, group, style or animate; not script, foreignObject, handler. */
const ALLOWED = new Set(
  ('a altGlyph altGlyphDef altGlyphItem animate animateColor animateMotion animateTransform circle clipPath color-profile cursor defs desc ' +
    'ellipse feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap ' +
    'feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode ' +
    'feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence filter font font-face ' +
    'font-face-format font-face-name font-face-src font-face-uri glyph glyphRef g hkern image line linearGradient marker mask ' +
    'metadata missing-glyph mpath path pattern polygon polyline radialGradient rect set stop style svg switch symbol ' +
    'text textPath title tref tspan use view vkern').split(' '),
)
const ANIMATIONS = new Set(['animate', 'animateColor', 'animateMotion', 'animateTransform', 'set'])
const RASTER_DATA = /^data:image\/(png|jpeg|gif|webp|avif)[;,]/i

class Unsafe extends Error {
  constructor(readonly what: string, readonly line: number) {
    super(what)
  }
}

/** Checks an SVG file's text (BOM already removed); the first problem found is reported. */
export function checkSvg(text: string): SvgCheck {
  const parser = new SaxesParser({ xmlns: true, position: true })
  let root = true
  let inStyle = false
  let tagLine = 1
  const refuse = (what: string, line = parser.line): never => {
    throw new Unsafe(what, line)
  }
  parser.on('xmldecl', (decl) => {
    if (decl.encoding && !/^(utf-?8|us-ascii)$/i.test(decl.encoding)) throw new Error(`it declares the encoding "${decl.encoding}"; save it as UTF-8`)
  })
  // An internal DTD subset can define entities that expand into markup (<!ENTITY x "<script>…">).
  parser.on('doctype', (doctype) => void (doctype.includes('[') && refuse('a DOCTYPE with its own declarations')))
  // <?xml-stylesheet?> can load an XSLT sheet that writes HTML with script.
  parser.on('processinginstruction', (pi) => refuse(`<?${pi.target}?>`))
  parser.on('opentagstart', () => void (tagLine = parser.line))
  parser.on('opentag', (tag) => {
    if (root && !(tag.local === 'svg' && tag.uri === SVG)) {
      throw new Error(tag.local === 'svg' ? `its <svg> root lacks xmlns="${SVG}"` : `its root element is <${tag.name}>, not <svg>`)
    }
    root = false
    checkElement(tag, tagLine, refuse)
    inStyle = tag.local === 'style'
  })
  parser.on('closetag', () => void (inStyle = false))
  const styleText = (css: string) => void (inStyle && checkCss(css, refuse))
  parser.on('text', styleText)
  parser.on('cdata', styleText)
  try {
    parser.write(text).close()
  } catch (error) {
    if (error instanceof Unsafe) return { unsafe: error.what, line: error.line }
    const message = error instanceof Error ? error.message : String(error)
    // saxes reports "file:line:col: message"; messages we throw above are already sentences.
    const syntax = /^(?:undefined:)?(\d+):(\d+): (.*)$/s.exec(message)
    return { notSvg: syntax ? `its XML is broken at line ${syntax[1]} (${syntax[3]!.trim().replace(/\.$/, '')}); export it again` : message }
  }
  return root ? { notSvg: 'it has no <svg> root element' } : { ok: true }
}

function checkElement(tag: SaxesTagNS, line: number, refuse: (what: string, line?: number) => never): void {
  if (tag.uri === SVG ? !ALLOWED.has(tag.local) : LIVE_FOREIGN.has(tag.uri)) refuse(`<${tag.name}>`, line)
  for (const attr of Object.values(tag.attributes)) {
    const { local, name, value } = attr
    if (/^on/i.test(local)) refuse(`the event handler ${name}=`, line)
    if (local === 'base' && attr.prefix === 'xml') refuse(`${name}=`, line)
    if (local === 'href' && !allowedHref(tag.local, value)) refuse(`the reference ${name}="${clip(value)}"`, line)
    if (ANIMATIONS.has(tag.local) && local === 'attributeName' && /href|^on/i.test(value)) refuse(`<${tag.name} ${name}="${value}">`, line)
    checkCss(value, (what) => refuse(`${what} in ${name}=`, line))
  }
}

/** Fragment links (#id) anywhere, pictures inside the file on <image>, and ordinary links on <a>. */
function allowedHref(element: string, href: string): boolean {
  const value = href.trim()
  if (value.startsWith('#')) return true
  if (element === 'image' || element === 'feImage') return RASTER_DATA.test(value)
  return element === 'a' && isSafeLink(value)
}

/** CSS that loads another file: url() to anything but #id, @import, image-set(); escapes decoded first. */
function checkCss(css: string, refuse: (what: string) => never): void {
  // Each form below needs "(" or "@", or an escape that writes one: most attribute values have neither.
  if (!/[\\(@]/.test(css)) return
  const decoded = css.replace(/\\([0-9a-f]{1,6})\s?|\\(.)/gi, (_, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : char!,
  )
  for (const [, target] of decoded.matchAll(/url\(\s*['"]?\s*([^)'"]*)/gi)) {
    if (!target!.startsWith('#')) refuse(`the external reference url(${clip(target!)})`)
  }
  const load = /@import|(?:^|[^\w-])(?:-webkit-)?image-set\(|(?:^|[^\w-])src\(/i.exec(decoded)
  if (load) refuse(`the external reference ${load[0].replace(/^[^@\w-]/, '')}`)
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s)
