// What one markdown-it render of a slide collects: images used and problems found.

/** The lines of the block a link stands in, relative to the rendered text: markdown-it's [first, end). */
export type Lines = readonly [first: number, end: number]

export interface RenderEnv {
  [key: string]: unknown
  /** The deck's path relative to the decks folder: images resolve against its folder. */
  file: string
  /** Record an image the slide uses (path relative to the decks folder). */
  image(line: Lines, needle: string, path: string): void
  /** Report a problem in the block on `line`; `needle` finds its line and column there. */
  problem(line: Lines, needle: string, message: string): void
  warn(line: Lines, needle: string, message: string): void
  /** What is left of the deck's code highlighting budget (see highlight.ts); shared by its renders. */
  codeBudget: { left: number }
  /** The deck's reference definitions (`[label]: url` on any slide), as markdown-it looks them up. */
  references?: Record<string, { href: string; title: string }>
  /** Rewrites an absolute http(s) link, e.g. to add campaign tags (campaign.ts); none: links stay as written. */
  link?: (href: string) => string
  /** Unsafe hrefs of those definitions: reported where the definition stands, not at each use. */
  reportedHrefs?: ReadonlySet<string>
}
