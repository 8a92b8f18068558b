// updeck:build — bundles reveal.js and the themes once, then emits every page of the site.
import { readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import type { OutputBundle, OutputChunk } from 'rolldown'
import type { Plugin, ResolvedConfig } from 'vite'
import { deckPages, forwardingPages, sitePages, type RenderedDeck } from '../core/build-site.ts'
import { writePages } from '../io/write-pages.ts'
import { formatDiagnostic, hasErrors } from '../core/diagnostic.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import type { SiteAssets } from '../core/site-context.ts'
import { loadDecks } from '../io/load-decks.ts'
import { listThemes } from '../io/themes.ts'
import { siteClock } from './clock.ts'
import { DECK_RUNTIME, PAGE_CSS, PAGE_ENTRY, THEME_ENTRY } from './runtime-files.ts'

export function buildPlugin(site: SiteConfig): Plugin {
  let config: ResolvedConfig
  let decksDir = ''
  let themesDir = ''
  let themes: string[] = []
  let decks: RenderedDeck[] = []
  let siteAssets: SiteAssets | undefined

  return {
    name: 'updeck:build',
    apply: 'build',
    /** Lets `check` and `new` read the site settings from vite.config.ts. */
    api: { site },
    config(user) {
      const root = resolve(user.root ?? process.cwd())
      themes = listThemes(join(root, 'themes'))
      const input: Record<string, string> = { deck: DECK_RUNTIME, page: PAGE_ENTRY }
      for (const theme of themes) input[`theme-${theme}`] = `${THEME_ENTRY}${theme}`
      return { appType: 'custom', build: { rolldownOptions: { input }, cssCodeSplit: true, modulePreload: false, copyPublicDir: false } }
    },
    configResolved(resolved) {
      config = resolved
      themesDir = join(config.root, 'themes')
      decksDir = resolve(config.root, config.updeck?.decksDir ?? site.decksDir)
    },
    resolveId(id) {
      if (id === PAGE_ENTRY || id.startsWith(THEME_ENTRY)) return `\0${id}`
      return null
    },
    load(id) {
      if (id === `\0${PAGE_ENTRY}`) return `import ${JSON.stringify(PAGE_CSS)}`
      if (id.startsWith(`\0${THEME_ENTRY}`)) return `import ${JSON.stringify(join(themesDir, id.slice(THEME_ENTRY.length + 1), 'theme.css'))}`
      return null
    },
    async buildStart() {
      const loaded = await loadDecks({ decksDir, themes, site })
      config.updeck?.onDiagnostics?.(loaded.diagnostics)
      if (hasErrors(loaded.diagnostics)) {
        const errors = loaded.diagnostics.filter((d) => d.severity === 'error')
        this.error(`updeck: ${errors.length} problem(s) in the decks\n${errors.map((d) => formatDiagnostic(d)).join('\n')}`)
      }
      decks = loaded.decks
    },
    generateBundle(_options, bundle) {
      const entry = (name: string) => Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && c.isEntry && c.name === name)
      const cssOf = (chunk: OutputChunk | undefined) => (chunk ? [...(chunk.viteMetadata?.importedCss ?? [])] : [])
      const deck = entry('deck')!
      const images = new Map<string, string>()
      for (const { rendered } of decks) {
        for (const image of rendered.images) {
          if (images.has(image.path)) continue
          const ref = this.emitFile({ type: 'asset', name: basename(image.path), originalFileName: image.path, source: readFileSync(join(decksDir, image.path)) })
          images.set(image.path, this.getFileName(ref))
        }
      }
      const assets: SiteAssets = {
        deckJs: [deck.fileName],
        deckCss: Object.fromEntries(themes.map((t) => [t, [...cssOf(deck), ...cssOf(entry(`theme-${t}`))]])),
        pageCss: cssOf(entry('page')),
        image: (path) => images.get(path)!,
      }
      dropCssOnlyChunks(bundle, ['page', ...themes.map((t) => `theme-${t}`)])
      siteAssets = assets
    },
    // Pages are rendered and written after the bundle, one deck at a time, not handed to the bundler:
    // a thousand decks' HTML never sits in memory twice.
    writeBundle(options) {
      const ctx = { site, base: config.base, assets: siteAssets!, ...siteClock(config.updeck?.today) }
      const outDir = options.dir ?? config.build.outDir
      for (const deck of decks) writePages(outDir, deckPages(deck, ctx))
      const plain = decks.map((d) => d.deck)
      writePages(outDir, [...(site.shortLinks ? forwardingPages(plain, ctx) : []), ...sitePages(plain, ctx)])
    },
  }
}

/** The theme and page entries exist only to carry CSS: their empty JS files are not shipped. */
function dropCssOnlyChunks(bundle: OutputBundle, names: string[]): void {
  for (const [file, chunk] of Object.entries(bundle)) {
    if (chunk.type === 'chunk' && chunk.isEntry && names.includes(chunk.name) && chunk.code.trim().length < 30) delete bundle[file]
  }
}
