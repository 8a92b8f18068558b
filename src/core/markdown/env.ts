// What one markdown-it render of a slide collects: images used and problems found.
export interface RenderEnv {
  [key: string]: unknown
  /** The deck's path relative to the decks folder: images resolve against its folder. */
  file: string
  /** Record an image the slide uses (path relative to the decks folder). */
  image(line: number, needle: string, path: string): void
  /** Report a problem on a line relative to the rendered text; `needle` finds the column. */
  problem(line: number, needle: string, message: string): void
  warn(line: number, needle: string, message: string): void
  /** The deck's reference definitions (`[label]: url` on any slide), as markdown-it looks them up. */
  references?: Record<string, { href: string; title: string }>
  /** Unsafe hrefs of those definitions: reported where the definition stands, not at each use. */
  reportedHrefs?: ReadonlySet<string>
}
