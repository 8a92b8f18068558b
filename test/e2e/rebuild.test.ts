// Building again: the "nothing changed" shortcut checks the output it wrote, not only its inputs.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildTo, checksums } from '../helpers/build-fixture.ts'
import { deckText, tempProject } from '../helpers/temp-project.ts'

describe('building again after the output was damaged', () => {
  it('rebuilds what was deleted from the output, then answers from the cache again', async () => {
    const { decksDir } = tempProject()
    writeFileSync(join(decksDir, 'personal.md'), deckText('Personal'))
    const first = await buildTo({ decksDir })
    expect(first.ok).toBe(true)
    const built = checksums(first.outDir)

    rmSync(join(first.outDir, 'vertrieb'), { recursive: true })
    rmSync(join(first.outDir, 'assets'), { recursive: true })
    const repaired = await buildTo({ decksDir, outDir: first.outDir })
    expect(repaired).toMatchObject({ ok: true })
    expect(repaired.upToDate).toBeUndefined()
    expect(Object.keys(checksums(first.outDir))).toEqual(Object.keys(built))

    expect(await buildTo({ decksDir, outDir: first.outDir })).toMatchObject({ ok: true, upToDate: true })
  })

  it('rebuilds when a file of the output was edited or one was added', async () => {
    const { decksDir } = tempProject()
    const first = await buildTo({ decksDir })
    writeFileSync(join(first.outDir, 'feed.xml'), 'overwritten by hand')
    expect((await buildTo({ decksDir, outDir: first.outDir })).upToDate).toBeUndefined()
    writeFileSync(join(first.outDir, 'stray.html'), 'not ours')
    expect((await buildTo({ decksDir, outDir: first.outDir })).upToDate).toBeUndefined()
    expect(await buildTo({ decksDir, outDir: first.outDir })).toMatchObject({ ok: true, upToDate: true })
  })
})
