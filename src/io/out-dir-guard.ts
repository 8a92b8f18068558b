// Refuses an output folder that a build would wrongly replace, before anything is written.
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { basename, dirname, join, parse, resolve } from 'node:path'
import { isWithin } from './contained-path.ts'

/** A folder the output must neither be nor contain, with how a presenter would call it. */
export interface Precious {
  path: string
  what: string
}

const CHOOSE = 'Choose an empty or new folder such as dist'


/**
 * Why building into `out` (a real, absolute path) would destroy something, or undefined.
 * `given` is the folder as the presenter wrote it; `decksDir` must not contain the output either.
 */
export function outDirProblem(given: string, out: string, precious: Precious[], decksDir: string): string | undefined {
  const named = `--out "${given}"`
  for (const { path, what } of precious) if (out === path) return `${named} is ${what}: building there would delete it. ${CHOOSE}`
  for (const { path, what } of precious) if (isWithin(out, path)) return `${named} contains ${what}: building there would delete it. ${CHOOSE}`
  if (isWithin(decksDir, out)) return `${named} is inside the decks folder, where nothing is written. ${CHOOSE} outside it`
  return undefined
}

/**
 * The real path of the folder a build replaces: symbolic links are followed (a link `dist` stays
 * a link, its target is rebuilt), also when they dangle or the folder does not exist yet.
 */
export function realOutDir(path: string): string {
  try {
    return realpathSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return realOutDir(resolve(dirname(path), readlinkSync(path)))
  const parent = dirname(path)
  return parent === path ? path : join(realOutDir(parent), basename(path))
}

export interface OutDirCheck {
  /** --out as the presenter wrote it, for the message. */
  given: string
  outDir: string
  root: string
  decksDir: string
  /** The build stamp lists every file now in `outDir`: it holds nothing but our earlier output (asked only when it matters). */
  builtHere: boolean | (() => boolean)
  force?: boolean | undefined
}

/** Throws a presenter's message when `outDir` must not be built into; returns its real path. */
export function guardOutDir(check: OutDirCheck): string {
  const out = realOutDir(check.outDir)
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path))
  const precious: Precious[] = [
    { path: parse(out).root, what: 'the root of the file system' },
    { path: real(homedir()), what: 'your home folder' },
    { path: real(process.cwd()), what: 'the current folder' },
    { path: real(check.root), what: 'the project folder' },
    { path: real(check.decksDir), what: 'the decks folder' },
  ]
  const problem = outDirProblem(check.given, out, precious, real(check.decksDir)) ?? contentProblem(check, out)
  if (problem) throw new Error(problem)
  return out
}

/** A folder with files that no updeck build wrote is replaced only with --force. */
function contentProblem(check: OutDirCheck, out: string): string | undefined {
  const stat = statSync(out, { throwIfNoEntry: false })
  if (!stat) return undefined
  if (!stat.isDirectory()) return `--out "${check.given}" is a file, not a folder. ${CHOOSE}`
  if (check.force || existsSync(join(out, 'decks.json')) || readdirSync(out).length === 0) return undefined
  if (typeof check.builtHere === 'function' ? check.builtHere() : check.builtHere) return undefined
  return `--out "${check.given}" holds files that no updeck build wrote (it has no decks.json): building there would delete them. ${CHOOSE}, or add --force to replace it`
}
