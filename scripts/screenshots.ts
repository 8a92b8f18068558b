// Repo chore: builds the example decks in each theme and writes README's screenshots to docs/screenshots/.
// Run: npm run screenshots   (needs Debian's chromium and poppler-utils; an emoji font makes 👋 show)
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from '../src/index.ts'
import { exportDecks } from '../src/api/export.ts'
import { launchBrowser } from '../test/helpers/browser.ts'
import { serveDir } from '../test/helpers/serve.ts'
import { planProject } from '../test/helpers/plan-project.ts'

const root = resolve(import.meta.dirname, '..')
const out = join(root, 'docs/screenshots')
const themes = readdirSync(join(root, 'themes'))
const work = mkdtempSync(join(tmpdir(), 'updeck-shots-'))
mkdirSync(out, { recursive: true })

const browser = await launchBrowser()
for (const theme of themes) {
  const decks = join(work, theme, 'decks')
  cpSync(join(root, 'decks'), decks, { recursive: true })
  for (const dir of ['vertrieb', 'personal', 'engineering']) {
    for (const file of readdirSync(join(decks, dir)).filter((f) => f.endsWith('.md'))) {
      const path = join(decks, dir, file)
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^theme: .*$/m, `theme: ${theme}`))
    }
  }
  const result = await build({ root, decksDir: decks, outDir: join(work, theme, 'site'), today: '2026-12-01' })
  if (!result.ok) throw new Error(`build failed for ${theme}`)
  const server = await serveDir(result.outDir)
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  const deck = `${server.url}personal/2026-12-10-employer-branding/`
  await page.goto(`${deck}#/1`)
  await page.waitForSelector('html.updeck-ready')
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(out, `theme-${theme}.png`) })
  if (theme === 'default') {
    await page.goto(`${deck}#/5`)
    await page.waitForTimeout(800)
    await page.screenshot({ path: join(out, 'homework.png') })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${deck}homework/`)
    await page.screenshot({ path: join(out, 'homework-page-phone.png') })
    // The printed homework sheet as poppler renders it: A4 at 120 dpi is 992 px wide.
    const sheets = join(work, 'export')
    const exported = await exportDecks({ root, decksDir: decks, slugs: ['personal/2026-12-10-employer-branding'], handout: true, outDir: sheets })
    if (!exported.ok) throw new Error(`export failed: ${exported.problem ?? ''}`)
    execFileSync('pdftoppm', ['-r', '120', '-png', '-singlefile', exported.files[0]!.path, join(out, 'handout')])
  }
  await page.close()
  await server.close()
}
// The editorial plan of half a year of meetings (the example decks and more), on a laptop.
const plan = planProject()
const planBuild = await build({ root: plan.root, outDir: join(work, 'plan-site'), today: '2026-12-05' })
if (!planBuild.ok) throw new Error('build failed for the plan')
const planServer = await serveDir(planBuild.outDir)
const planPage = await browser.newPage({ viewport: { width: 1366, height: 1024 } })
await planPage.goto(`${planServer.url}plan/`)
await planPage.screenshot({ path: join(out, 'plan.png'), fullPage: true })
await planPage.close()
await planServer.close()
// The newsletter snippet as a mail shows it (600 px), and the index filtered by department and title:
// built with a site address, so the snippet has its links to the site.
{
  const result = await build({ root, decksDir: join(root, 'decks'), outDir: join(work, 'newsletter', 'site'), today: '2026-12-01', siteUrl: 'https://intranet.example.com/decks/' })
  if (!result.ok) throw new Error('build failed for the newsletter')
  const server = await serveDir(result.outDir)
  const page = await browser.newPage({ viewport: { width: 600, height: 900 } })
  await page.goto(`${server.url}vertrieb/2026-12-03-social-media-update/newsletter.html`)
  await page.screenshot({ path: join(out, 'newsletter.png'), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto(`${server.url}#department=Vertrieb&q=social`)
  await page.waitForSelector('div.filter:not([hidden])')
  await page.screenshot({ path: join(out, 'index-filter.png') })
  await page.close()
  await server.close()
}
await browser.close()
console.log(`wrote ${readdirSync(out).join(', ')} to ${out}`)
