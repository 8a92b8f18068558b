// updeck:build — bundles reveal.js, the speaker view and every theme into one shared runtime, and
// (in a plain `vite build`) writes the site's pages next to it.
import type { OutputBundle, OutputChunk } from 'rolldown'
import { join, resolve } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { formatDiagnostic, hasErrors } from '../core/diagnostic.ts'
import type { SiteConfig } from '../core/frontmatter.ts'
import { listThemes } from '../io/themes.ts'
import { writeSite, type RuntimeAssets } from '../io/write-site.ts'
import { withSiteUrl } from './options.ts'
import { DECK_RUNTIME, PAGE_CSS, PAGE_ENTRY, PAGE_JS, RUNTIME_MANIFEST, THEME_ENTRY } from './runtime-files.ts'

export function buildPlugin(site: SiteConfig): Plugin {
  let config: ResolvedConfig
  let themesDir = ''
  let themes: string[] = []
  let runtime: RuntimeAssets | undefined

  return {
    name: 'updeck:build',
    apply: 'build',
    /** For the command line: the site settings (it writes the pages itself, beside a cached runtime). */
    api: { site },
    config(user) {
      const root = resolve(user.root ?? process.cwd())
      themes = listThemes(join(root, 'themes'))
      const input: Record<string, string> = { deck: DECK_RUNTIME, page: PAGE_ENTRY }
      for (const theme of themes) input[`theme-${theme}`] = `${THEME_ENTRY}${theme}`
      // Relative links unless the config names a base: the site then works from a folder too.
      return { base: user.base ?? './', build: { rolldownOptions: { input }, cssCodeSplit: true, modulePreload: false, copyPublicDir: false } }
    },
    configResolved(resolved) {
      config = resolved
      themesDir = join(config.root, 'themes')
    },
    resolveId(id) {
      if (id === PAGE_ENTRY || id.startsWith(THEME_ENTRY)) return `\0${id}`
      return null
    },
    load(id) {
      if (id === `\0${PAGE_ENTRY}`) return `import ${JSON.stringify(PAGE_CSS)}\nimport ${JSON.stringify(PAGE_JS)}`
      if (id.startsWith(`\0${THEME_ENTRY}`)) return `import ${JSON.stringify(join(themesDir, id.slice(THEME_ENTRY.length + 1), 'theme.css'))}`
      return null
    },
    generateBundle(_options, bundle) {
      const entry = (name: string) => Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && c.isEntry && c.name === name)
      const cssOf = (chunk: OutputChunk | undefined) => (chunk ? [...(chunk.viteMetadata?.importedCss ?? [])] : [])
      const deck = entry('deck')!
      asClassicScript(deck, 'the deck runtime', (message) => this.error(message))
      const page = entry('page')!
      runtime = {
        deckJs: [deck.fileName],
        deckCss: Object.fromEntries(themes.map((t) => [t, [...cssOf(deck), ...cssOf(entry(`theme-${t}`))]])),
        pageCss: cssOf(page),
        pageJs: [page.fileName],
      }
      asClassicScript(page, 'the page script', (message) => this.error(message))
      dropCssOnlyChunks(bundle, themes.map((t) => `theme-${t}`))
      if (config.updeck?.runtimeOnly) this.emitFile({ type: 'asset', fileName: RUNTIME_MANIFEST, source: JSON.stringify(runtime, null, 2) })
    },
    // A plain `vite build` gets the whole site; the command line bundles the runtime alone (and
    // only when it changed) and writes the pages itself.
    async writeBundle(options) {
      if (config.updeck?.runtimeOnly) return
      const decksDir = resolve(config.root, config.updeck?.decksDir ?? site.decksDir)
      const outDir = options.dir ?? config.build.outDir
      const diagnostics = await writeSite({ site: withSiteUrl(site, config.updeck?.siteUrl), decksDir, themes, outDir, base: config.base, today: config.updeck?.today, runtime: runtime! })
      if (hasErrors(diagnostics)) this.error(`updeck: problems in the decks\n${diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`)
    },
  }
}

/**
/**
 * Chromium runs no module script from file://: the deck runtime and the page script ship as classic
 * scripts (`<script defer>`), their module code wrapped in a strict function. Done after minifying,
 * which drops 'use strict' from module code (modules are strict anyway).
 */
function asClassicScript(chunk: OutputChunk, what: string, fail: (message: string) => never): void {
  const links = [...chunk.imports, ...chunk.dynamicImports]
  if (links.length) fail(`updeck: ${what} must be one self-contained script, but it loads ${links.join(', ')}`)
  if (chunk.exports.length || /\bimport\.meta\b|^\s*(import|export)\b/m.test(chunk.code)) fail(`updeck: ${what} must be a script without import, export or import.meta`)
  chunk.code = `(function () {\n'use strict';\n${chunk.code}})();\n`
}

/** The theme entries exist only to carry CSS: their empty JS files are not shipped. */
function dropCssOnlyChunks(bundle: OutputBundle, names: string[]): void {
  for (const [file, chunk] of Object.entries(bundle)) {
    if (chunk.type === 'chunk' && chunk.isEntry && names.includes(chunk.name) && chunk.code.trim().length < 30) delete bundle[file]
  }
}
