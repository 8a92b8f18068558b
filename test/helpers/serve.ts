// A static file server on 127.0.0.1 for the built site, optionally under a base path; logs requests.
import { createServer, type Server } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.xml': 'application/atom+xml',
  '.ics': 'text/calendar',
}

export interface StaticServer {
  url: string
  requests: string[]
  close(): Promise<void>
}

export async function serveDir(dir: string, base = '/'): Promise<StaticServer> {
  const requests: string[] = []
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!)
    requests.push(path)
    if (!path.startsWith(base)) return void res.writeHead(404).end()
    let file = normalize(join(dir, path.slice(base.length)))
    if (!file.startsWith(dir)) return void res.writeHead(403).end()
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      const body = await readFile(file)
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `http://127.0.0.1:${port}${base}`, requests, close: () => new Promise((r) => server.close(() => r())) }
}
