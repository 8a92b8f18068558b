// The homework a deck shows: its own tasks or the site's, each with the URL its QR code encodes.
import { tagEveryMedium } from './campaign.ts'
import type { HomeworkTask, SiteConfig } from './frontmatter.ts'
import type { Task } from './model.ts'
import { slideLabel } from './render-homework.ts'
import { fitHomework, type TooLong } from './fit-homework.ts'
import { shareUrl } from './share-url.ts'
import { shortLink } from './short-link.ts'
import { fieldName, type Located } from './yaml-issues.ts'

type Locate = (path: (string | number)[]) => { line: number; col: number }

/** Colleagues scan with their own phones, often on mobile data: say what a site address implies. */
const REACH = "colleagues' phones must reach that address: an intranet-only site does not help phones on mobile data"

export function resolveTasks(
  own: HomeworkTask[] | undefined,
  site: SiteConfig,
  locate: Locate,
  /** The deck's slug: its utm_campaign. */
  slug: string,
): { tasks: Task[]; problems: Located[]; notices: Located[] } {
  const problems: Located[] = []
  const notices: Located[] = []
  const useDefault = own === undefined || own.length === 0
  const list = useDefault ? site.defaultHomework : own
  if (list.length === 0) {
    problems.push({
      ...locate(['homework']),
      field: 'homework',
      message: 'add 1 to 6 tasks for the homework slide (or set defaultHomework in vite.config.ts)',
    })
    return { tasks: [], problems, notices }
  }
  const at = (i: number, field?: string) => {
    if (useDefault) return { ...locate(['homework']), field: `defaultHomework.${i + 1}${field ? `.${field}` : ''}` }
    return { ...locate(field ? ['homework', i, field] : ['homework', i]), field: fieldName(field ? ['homework', i, field] : ['homework', i]) }
  }
  const opens = list.map((task, i) => {
    if (task.kind !== 'share') return task.url
    if (task.network === 'mastodon' && !site.mastodonInstance) {
      problems.push({ ...at(i, 'network'), message: 'mastodon needs the site option mastodonInstance in vite.config.ts, e.g. mastodon.social' })
      return task.url
    }
    // The shared page inside the intent stays untagged: the tags would end up in a public post.
    return shareUrl(task.network, task.text, task.url, site.mastodonInstance)
  })
  const links = opens.map((url) => tagEveryMedium(url, site, slug))
  // Tags count against the code's size like any other character: the fit sees the tagged URL.
  const targets = links.map((l) => l.qr)
  const siteUrl = site.siteUrl
  const fit = fitHomework(targets, { shortLinks: site.shortLinks, shortLink: siteUrl ? (target) => shortLink(siteUrl, target) : undefined, due: list.map((t) => t.due !== undefined), labels: list.map(slideLabel) })
  for (const tooLong of fit.tooLong) {
    const i = tooLong.index
    problems.push({ ...at(i, textField(list[i]!)), message: tooLongMessage(list[i]!, targets[i]!, targets[i] !== opens[i], tooLong, fit.layout, site) })
  }
  const tasks = list.map((task, i): Task => {
    const line = locate(useDefault ? ['homework'] : ['homework', i]).line
    if (!fit.forwarded[i]) return { ...task, line, target: targets[i]!, links: links[i]!, qrLevel: fit.levels[i]! }
    // shortLinks: true forwards everything on purpose; only what the build decided alone is news.
    if (site.shortLinks === 'auto') notices.push({ ...at(i), message: `"${task.title}" is forwarded through ${fit.codes[i]} (${task.kind === 'share' ? 'the share link' : 'the link'} is too long to scan from the back)` })
    return { ...task, line, target: fit.codes[i]!, forward: targets[i]!, links: links[i]!, qrLevel: fit.levels[i]! }
  })
  return { tasks, problems, notices }
}

/** The field whose length decides: the text of shares that carry it (X, Mastodon), else the url. */
function textField(task: HomeworkTask): 'text' | 'url' {
  return task.kind === 'share' && (task.network === 'x' || task.network === 'mastodon') ? 'text' : 'url'
}

function tooLongMessage(task: HomeworkTask, target: string, tagged: boolean, tooLong: TooLong, layout: { pxPerModule: number; promise: number }, site: SiteConfig): string {
  const what = textField(task) === 'text' ? 'text' : 'link'
  const size = `QR version ${tooLong.version}, ${layout.pxPerModule.toFixed(1)} px per module where ${layout.promise} are needed`
  if (site.siteUrl && site.shortLinks !== false) return `too long to scan from the back of the room even through the site's forwarding page (${size}): use fewer tasks or a shorter siteUrl`
  const where =
    site.shortLinks === false
      ? `or shortLinks: 'auto' in vite.config.ts${site.siteUrl ? '' : ' with --site-url'}, so that the build forwards it through the site (${REACH})`
      : `or --site-url (siteUrl in vite.config.ts), so that the build forwards it through the site (${REACH})`
  const fits = tooLong.maxChars > 0 ? ` (the code holds about ${tooLong.maxChars} characters here)` : ''
  return (
    `too long for a QR code that scans from the back of the room (${target.length} characters${tagged ? ' with its campaign tags' : ''}, ${size}): ` +
    `use a shorter ${what}${fits}, fewer tasks, ${where}`
  )
}
