// The dev server's file rules: decks' images only through the containment and image checks, the
// decks folder never through vite's own file serving, a malformed address answered 400.
import { realpathSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { join, resolve } from 'node:path'
import { isInside } from '../io/contained-path.ts'
import { readImage } from '../io/image-file.ts'
import { IMAGE_FORMATS } from '../io/image-type.ts'

/** A request path, percent-decoded, or undefined when it is not valid percent-encoding (`/%E0`). */
export function decodePath(url: string): string | undefined {
  try {
    return decodeURIComponent(url.split(/[?#]/)[0]!)
  } catch {
    return undefined
  }
}

/**
 * Whether vite's own middlewares would serve a file inside the decks folder for this request. They
 * serve the project root (the decks folder is usually in it) and /@fs/ paths, and follow symbolic
 * links; a deck's files must go through serveImage instead. Every reading vite may take is tried:
 * the raw path and the WHATWG-normalised one (`\` → `/`, `%2e%2e` → `..`), with and without base.
 */
export function reachesDecks(url: string, ctx: { root: string; base: string; decksDir: string }): boolean {
  const raw = url.split(/[?#]/)[0]!
  const paths = [raw, new URL(raw, 'http://127.0.0.1').pathname].map(decodePath).filter((p): p is string => p !== undefined)
  const candidates = paths.flatMap((p) => [p, ctx.base.startsWith('/') && p.startsWith(ctx.base) ? `/${p.slice(ctx.base.length)}` : p])
  const files = candidates.flatMap((p) => {
    const absolute = /^\/@(fs|id)\//.exec(p) ? resolve('/', p.slice(4)) : undefined
    return absolute ? [absolute, join(ctx.root, p)] : [join(ctx.root, p)]
  })
  const folders = [resolve(ctx.decksDir), realOrSelf(ctx.decksDir)]
  return files.some((file) => {
    const real = realOrSelf(file)
    return folders.some((folder) => [file, real].some((f) => f === folder || isInside(folder, f)))
  })
}

/** Serves an image of a deck, `file` relative to the decks folder, with the type its content has. */
export function serveImage(decksDir: string, file: string, res: ServerResponse): void {
  const image = readImage(decksDir, file, { bytes: true })
  if ('problem' in image) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end(`image "${file}" ${image.problem}\n`)
    return
  }
  res.writeHead(200, {
    'Content-Type': IMAGE_FORMATS[image.type].mime,
    'X-Content-Type-Options': 'nosniff',
    // A second guard next to the SVG check: an image opened on its own runs nothing, loads nothing.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    'Cache-Control': 'no-cache',
  })
  res.end(image.bytes)
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}
