// The dev server's first listing of the decks, started before vite is loaded: reading every deck and
// parsing its frontmatter (what the first page needs) use no vite, and on a first start they are most
// of the wait for that page. A worker thread parses while this thread loads vite and sets up the
// server (with one core only, this thread parses once the plugin asks for the decks).
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SiteConfig } from '../core/frontmatter.ts'
import { workerCount } from '../io/deck-pool.ts'
import { frontmatterPool } from '../io/frontmatter-pool.ts'
import type { LoadContext } from '../io/load-decks.ts'
import { openParseCache } from '../io/parse-cache.ts'
import { listThemes } from '../io/themes.ts'
import { devDecks, type DevDecks } from './dev-decks.ts'

export interface DevStart {
  /** The project and what the decks were read and parsed with: the plugin takes them only when its own are the same. */
  root: string
  load: LoadContext
  decks: DevDecks
  /** Resolves once every deck is listed (rejects as `DevDecks.reload`); without worker threads, this thread parses them now. */
  listed(): Promise<void>
  /** Ends the worker threads if nobody asked for the decks (a config without the updeck plugin). */
  close(): Promise<void>
}

/** The decks folder, themes and site settings of the project at `root`, as the plugin resolves them. */
export function devLoad(root: string, site: SiteConfig, decksDir?: string): LoadContext {
  return { decksDir: resolve(root, decksDir ?? site.decksDir), themes: listThemes(join(root, 'themes')), site }
}

const taken = new WeakSet<DevStart>()

/**
 * `start` for the plugin of a server at `root` that resolved `load`, once: when it was made for the
 * same project, folder, themes and settings. Otherwise (or asked again, as by a restart of the
 * server) undefined, and its threads end.
 */
export function takeStart(start: DevStart, root: string, load: LoadContext): DevStart | undefined {
  const same = start.root === root && start.load.decksDir === load.decksDir && JSON.stringify([start.load.themes, start.load.site]) === JSON.stringify([load.themes, load.site])
  if (same && !taken.has(start)) {
    taken.add(start)
    return start
  }
  void start.close()
  return undefined
}

/** Starts the worker threads, then reads the decks (before it resolves) and hands the new ones to the threads. */
export async function startDevDecks(root: string, load: LoadContext): Promise<DevStart> {
  // Where this code's src/core/ is: its files are part of the parse cache's key.
  const codeRoot = fileURLToPath(new URL('../../', import.meta.url))
  const cache = openParseCache(root, codeRoot, { site: load.site, themes: load.themes })
  const decks = devDecks(load, cache)
  // On a first start the threads come first, so that they load while this one reads the decks; with
  // parses kept from the last start, only when enough decks changed since.
  const pool = await frontmatterPool({ themes: load.themes, site: load.site }, workerCount() - 1, cache.size() > 0)
  let join!: () => void
  const joined = new Promise<void>((resolve) => (join = resolve))
  const listed = decks.reload(pool, joined).finally(() => pool.close())
  listed.catch(() => undefined) // reported where it is awaited
  return {
    root,
    load,
    decks,
    listed() {
      join()
      return listed
    },
    close: () => pool.close(),
  }
}
