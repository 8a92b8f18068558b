// The zod schemas for a deck's frontmatter and the site options: the one source of their types.
import * as z from 'zod'
import { campaignDomain } from './campaign.ts'
import { checkHttpsUrl } from './safe-url.ts'

export const LANGS = ['de', 'en'] as const
export const TASK_KINDS = ['profile', 'account', 'blog', 'share', 'follow', 'link'] as const
export const NETWORKS = ['linkedin', 'x', 'xing', 'mastodon'] as const

/** A calendar date written as YYYY-MM-DD that exists (no 2026-02-30). */
const isoDate = z
  .string({ error: 'use YYYY-MM-DD, e.g. 2026-12-03' })
  .refine(isRealDate, { message: 'use YYYY-MM-DD, e.g. 2026-12-03' })

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** An https URL, stored the way browsers serialise it (punycode host, percent-encoded path). */
const httpsUrl = z.string().transform((value, ctx) => {
  const checked = checkHttpsUrl(value)
  if ('error' in checked) {
    ctx.addIssue({ code: 'custom', message: checked.error })
    return z.NEVER
  }
  return checked.href
})

/**
 * Characters nobody types on purpose and XML 1.0 forbids (one would make feed.xml unreadable): C0
 * and C1 controls such as PowerPoint's soft line break U+000B, DEL, U+FFFE/U+FFFF, lone surrogates.
 */
const INVISIBLE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|\p{Cs}/u
const LINE_BREAK = /[\n\r\u2028\u2029]/u

/** Refuses invisible characters, and line breaks in one-line fields; `char` lets the issue point at it. */
const visibleText = (multiline: boolean) => (value: string, ctx: z.RefinementCtx) => {
  const match = INVISIBLE.exec(value) ?? (multiline ? null : LINE_BREAK.exec(value))
  if (!match) return
  const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  const message = INVISIBLE.test(match[0])
    ? `contains an invisible control character (${code}) at character ${match.index + 1}: delete it, or type a space instead`
    : `must be on one line: remove the line break at character ${match.index + 1}`
  ctx.addIssue({ code: 'custom', message, params: { char: match[0] } })
}

const text = (max: number, multiline = false) => z.string().trim().min(1).max(max).superRefine(visibleText(multiline))

const taskBase = {
  title: text(80),
  details: z.string().max(4000).superRefine(visibleText(true)).optional(),
  due: isoDate.optional(),
}

export const LinkTask = z.strictObject({
  kind: z.enum(['profile', 'account', 'blog', 'follow', 'link']),
  url: httpsUrl,
  ...taskBase,
})

export const ShareTask = z.strictObject({
  kind: z.literal('share'),
  network: z.enum(NETWORKS),
  text: text(500, true),
  url: httpsUrl,
  ...taskBase,
})

export const HomeworkTask = z.discriminatedUnion('kind', [LinkTask, ShareTask])
export type HomeworkTask = z.infer<typeof HomeworkTask>
export type TaskKind = (typeof TASK_KINDS)[number]
export type Network = (typeof NETWORKS)[number]
export type Lang = (typeof LANGS)[number]

export const MAX_TASKS = 6

export const Frontmatter = z.strictObject({
  title: text(120),
  date: isoDate,
  audience: text(80),
  presenter: text(80).optional(),
  duration: z.number().int().min(1).max(60).default(5),
  lang: z.enum(LANGS).optional(),
  theme: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use a theme folder name such as default').default('default'),
  homework: z.array(HomeworkTask).max(MAX_TASKS, `at most ${MAX_TASKS} tasks fit on the homework slide`).optional(),
})
export type Frontmatter = z.infer<typeof Frontmatter>

/** Where the site is published: an http(s) address, kept with a trailing slash. */
export const SiteUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address, e.g. https://intranet.example.com/decks/' })
  .transform((u) => (u.endsWith('/') ? u : `${u}/`))

/** A domain of the company's own sites, kept as its ASCII host name (punycode, lower case). */
const CampaignDomain = z.string({ error: 'write a host name such as example.com' }).transform((value, ctx) => {
  const checked = campaignDomain(value)
  if ('error' in checked) {
    ctx.addIssue({ code: 'custom', message: checked.error })
    return z.NEVER
  }
  return checked.host
})

/** Campaign tags for links to the company's own sites (see campaign.ts). */
export const Campaign = z.strictObject({
  /** The company's own domains; their subdomains count too. */
  domains: z.array(CampaignDomain, { error: "list the own domains, e.g. domains: ['example.com']" }).min(1, "list at least one domain, e.g. domains: ['example.com']"),
  /** utm_source of every tagged link. @default 'updeck' */
  source: text(60).default('updeck'),
})

/** Site-wide settings: the options of the updeck() vite plugin. */
export const SiteOptions = z.strictObject({
  /** Shown on the index page and in the feed. @default 'updeck' */
  organisation: text(120).default('updeck'),
  /** Presenter of decks that name none. */
  presenter: text(80).optional(),
  /** Language of decks that name none. @default 'de' */
  lang: z.enum(LANGS).default('de'),
  /** Public address of the site, e.g. https://intranet.example.com/decks/ (feed links, homework address, forwarding). */
  siteUrl: SiteUrl.optional(),
  /** Tasks for decks without a homework list. @default [] */
  defaultHomework: z.array(HomeworkTask).max(MAX_TASKS).default([]),
  /** Mastodon instance for share tasks, e.g. mastodon.social. */
  mastodonInstance: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'use a host name such as mastodon.social')
    .optional(),
  /**
   * Which codes encode <siteUrl>go/<id>/, a page of the site that leads on to the task's URL:
   * 'auto' the links too long to scan otherwise (needs siteUrl, else they are errors), true all
   * (needs siteUrl), false none. @default 'auto'
   */
  shortLinks: z.union([z.literal('auto'), z.boolean()], { error: "use 'auto', true or false" }).default('auto'),
  /** Folder of the decks, relative to the project root. @default 'decks' */
  decksDir: z.string().min(1).default('decks'),
  /** Speaking rate for the time estimate, in words per minute. @default 120 */
  wordsPerMinute: z.number().min(40).max(300).default(120),
  /** Images larger than this many megabytes get a warning: they slow a presentation down. @default 5 */
  maxImageMB: z.number().positive().default(5),
  /** Campaign tags (utm_source, utm_medium, utm_campaign) on links to these own domains. */
  campaign: Campaign.optional(),
  /**
   * Every department the editorial plan (plan/index.html) lists, in this order, so that ones never
   * visited show up too; decks' `audience` matches them ignoring case and spaces. @default []
   */
  departments: z.array(text(80)).default([]),
  /** In the editorial plan, a department is overdue this many weeks after its last meeting. @default 8 */
  staleAfterWeeks: z.number().int().min(1).max(520).default(8),
})
export type SiteOptionsInput = z.input<typeof SiteOptions>
export type SiteConfig = z.output<typeof SiteOptions>
