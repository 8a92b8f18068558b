// replaceFiles: a build after an edit renames its files into the output one by one; a failure on the
// way puts every file back.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaceFiles } from '../../src/io/swap-out.ts'
import { checksums, tempDir } from '../helpers/build-fixture.ts'

function folder(root: string, files: Record<string, string>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), content)
  }
  return root
}

function setup() {
  const parent = tempDir('replace')
  const out = folder(join(parent, 'site'), { 'index.html': 'old index', 'a/index.html': 'old a', 'gone/index.html': 'gone', 'gone/homework/index.html': 'gone too', 'keep.txt': 'kept' })
  const staged = folder(join(parent, '.staging'), { 'index.html': 'new index', 'a/index.html': 'new a', 'b/index.html': 'new b' })
  return { parent, out, staged }
}

describe('replaceFiles', () => {
  it('renames new and changed files in, removes the gone ones with their empty folders, and leaves nothing beside', () => {
    const { parent, out, staged } = setup()
    replaceFiles(staged, out, ['a/index.html', 'b/index.html', 'index.html'], ['gone/index.html', 'gone/homework/index.html'])
    expect(checksums(out)).toEqual(checksums(folder(join(tempDir('expected'), 'site'), { 'index.html': 'new index', 'a/index.html': 'new a', 'b/index.html': 'new b', 'keep.txt': 'kept' })))
    expect(existsSync(join(out, 'gone'))).toBe(false)
    expect(readdirSync(parent)).toEqual(['site'])
  })

  it('puts every file back when a step fails half-way', () => {
    const { parent, out, staged } = setup()
    const before = checksums(out)
    // The third file was never written (as if the disk filled up): its rename fails after two succeeded.
    expect(() => replaceFiles(staged, out, ['a/index.html', 'b/index.html', 'missing.html', 'index.html'], ['gone/index.html'])).toThrow(/ENOENT/)
    expect(checksums(out)).toEqual(before)
    expect(readdirSync(parent)).toEqual(['site'])
  })

  it('puts removed files back when a removal fails', () => {
    const { parent, out, staged } = setup()
    const before = checksums(out)
    expect(() => replaceFiles(staged, out, ['index.html'], ['gone/index.html', 'not-there.html'])).toThrow(/ENOENT/)
    expect(checksums(out)).toEqual(before)
    expect(readdirSync(parent)).toEqual(['site'])
  })
})
