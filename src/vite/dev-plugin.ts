// updeck:dev — serves the site from memory, re-renders a saved deck and swaps it in on the same slide.
import { readFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'
import { deckPages, forwardingPages, sitePages, type RenderedDeck } from '../core/build-site.ts'
import { formatDiagnostic, hasErrors } from '../core/diagnostic.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { Diagnostic, Page } from '../core/model.ts'
import { renderDeckSlides } from '../core/render-deck-page.ts'
import type { SiteAssets, SiteContext } from '../core/site-context.ts'
import { loadDecks, loadOneDeck, type LoadContext } from '../io/load-decks.ts'
import { listThemes } from '../io/themes.ts'
import { siteClock } from '../io/clock.ts'
import { errorPage } from './error-page.ts'
import { withSiteUrl } from './options.ts'
import { DECK_RUNTIME, PAGE_CSS } from './runtime-files.ts'

const IMAGE_PREFIX = '@updeck/decks/'
/** How long a deck file must stay unchanged before it is re-rendered. */
const SETTLE_MS = 40
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', json: 'application/json', xml: 'application/atom+xml', ics: 'text/calendar; charset=utf-8' }

export function devPlugin(configured: SiteConfig): Plugin {
  let site = configured
  let load: LoadContext
  let decks = new Map<string, RenderedDeck>()
  let diagnostics: Diagnostic[] = []
  let base = '/'
  let today: string | undefined

  const assets = (themesDir: string): SiteAssets => ({
    deckJs: [`@fs${DECK_RUNTIME}`],
    deckCss: Object.fromEntries(load.themes.map((t) => [t, [`@fs${join(themesDir, t, 'theme.css')}`]])),
    pageCss: [`@fs${PAGE_CSS}`],
    image: (path) => `${IMAGE_PREFIX}${path.split('/').map(encodeURIComponent).join('/')}`,
  })
  const siteContext = (themesDir: string): SiteContext => ({ site, base, assets: assets(themesDir), dev: true, ...siteClock(today) })
  /** Renders only what was asked for: one deck's pages, or the site-wide ones (no QR codes there). */
  const findPage = (themesDir: string, path: string): Page | undefined => {
    const all = [...decks.values()]
    // The deck with the longest slug the path starts with (a/ and a/b/ may both be decks).
    const owner = all.filter(({ deck }) => path.startsWith(`${deck.slug}/`)).sort((a, b) => b.deck.slug.length - a.deck.slug.length)[0]
    const plain = all.map((d) => d.deck)
    const pages = owner ? deckPages(owner, siteContext(themesDir)) : [...sitePages(plain, siteContext(themesDir)), ...forwardingPages(plain, siteContext(themesDir))]
    return pages.find((p) => p.path === path)
  }

  return {
    name: 'updeck:dev',
    apply: (_config, env) => env.command === 'serve' && !env.isPreview,
    // reveal.js is pre-bundled at start: found later, vite would reload the open deck once.
    config: () => ({ appType: 'custom', server: { host: '127.0.0.1' }, optimizeDeps: { entries: [DECK_RUNTIME], include: ['reveal.js'] } }),
    async configureServer(server: ViteDevServer) {
      const root = server.config.root
      const themesDir = join(root, 'themes')
      base = server.config.base
      today = server.config.updeck?.today
      site = withSiteUrl(configured, server.config.updeck?.siteUrl)
      load = { decksDir: resolve(root, server.config.updeck?.decksDir ?? site.decksDir), themes: listThemes(themesDir), site }
      const reload = async () => {
        const loaded = await loadDecks(load)
        decks = new Map(loaded.decks.map((d) => [d.deck.file, d]))
        diagnostics = loaded.diagnostics
      }
      await reload()
      server.watcher.add(load.decksDir)

      const onDeckFile = async (event: 'add' | 'change' | 'unlink', path: string) => {
        const file = relative(load.decksDir, path).split(sep).join('/')
        if (file.startsWith('..')) return
        if (event !== 'change' || !file.endsWith('.md')) {
          await reload()
          server.hot.send({ type: 'full-reload' })
          return
        }
        const hadErrors = diagnostics.some((d) => d.file === file && d.severity === 'error')
        const result = await loadOneDeck(load, file)
        diagnostics = [...diagnostics.filter((d) => d.file !== file), ...result.diagnostics]
        if (hasErrors(result.diagnostics) || !result.deck) {
          const message = result.diagnostics.map((d) => formatDiagnostic(d, relative(root, load.decksDir) + '/')).join('\n')
          server.config.logger.error(message, { timestamp: true })
          server.hot.send({ type: 'error', err: { message, stack: '', plugin: 'updeck' } })
          return
        }
        decks.set(file, result.deck)
        if (hadErrors) {
          server.hot.send({ type: 'full-reload' })
          return
        }
        const slides = renderDeckSlides(result.deck.deck, result.deck.rendered, siteContext(themesDir))
        server.hot.send({ type: 'custom', event: 'updeck:deck', data: { slug: result.deck.deck.slug, slides } })
      }
      // A save often fires several events (truncate, write, rename): wait until the file is quiet for
      // a moment, then handle one event at a time so each sees the previous one's result.
      let queue = Promise.resolve()
      const timers = new Map<string, NodeJS.Timeout>()
      const enqueue = (event: 'add' | 'change' | 'unlink') => (path: string) => {
        clearTimeout(timers.get(path))
        timers.set(path, setTimeout(() => {
          timers.delete(path)
          queue = queue.then(() => onDeckFile(event, path)).catch((error: unknown) => server.config.logger.error(String(error)))
        }, SETTLE_MS))
      }
      server.watcher.on('add', enqueue('add'))
      server.watcher.on('unlink', enqueue('unlink'))
      server.watcher.on('change', enqueue('change'))

      server.middlewares.use(async (req, res, next) => {
        const url = decodeURIComponent((req.url ?? '/').split('?')[0]!)
        if (!url.startsWith(base)) return next()
        const path = url.slice(base.length)
        if (path.startsWith(IMAGE_PREFIX)) {
          const file = resolve(load.decksDir, path.slice(IMAGE_PREFIX.length))
          if (!file.startsWith(load.decksDir + sep)) return next()
          return readFile(file).then((data) => res.end(data), () => next())
        }
        const errors = diagnostics.filter((d) => d.severity === 'error')
        const page = findPage(themesDir, path === '' || path.endsWith('/') ? `${path}index.html` : path)
        if (!page && !(errors.length && (path === '' || path.endsWith('/')))) return next()
        const type = page ? TYPES[page.path.split('.').pop()!] ?? 'text/plain' : TYPES.html!
        let body = page?.content ?? ''
        if (type.startsWith('text/html')) {
          if (errors.length && !page?.path.includes('/homework/')) body = errorPage(errors.map((d) => formatDiagnostic(d, relative(root, load.decksDir) + '/')), page ? body : '')
          body = await server.transformIndexHtml(url, body)
        }
        res.setHeader('Content-Type', type)
        res.end(body)
      })
    },
  }
}
