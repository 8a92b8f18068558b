// A folder's files as "path size mtime" lines: cheap to make, and changed by every save.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export function fileListing(dir: string): string[] {
  if (!existsSync(dir)) return []
  return (readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .flatMap((name) => {
      const stat = statSync(join(dir, name))
      return stat.isFile() ? [`${name} ${stat.size} ${stat.mtimeMs}`] : []
    })
}
