// Which image format a file holds, by its first bytes: the name's extension never decides.
// A magic-byte check instead of the file-type package: that one is async, reads many formats we
// refuse anyway and cannot tell SVG (text) at all, while these five formats need a dozen lines.

export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg'

/** Content-Type and file extension of each format: published files are named by their content. */
export const IMAGE_FORMATS: Record<ImageType, { mime: string; ext: string }> = {
  png: { mime: 'image/png', ext: 'png' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  gif: { mime: 'image/gif', ext: 'gif' },
  webp: { mime: 'image/webp', ext: 'webp' },
  avif: { mime: 'image/avif', ext: 'avif' },
  svg: { mime: 'image/svg+xml', ext: 'svg' },
}

/** Bytes enough for every signature below, the AVIF brand list included. */
export const HEAD_BYTES = 256

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b)
/** Whether the bytes at `at` spell `text` (ASCII): compared in place, no string made per check. */
const spells = (bytes: Uint8Array, at: number, text: string) => {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false
  return true
}

/** The raster format whose signature `head` starts with, or undefined (SVG is text: see svg-check). */
export function rasterType(head: Uint8Array): Exclude<ImageType, 'svg'> | undefined {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (spells(head, 0, 'GIF87a') || spells(head, 0, 'GIF89a')) return 'gif'
  if (spells(head, 0, 'RIFF') && spells(head, 8, 'WEBP')) return 'webp'
  if (spells(head, 4, 'ftyp') && avifBrands(head)) return 'avif'
  return undefined
}

/** ISO-BMFF `ftyp` box: the major brand at 8, compatible brands from 16 to the box's end. */
function avifBrands(head: Uint8Array): boolean {
  const boxEnd = Math.min(head.length, new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0))
  const avif = (at: number) => spells(head, at, 'avif') || spells(head, at, 'avis')
  if (avif(8)) return true
  for (let i = 16; i + 4 <= boxEnd; i += 4) if (avif(i)) return true
  return false
}
