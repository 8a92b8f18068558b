// Which files under decks/ are decks: the one rule the build, check and the dev server share.

/** A path (relative to the decks folder) inside a hidden folder or node_modules, or a hidden file. */
export function isHiddenPath(file: string): boolean {
  return file.split('/').some((part) => part.startsWith('.') || part === 'node_modules')
}

/**
 * Whether a path relative to the decks folder (forward slashes) is a deck: a `.md` file outside
 * hidden folders and node_modules (drafts in `.drafts/`, an editor's backups, installed packages).
 */
export function isDeckFile(file: string): boolean {
  return /\.md$/i.test(file) && !isHiddenPath(file)
}
