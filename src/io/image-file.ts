// Opens a file a deck uses as an image: inside the decks folder, an image by its content, SVG without script.
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { containedPath } from './contained-path.ts'
import { HEAD_BYTES, rasterType, type ImageType } from './image-type.ts'
import { checkSvg } from './svg-check.ts'

export interface ImageFile {
  type: ImageType
  size: number
  /** The whole file; only read when asked for (a raster image's type needs its first bytes only). */
  bytes?: Buffer
}

/** What is wrong with an image, as the end of a sentence that starts `image "<path>" `. */
export type ImageProblem = { problem: string }

const FORMATS = 'is not a PNG, JPEG, GIF, WebP, AVIF or SVG image'

/** `file` is relative to `decksDir`. Reads the file once, through its real path. */
export function readImage(decksDir: string, file: string, options: { bytes?: boolean } = {}): ImageFile | ImageProblem {
  const where = containedPath(decksDir, file)
  if ('refused' in where) {
    return { problem: where.refused === 'outside' ? 'leads outside the decks folder through a symbolic link: copy the file itself into the decks folder' : 'not found in the decks folder: check the file name' }
  }
  // Stat before open: opening a named pipe would wait for a writer forever.
  const stat = statSync(where.path)
  if (!stat.isFile()) return { problem: stat.isDirectory() ? 'is a folder, not an image file: name a file inside it' : 'is not a regular file: name an image file' }
  const fd = openSync(where.path, 'r')
  try {
    // The bytes to publish are read once and judged themselves, type and SVG check alike. A check
    // alone (every save in the dev server, `check`) reads a raster image's first bytes only and
    // parses each version of an SVG once.
    if (options.bytes) {
      const bytes = read(fd, stat.size)
      const raster = rasterType(bytes.subarray(0, HEAD_BYTES))
      if (raster) return { type: raster, size: stat.size, bytes }
      return svgProblem(bytes) ?? { type: 'svg', size: stat.size, bytes }
    }
    const raster = rasterType(read(fd, Math.min(HEAD_BYTES, stat.size)))
    if (raster) return { type: raster, size: stat.size }
    const version = `${where.path}\0${stat.size}\0${stat.mtimeMs}`
    if (!svgVerdicts.has(version)) {
      if (svgVerdicts.size > 1000) svgVerdicts.clear()
      svgVerdicts.set(version, svgProblem(read(fd, stat.size)))
    }
    return svgVerdicts.get(version) ?? { type: 'svg', size: stat.size }
  } finally {
    closeSync(fd)
  }
}

const svgVerdicts = new Map<string, ImageProblem | undefined>()
/** One strict decoder for every SVG: decode() keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: true })

function svgProblem(bytes: Buffer): ImageProblem | undefined {
  let text: string
  try {
    text = UTF8.decode(bytes) // drops a BOM
  } catch {
    return { problem: `${FORMATS}: save or export it in one of these formats` }
  }
  // Only text that starts like XML is worth a parse: a deck, a .txt or a PNG that is text is not.
  if (!text.trimStart().startsWith('<')) return { problem: `${FORMATS}: save or export it in one of these formats` }
  const check = checkSvg(text)
  // The XML's own problem helps with a broken SVG; for an HTML page or a text file it would confuse.
  if ('notSvg' in check) return { problem: `${FORMATS}: ${/<svg[\s>/]/.test(text) ? check.notSvg : 'save or export it in one of these formats'}` }
  if ('unsafe' in check) {
    return { problem: `contains ${check.unsafe} at line ${check.line} of the SVG: SVG images must not contain scripts, event handlers, foreignObject or external references; export it again without them` }
  }
  return undefined
}

/** The first `length` bytes (all of a file shorter than that). */
function read(fd: number, length: number): Buffer {
  const buffer = Buffer.alloc(length)
  let done = 0
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, done)
    if (n === 0) break
    done += n
  }
  return buffer.subarray(0, done)
}
