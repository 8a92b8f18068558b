// A static file server on 127.0.0.1 (a random port) for one folder: Chromium prints decks from it.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { isWithin } from './contained-path.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
}

export interface FolderServer {
  /** http://127.0.0.1:<port>/ */
  url: string
  close(): Promise<void>
}

/** Serves `dir` (an absolute path) read-only; anything outside it is a 404. */
export async function serveFolder(dir: string): Promise<FolderServer> {
  const server = createServer(async (req, res) => {
    try {
      let file = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
      if (!isWithin(dir, file)) return void res.writeHead(404).end()
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file))
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
