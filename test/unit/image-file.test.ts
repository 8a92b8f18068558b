// Images are images: the format comes from the content, SVG carries no script, big files get a warning.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../../src/core/diagnostic.ts'
import { rasterType } from '../../src/io/image-type.ts'
import { loadDeck, loadDecks } from '../../src/io/load-decks.ts'
import { checkSvg } from '../../src/io/svg-check.ts'
import { tempDir } from '../helpers/build-fixture.ts'
import { FIXTURE_DECKS, ROOT, siteConfig, THEMES } from '../helpers/site.ts'

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))
/** An ISO-BMFF ftyp box: size, 'ftyp', major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => bytes([0, 0, 0, 16 + 4 * compatible.length], 'ftyp', major, [0, 0, 0, 0], ...compatible)

describe('rasterType: the first bytes decide, never the name', () => {
  const cases: [string, Buffer, string | undefined][] = [
    ['PNG signature', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]), 'png'],
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    ['GIF87a', bytes('GIF87a'), 'gif'],
    ['GIF89a', bytes('GIF89a'), 'gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['AVIF, major brand avif', ftyp('avif', 'mif1', 'miaf'), 'avif'],
    ['AVIF sequence, major brand avis', ftyp('avis'), 'avif'],
    ['AVIF named only among the compatible brands', ftyp('mif1', 'miaf', 'avif'), 'avif'],
    ['HEIC is not AVIF', ftyp('heic', 'mif1'), undefined],
    ['an MP4 video is not an image', ftyp('isom', 'mp41'), undefined],
    ['RIFF WAVE audio is not WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), undefined],
    ['"PNG" as text', bytes('PNG\r\nnot an image'), undefined],
    ['a PDF', bytes('%PDF-1.7'), undefined],
    ['an empty file', bytes(), undefined],
  ]
  for (const [name, head, type] of cases) it(`${name} → ${type ?? 'refused'}`, () => expect(rasterType(head)).toBe(type))
})

describe('checkSvg', () => {
  it('accepts every SVG of the example decks and of the fixtures', () => {
    const svgs = [
      ...['vertrieb', 'personal', 'engineering'].flatMap((d) => readdirSync(join(ROOT, 'decks', d, 'img')).filter((f) => f.endsWith('.svg')).map((f) => join(ROOT, 'decks', d, 'img', f))),
      join(FIXTURE_DECKS, 'ok/img/diagramm.svg'),
      join(FIXTURE_DECKS, 'bad/img/chart.svg'),
      join(ROOT, 'test/fixtures/decks-timing/bild.svg'),
    ]
    expect(svgs.length).toBeGreaterThanOrEqual(6)
    for (const file of svgs) expect(checkSvg(readFileSync(file, 'utf8')), file).toEqual({ ok: true })
  })

  const svg = (body: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs}>\n${body}\n</svg>`
  const refused: [string, string, string][] = [
    ['script in upper case is another element, but still not on the list', svg('<SCRIPT>alert(1)</SCRIPT>'), '<SCRIPT>'],
    ['an event handler on a child', svg('<rect width="1" height="1" onclick="alert(1)"/>'), 'the event handler onclick='],
    ['an SVG picture inside as a data: URL', svg('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'), 'the reference href="data:image/svg+xml;base64,PHN2Zy8+"'],
    ['a use of another file', svg('<use href="icons.svg#star"/>'), 'the reference href="icons.svg#star"'],
    ['url() hidden behind a CSS escape', svg('<style>.a { fill: \\75 rl(https://x.example/y.svg#p) }</style>'), 'the external reference url(https://x.example/y.svg#p)'],
    ['@import without brackets', svg('<style>@import "https://x.example/a.css";</style>'), 'the external reference @import'],
    ['@import written as a CSS escape, without brackets', svg('<style>\\40 import "https://x.example/a.css";</style>'), 'the external reference @import'],
    ['the second url() of a rule', svg('<style>.a { fill: url(#g); stroke: url(https://x.example/y) }</style>'), 'the external reference url(https://x.example/y)'],
    ['url() in a presentation attribute', svg('<rect fill="url(https://x.example/p.svg#g)"/>'), 'the external reference url(https://x.example/p.svg#g) in fill='],
    ['image-set() in a style attribute', svg('<rect style="fill: image-set(&quot;a.png&quot; 1x)"/>'), 'the external reference image-set( in style='],
    ['MathML, which may link', svg('<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>'), '<math>'],
    ['xml:base, which moves every relative link', svg('<g xml:base="https://x.example/"/>'), 'xml:base='],
    ['an XSLT style sheet', `<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n${svg('')}`, '<?xml-stylesheet?>'],
    ['an animation that sets an event handler', svg('<set attributeName="onclick" to="alert(1)"/>'), '<set attributeName="onclick">'],
  ]
  for (const [name, text, what] of refused) it(`refuses ${name}`, () => expect(checkSvg(text)).toMatchObject({ unsafe: what }))

  it('names the line in the SVG where the problem is', () => {
    expect(checkSvg(svg('<g>\n  <rect/>\n  <script>alert(1)</script>\n</g>'))).toEqual({ unsafe: '<script>', line: 4 })
  })

  it('is not an image: another XML root, no namespace, another encoding, broken XML', () => {
    expect(checkSvg('<html xmlns="http://www.w3.org/1999/xhtml"/>')).toEqual({ notSvg: 'its root element is <html>, not <svg>' })
    expect(checkSvg('<?xml version="1.0" encoding="ISO-8859-1"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')).toEqual({ notSvg: 'it declares the encoding "ISO-8859-1"; save it as UTF-8' })
    expect(checkSvg('<svg xmlns="http://www.w3.org/2000/svg">&nbsp;</svg>')).toEqual({ notSvg: 'its XML is broken at line 1 (undefined entity); export it again' })
  })
})

describe('image size', () => {
  const deck = '---\ntitle: Groß\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n# Foto\n\n![Ein großes Foto](img/gross.png)\n'
  const decksDir = tempDir('size')
  mkdirSync(join(decksDir, 'img'))
  writeFileSync(join(decksDir, 'foto.md'), deck)
  // A PNG signature and 6 MB after it: the size is what counts here.
  writeFileSync(join(decksDir, 'img/gross.png'), Buffer.concat([bytes([0x89], 'PNG\r\n\x1a\n'), Buffer.alloc(6 * 1024 * 1024)]))
  const messages = async (options = {}) =>
    (await loadDecks({ decksDir, themes: THEMES, site: siteConfig(options) })).diagnostics.map((d) => formatDiagnostic(d))

  it('warns about an image over 5 MB with its position: a warning, not an error', async () => {
    expect(await messages()).toEqual([
      'foto.md:11:20 warning: image "img/gross.png" is 6.0 MB, more than the 5 MB that load quickly in a presentation: export it smaller (1920 pixels wide is plenty)',
    ])
  })

  it('takes the limit from the site option maxImageMB', async () => {
    expect(await messages({ maxImageMB: 10 })).toEqual([])
    expect(await messages({ maxImageMB: 2 })).toEqual([expect.stringContaining('more than the 2 MB')])
  })
})

describe('files that are not regular files', () => {
  it('refuses a named pipe as an image instead of waiting for a writer forever', async () => {
    const decksDir = tempDir('fifo')
    writeFileSync(join(decksDir, 'rohr.md'), '---\ntitle: Rohr\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n![Rohr](rohr.png)\n')
    execFileSync('mkfifo', [join(decksDir, 'rohr.png')])
    const loaded = await loadDecks({ decksDir, themes: THEMES, site: siteConfig() })
    expect(loaded.diagnostics.map((d) => formatDiagnostic(d))).toEqual(['rohr.md:9:9 image "rohr.png" is not a regular file: name an image file'])
  })
})

describe('each image is read and checked once, and a build keeps the bytes it checked', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'
  const png = bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR')
  const decksDir = tempDir('once')
  mkdirSync(join(decksDir, 'img'))
  writeFileSync(join(decksDir, 'img/a.svg'), svg)
  writeFileSync(join(decksDir, 'img/b.png'), png)
  writeFileSync(join(decksDir, 'img/c.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
  const text = (images: string) =>
    `---\ntitle: Bilder\ndate: 2026-12-03\naudience: Vertrieb\nhomework:\n  - { kind: follow, title: Folgen, url: "https://example.com" }\n---\n\n# Bilder\n\n${images}\n`
  const ctx = { decksDir, themes: THEMES, site: siteConfig() }

  it('a build gets every image with the very bytes that passed the check', () => {
    const loaded = loadDeck(text('![A](img/a.svg) ![B](img/b.png) ![A again](img/a.svg)'), 'bilder.md', ctx, { bytes: true })
    expect(loaded.diagnostics).toEqual([])
    expect([...loaded.images.keys()]).toEqual(['img/a.svg', 'img/b.png'])
    expect(loaded.images.get('img/a.svg')).toEqual({ type: 'svg', size: svg.length, bytes: Buffer.from(svg) })
    expect(loaded.images.get('img/b.png')).toEqual({ type: 'png', size: png.length, bytes: png })
  })

  it('a refused image is reported and never handed on; a check alone keeps no bytes', () => {
    const loaded = loadDeck(text('![A](img/a.svg) ![C](img/c.svg)'), 'bilder.md', ctx, { bytes: true })
    expect(loaded.diagnostics.map((d) => formatDiagnostic(d))).toEqual([expect.stringMatching(/^bilder\.md:11:22 image "img\/c\.svg" contains the event handler onload=/)])
    expect([...loaded.images.keys()]).toEqual(['img/a.svg'])
    expect(loadDeck(text('![A](img/a.svg)'), 'bilder.md', ctx).images.get('img/a.svg')).toEqual({ type: 'svg', size: svg.length })
  })
})
