// The homework a deck shows: its own tasks or the site's, each with the URL its QR code encodes.
import type { HomeworkTask, SiteConfig } from './frontmatter.ts'
import type { Task } from './model.ts'
import { checkScannable } from './homework-layout.ts'
import { shareUrl } from './share-url.ts'
import { fieldName, type Located } from './yaml-issues.ts'

type Locate = (path: (string | number)[]) => { line: number; col: number }

export function resolveTasks(
  own: HomeworkTask[] | undefined,
  site: SiteConfig,
  locate: Locate,
): { tasks: Task[]; problems: Located[] } {
  const problems: Located[] = []
  const useDefault = own === undefined || own.length === 0
  const list = useDefault ? site.defaultHomework : own
  if (list.length === 0) {
    problems.push({
      ...locate(['homework']),
      field: 'homework',
      message: 'add 1 to 6 tasks for the homework slide (or set defaultHomework in vite.config.ts)',
    })
    return { tasks: [], problems }
  }
  const tasks = list.map((task, i): Task => {
    const at = useDefault ? locate(['homework']) : locate(['homework', i])
    const problem = (field: string, message: string) =>
      problems.push({ ...(useDefault ? at : locate(['homework', i, field])), field: useDefault ? `defaultHomework.${i + 1}.${field}` : fieldName(['homework', i, field]), message })
    let target = task.url
    if (task.kind === 'share') {
      if (task.network === 'mastodon' && !site.mastodonInstance) {
        problem('network', 'mastodon needs the site option mastodonInstance in vite.config.ts, e.g. mastodon.social')
      } else {
        target = shareUrl(task.network, task.text, task.url, site.mastodonInstance)
      }
    }
    const forward = site.shortLinks && site.siteUrl ? target : undefined
    if (forward) target = `${site.siteUrl}go/${shortId(forward)}/`
    const fit = checkScannable(target, list.length)
    if (!fit.ok) {
      const what = task.kind === 'share' && (task.network === 'x' || task.network === 'mastodon') ? 'text' : 'url'
      problem(
        what,
        `too long for a QR code that scans from the back of the room (${target.length} characters, QR version ${fit.version}, ${fit.pxPerModule.toFixed(1)} px per module): ` +
          `use a shorter ${what === 'text' ? 'text' : 'link'} (the whole code must stay under about ${fit.maxChars} characters) or fewer tasks`,
      )
    }
    return forward ? { ...task, line: at.line, target, forward } : { ...task, line: at.line, target }
  })
  return { tasks, problems }
}

/** A short stable id for /go/<id>/ pages (FNV-1a, base 36). */
function shortId(url: string): string {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(url)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  return hash.toString(36).padStart(7, '0')
}
