// The themes that exist: folders under themes/ holding a theme.css.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export function listThemes(themesDir: string): string[] {
  if (!existsSync(themesDir)) return []
  return readdirSync(themesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(themesDir, e.name, 'theme.css')))
    .map((e) => e.name)
    .sort()
}
