// updeck:dev — serves the site from memory, re-renders a saved deck and swaps it in on the same slide.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, relative, sep } from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'
import { deckPages, forwardingPages, sitePageMakers } from '../core/build-site.ts'
import { isDeckFile, isHiddenPath } from '../core/deck-files.ts'
import { formatDiagnostic, hasErrors } from '../core/diagnostic.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { Page } from '../core/model.ts'
import { renderDeckSlides } from '../core/render-deck-page.ts'
import { renderIndex } from '../core/render-index.ts'
import type { SiteAssets, SiteContext } from '../core/site-context.ts'
import { containedPath } from '../io/contained-path.ts'
import type { LoadContext } from '../io/load-decks.ts'
import { siteClock } from '../io/clock.ts'
import { completion } from './dev-completion.ts'
import type { DevDecks } from './dev-decks.ts'
import { devLoad, startDevDecks, takeStart, type DevStart } from './dev-start.ts'
import { decodePath, reachesDecks, serveImage } from './dev-files.ts'
import { errorPage } from './error-page.ts'
import { withSiteUrl } from './options.ts'
import { DECK_RUNTIME, PAGE_CSS, PAGE_JS } from './runtime-files.ts'

const IMAGE_PREFIX = '@updeck/decks/'
/** When the decks folder is watched if no page was asked for before. */
const WATCH_AFTER_MS = 1000
/** How long a deck file must stay unchanged before it is re-rendered. */
const SETTLE_MS = 40
type WatchEvent = 'add' | 'change' | 'unlink'
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', json: 'application/json', xml: 'application/atom+xml', ics: 'text/calendar; charset=utf-8', txt: 'text/plain; charset=utf-8' }

export function devPlugin(configured: SiteConfig): Plugin {
  let site = configured
  let load: LoadContext
  let decks: DevDecks
  let base = '/'
  let start: Promise<DevStart> | undefined
  let today: string | undefined
  /** Site-wide pages made for one state of the decks and one day: every request passes findPage. */
  let cached: { key: string; pages: Map<string, Page | undefined> } | undefined

  const assets = (themesDir: string): SiteAssets => ({
    deckJs: [`@fs${DECK_RUNTIME}`],
    deckCss: Object.fromEntries(load.themes.map((t) => [t, [`@fs${join(themesDir, t, 'theme.css')}`]])),
    pageCss: [`@fs${PAGE_CSS}`],
    pageJs: [`@fs${PAGE_JS}`],
    image: (path) => `${IMAGE_PREFIX}${path.split('/').map(encodeURIComponent).join('/')}`,
  })
  const siteContext = (themesDir: string): SiteContext => ({ site, base, assets: assets(themesDir), dev: true, ...siteClock(today) })
  /**
   * Parses and renders only what was asked for: one deck's pages (the deck parsed in full and its
   * slides rendered on first request), the index (the decks' frontmatter), or another site-wide file
   * (every deck parsed in full: they show the homework).
   */
  const findPage = (themesDir: string, path: string): Page | undefined => {
    const heads = decks.heads()
    // The deck with the longest slug the path starts with (a/ and a/b/ may both be decks).
    const owner = heads.filter((deck) => path.startsWith(`${deck.slug}/`)).sort((a, b) => b.slug.length - a.slug.length)[0]
    const ctx = siteContext(themesDir)
    if (owner) {
      const deck = decks.rendered(owner.file)
      return deck && deckPages(deck, ctx).find((p) => p.path === path)
    }
    const sitewide = path === 'index.html' || path.startsWith('go/') || sitePageMakers([], ctx).some((p) => p.path === path)
    if (!sitewide) return undefined // vite's own files: /@vite/client, /@fs/…
    const all = path === 'index.html' ? [] : decks.decks()
    const key = `${ctx.today} ${decks.version()}`
    if (cached?.key !== key) cached = { key, pages: new Map() }
    if (cached.pages.has(path)) return cached.pages.get(path)
    const maker = sitePageMakers(all, ctx).find((p) => p.path === path)
    const page = path === 'index.html' ? { path, content: renderIndex(heads, ctx) } : maker ? { path, content: maker.make() } : forwardingPages(all, ctx).find((p) => p.path === path)
    cached.pages.set(path, page)
    return page
  }

  return {
    name: 'updeck:dev',
    apply: (_config, env) => env.command === 'serve' && !env.isPreview,
    // reveal.js is pre-bundled at start: found later, vite would reload the open deck once.
    config: () => ({ appType: 'custom', server: { host: '127.0.0.1' }, optimizeDeps: { entries: [DECK_RUNTIME], include: ['reveal.js'] } }),
    configResolved(config) {
      site = withSiteUrl(configured, config.updeck?.siteUrl)
      load = devLoad(config.root, site, config.updeck?.decksDir)
      // The command line started reading the decks before it loaded vite; else they are read now,
      // and parsed on worker threads while vite sets up its server.
      const given = config.updeck?.start && takeStart(config.updeck.start, config.root, load)
      start = given ? Promise.resolve(given) : startDevDecks(config.root, load)
    },
    async configureServer(server: ViteDevServer) {
      const root = server.config.root
      const themesDir = join(root, 'themes')
      base = server.config.base
      today = server.config.updeck?.today
      // The same listing and the same slug check as build and check: dev shows what a build would.
      const started = await start!
      start = undefined
      decks = started.decks
      const pass = completion(decks, server)
      const reload = async () => {
        await decks.reload()
        // After the first pass, a deck added or changed is parsed in full at once, like a saved one.
        if (pass.done()) while (decks.completeNext());
      }
      // vite's first transformIndexHtml sets itself up (about 0.07 s): done while the decks are parsed,
      // not when the first page is asked for. A failure shows with that page, not here.
      const warmed = server.transformIndexHtml(base, '<!doctype html><html><head></head><body></body></html>').catch(() => undefined)
      await Promise.all([started.listed(), warmed])
      // chokidar's first scan of the decks folder (a stat and a watch per file) would hold up the first
      // answer: it starts after that answer, or a moment after start without one. A file saved before
      // its scan reached it is read again by the next listing or save.
      let watching = false
      const watchDecks = () => {
        if (watching) return
        watching = true
        server.watcher.add(load.decksDir)
      }
      setTimeout(watchDecks, WATCH_AFTER_MS).unref()

      const onDeckFile = async (event: WatchEvent, path: string) => {
        const file = relative(load.decksDir, path).split(sep).join('/')
        if (file.startsWith('..')) return
        // The watcher follows links, into linked folders too: what leads outside is judged when listed.
        const where = containedPath(load.decksDir, file)
        if (event === 'change' && 'refused' in where && where.refused === 'outside') return
        const deck = isDeckFile(file)
        // Never a deck, whatever happens to it: a draft in .drafts/, an editor's swap file.
        if (!deck && isHiddenPath(file) && !decks.usesImage(file)) return
        // Decks came or went, or an image changed: list and check everything again, as a build does.
        if (!deck || event !== 'change') {
          await reload()
          if (!deck) decks.renderAgain()
          server.hot.send({ type: 'full-reload' })
          return
        }
        const hadErrors = decks.diagnostics().some((d) => d.file === file && d.severity === 'error')
        const result = await decks.save(file)
        const problems = decks.diagnostics().filter((d) => d.file === file)
        if (hasErrors(problems) || !result.deck) {
          const message = problems.map((d) => formatDiagnostic(d, relative(root, load.decksDir) + '/')).join('\n')
          server.config.logger.error(message, { timestamp: true })
          server.hot.send({ type: 'error', err: { message, stack: '', plugin: 'updeck' } })
          return
        }
        if (hadErrors) {
          server.hot.send({ type: 'full-reload' })
          return
        }
        const slides = renderDeckSlides(result.deck.deck, result.deck.rendered, siteContext(themesDir))
        server.hot.send({ type: 'custom', event: 'updeck:deck', data: { slug: result.deck.deck.slug, slides } })
      }
      // A save often fires several events (truncate, write, rename): wait until the file is quiet for
      // a moment, then handle one event at a time so each sees the previous one's result. The events
      // of one quiet spell count as one: a new file's add+change is an add (the listing changes).
      let queue = Promise.resolve()
      const pending = new Map<string, { event: WatchEvent; timer: NodeJS.Timeout }>()
      const enqueue = (next: WatchEvent) => (path: string) => {
        const before = pending.get(path)
        clearTimeout(before?.timer)
        const event = mergeEvents(before?.event, next)
        const timer = setTimeout(() => {
          pending.delete(path)
          queue = queue.then(() => onDeckFile(event, path)).catch((error: unknown) => server.config.logger.error(String(error)))
        }, SETTLE_MS)
        pending.set(path, { event, timer })
      }
      server.watcher.on('add', enqueue('add'))
      server.watcher.on('unlink', enqueue('unlink'))
      server.watcher.on('change', enqueue('change'))

      const serve = async (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
        const url = decodePath(req.url ?? '/')
        // Any page the presenter has open may send such a request: answer it, never crash on it.
        if (url === undefined) return void res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request: malformed percent-encoding in the address\n')
        if (reachesDecks(req.url ?? '/', { root, base, decksDir: load.decksDir })) return void res.writeHead(404).end()
        if (!url.startsWith(base)) return next()
        const path = url.slice(base.length)
        if (path.startsWith(IMAGE_PREFIX)) return serveImage(load.decksDir, path.slice(IMAGE_PREFIX.length), res)
        const page = findPage(themesDir, path === '' || path.endsWith('/') ? `${path}index.html` : path)
        // After findPage: a deck opened for the first time adds the problems of its body.
        const errors = decks.diagnostics().filter((d) => d.severity === 'error')
        if (!page && !(errors.length && (path === '' || path.endsWith('/')))) return next()
        const type = page ? TYPES[page.path.split('.').pop()!] ?? 'text/plain' : TYPES.html!
        let body = page?.content ?? ''
        // A newsletter snippet is an e-mail's HTML with its own strict CSP: no dev client goes into it.
        if (type.startsWith('text/html') && !page?.path.endsWith('/newsletter.html')) {
          if (errors.length && !page?.path.includes('/homework/')) body = errorPage(errors.map((d) => formatDiagnostic(d, relative(root, load.decksDir) + '/')), page ? body : '')
          body = page?.path === 'index.html' ? await transformHead(server, url, body) : await server.transformIndexHtml(url, body)
          pass.answered()
        }
        res.setHeader('Content-Type', type)
        res.end(body)
        watchDecks()
        pass.start()
      }
      // An error in an async middleware would be an unhandled rejection, which ends node: pass it on.
      server.middlewares.use((req, res, next) => void serve(req, res, next).catch(next))
    },
  }
}

/**
 * vite's transformIndexHtml for a page whose body holds nothing vite would change (the index: links,
 * text, a search field; its scripts and styles are in the head): vite parses the whole page to add its
 * client, and the index of 1,000 decks is 0.7 MB. The body goes through as a placeholder and is put
 * back after, so what vite and other plugins add around it stays.
 */
async function transformHead(server: ViteDevServer, url: string, html: string): Promise<string> {
  const open = /<body[^>]*>/.exec(html)
  const close = html.lastIndexOf('</body>')
  if (!open || close < open.index) return server.transformIndexHtml(url, html)
  const start = open.index + open[0].length
  const mark = '<!--updeck:body-->'
  const shell = await server.transformIndexHtml(url, `${html.slice(0, start)}${mark}${html.slice(close)}`)
  const at = shell.indexOf(mark)
  return at < 0 ? server.transformIndexHtml(url, html) : `${shell.slice(0, at)}${html.slice(start, close)}${shell.slice(at + mark.length)}`
}

/** What a quick run of watcher events on one path amounts to once the file is quiet. */
export function mergeEvents(before: WatchEvent | undefined, next: WatchEvent): WatchEvent {
  if (before === 'add' && next === 'change') return 'add'
  // Deleted and written again (some editors save this way): the same file with new content.
  if (before === 'unlink' && next === 'add') return 'change'
  return next
}
