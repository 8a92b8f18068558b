// Reads what a one-file deck takes inside: the bundled runtime, its fonts, the deck's images.
import { readFileSync } from 'node:fs'
import { dirname, extname, join } from 'node:path'
import { dataUri, dropUnusedFontFaces, inlineCssUrls } from '../core/inline-assets.ts'
import { readImage } from './image-file.ts'
import { IMAGE_FORMATS } from './image-type.ts'
import { isWithin } from './contained-path.ts'
import type { RuntimeAssets } from './write-site.ts'

/** Content-Types of the files a theme's CSS may refer to: fonts, and the image formats the site knows. */
const MIME: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.jpeg': IMAGE_FORMATS.jpeg.mime,
  ...Object.fromEntries(Object.values(IMAGE_FORMATS).map(({ ext, mime }) => [`.${ext}`, mime])),
}

/** The deck runtime's JavaScript, from the runtime cache folder. */
export function readRuntimeScript(runtimeDir: string, assets: RuntimeAssets): string {
  // The runtime is one bundle: two files would import each other, which inline code cannot.
  if (assets.deckJs.length !== 1) throw new Error(`the deck runtime has ${assets.deckJs.length} scripts; a one-file deck needs exactly one`)
  return readFileSync(join(runtimeDir, assets.deckJs[0]!), 'utf8')
}

/**
 * A theme's deck stylesheets as one, with every file they refer to as a data: URI, and without the
 * font faces `text` (the page's characters) never uses: a German deck needs no latin-ext subset.
 */
export function readThemeStyles(runtimeDir: string, assets: RuntimeAssets, theme: string, text: string): string {
  const files = assets.deckCss[theme]
  if (!files) throw new Error(`the deck runtime has no stylesheets for the theme "${theme}"`)
  return files
    .map((file) => {
      const path = join(runtimeDir, file)
      const css = dropUnusedFontFaces(readFileSync(path, 'utf8'), text)
      return inlineCssUrls(css, (ref) => {
        const target = join(dirname(path), decodeURIComponent(ref.split(/[?#]/)[0]!))
        const mime = MIME[extname(target).toLowerCase()]
        return mime && isWithin(runtimeDir, target) ? dataUri(mime, readFileSync(target)) : undefined
      })
    })
    .join('\n')
}

/** Each image as a data: URI, read and checked as the build checks it; or the first image's problem. */
export function readImagesInline(decksDir: string, paths: readonly string[]): { images: Map<string, string> } | { path: string; problem: string } {
  const images = new Map<string, string>()
  for (const path of paths) {
    if (images.has(path)) continue
    const image = readImage(decksDir, path, { bytes: true })
    if ('problem' in image) return { path, problem: image.problem }
    images.set(path, dataUri(IMAGE_FORMATS[image.type].mime, image.bytes!))
  }
  return { images }
}
