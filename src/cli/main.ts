// The command line: argv → options → API call → printed result and exit code.
import { parseArgs } from 'node:util'
import { relative } from 'node:path'
import { formatDiagnostic } from '../core/diagnostic.ts'
import type { Diagnostic } from '../core/model.ts'
import type { NewDeckProblem } from '../core/deck-template.ts'

const USAGE = `usage:
  npm run build -- [--decks DIR] [--out DIR] [--base PATH] [--site-url URL] [--force] [--with-exports]
  npm run dev   -- [--decks DIR] [--port N] [--site-url URL]
  npm run check -- [--decks DIR | FILE.md] [--strict] [--site-url URL]
  npm run new   -- --title T --audience A [--date YYYY-MM-DD] [--lang de|en]
  npm run export -- [SLUG…] [--all] [--html] [--pdf] [--notes] [--handout] [--out DIR]`

const print = (line: string) => process.stdout.write(`${line}\n`)
/** A path below the current folder relative to it, any other absolute. */
const shownPath = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path) || '.')
const printError = (line: string) => process.stderr.write(`${line}\n`)

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      decks: { type: 'string' },
      out: { type: 'string' },
      base: { type: 'string' }, // build: ./ (relative, works from a folder); dev: /
      port: { type: 'string' },
      strict: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'with-exports': { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      html: { type: 'boolean', default: false },
      title: { type: 'string' },
      audience: { type: 'string' },
      date: { type: 'string' },
      lang: { type: 'string' },
      today: { type: 'string' },
      'site-url': { type: 'string' },
      pdf: { type: 'boolean', default: false },
      notes: { type: 'boolean', default: false },
      handout: { type: 'boolean', default: false },
    },
  })
  const common = { decksDir: values.decks, ...(values.today ? { today: values.today } : {}), ...(values['site-url'] !== undefined ? { siteUrl: values['site-url'] } : {}) }
  const report = (diagnostics: Diagnostic[], label: string) => diagnostics.forEach((d) => printError(formatDiagnostic(d, `${label}/`)))
  if (positionals.length && command !== 'check' && command !== 'export') {
    printError(`unexpected "${positionals[0]}": only check takes deck files, and export deck addresses\n${USAGE}`)
    return 1
  }

  switch (command) {
    case 'build': {
      const started = Date.now()
      const { build } = await import('../api/build.ts')
      const result = await build({ ...common, outDir: values.out ?? 'dist', base: values.base, force: values.force, withExports: values['with-exports'] })
      const label = relative(process.cwd(), values.decks ?? 'decks') || '.'
      report(result.diagnostics, label)
      if (!result.ok) {
        printError(`build stopped: ${result.diagnostics.filter((d) => d.severity === 'error').length} problem(s); ${relative(process.cwd(), result.outDir)} was left as it was`)
        return 1
      }
      for (const note of result.notes ?? []) printError(note)
      const where = relative(process.cwd(), result.outDir) || '.'
      const decks = result.decks ? `: ${result.decks.total} decks, ${result.decks.rendered} rendered` : ''
      print(result.upToDate ? `${where} is up to date: nothing changed since its last build` : `built ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s${decks}`)
      return 0
    }
    case 'check': {
      const [{ check }, { checkTable }] = await Promise.all([import('../api/check.ts'), import('./check-table.ts')])
      const result = await check({ ...common, files: positionals })
      report(result.diagnostics, result.decksLabel)
      print(checkTable(result.decks))
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length
      const over = result.decks.filter((d) => d.seconds > d.budget).length
      print(`${result.decks.length} deck(s), ${errors} error(s), ${over} over time`)
      return errors > 0 || (values.strict && over > 0) ? 1 : 0
    }
    case 'new': {
      if (!values.title || !values.audience) {
        printError('new needs --title and --audience, e.g. npm run new -- --title "Update Dezember" --audience Vertrieb')
        return 1
      }
      const { newDeck } = await import('../api/new-deck.ts')
      try {
        const path = await newDeck({ ...common, title: values.title, audience: values.audience, date: values.date, lang: values.lang as 'de' | 'en' | undefined })
        print(relative(process.cwd(), path))
        return 0
      } catch (error) {
        const problems = (error as { problems?: NewDeckProblem[] }).problems
        if (problems) {
          problems.forEach((p) => printError(`--${p.option}: ${p.message}`))
          return 1
        }
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          printError(`${relative(process.cwd(), (error as NodeJS.ErrnoException).path ?? '')} already exists: nothing was written. Choose another --title or --date`)
          return 1
        }
        throw error
      }
    }
    case 'export': {
      const [{ exportDecks }, { exportTable }] = await Promise.all([import('../api/export.ts'), import('./export-table.ts')])
      const options = { ...common, slugs: positionals, all: values.all, html: values.html, pdf: values.pdf, notes: values.notes, handout: values.handout, outDir: values.out }
      const result = await exportDecks({ ...options, onProgress: print })
      report(result.diagnostics, relative(process.cwd(), values.decks ?? 'decks') || '.')
      if (result.problem) printError(result.problem)
      if (result.files.length) print(`${exportTable(result.files)}\nexported ${result.files.length} file(s) to ${shownPath(result.outDir)}`)
      const skipped = new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size
      if (skipped) printError(`${skipped} deck(s) with errors got no files`)
      return result.ok ? 0 : 1
    }
    case 'dev': {
      const port = values.port === undefined ? undefined : Number(values.port)
      if (port !== undefined && !(/^\d+$/.test(values.port!) && port >= 1 && port <= 65535)) {
        printError(`--port "${values.port}": use a whole number from 1 to 65535, e.g. 5173`)
        return 1
      }
      const { dev } = await import('../api/dev.ts')
      const server = await dev({ ...common, base: values.base, ...(port ? { port } : {}) })
      server.printUrls()
      return new Promise<number>(() => {})
    }
    default:
      printError(USAGE)
      return 1
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    printError(error instanceof Error ? error.message : String(error))
    process.exit(1)
  },
)
