// The parts of qrcode (lib/core) that qr.ts, qr-segments.ts and qr-mask.ts use instead of, or besides, its package entry:
// they keep the capacities and format information qrcode's own.
declare module 'qrcode/lib/core/qrcode.js' {
  import type { create } from 'qrcode'
  /** The symbol builder behind qrcode's public create(), without the renderers its package entry loads. */
  const QRCode: { create: typeof create }
  export default QRCode
}

declare module 'qrcode/lib/core/version.js' {
  const Version: {
    /** Data bits (mode MIXED) or characters a version holds at an error correction level. */
    getCapacity(version: number, errorCorrectionLevel: { bit: number }, mode: { bit: number }): number
  }
  export default Version
}

declare module 'qrcode/lib/core/error-correction-level.js' {
  const ECLevel: Record<'L' | 'M' | 'Q' | 'H', { bit: number }>
  export default ECLevel
}

declare module 'qrcode/lib/core/format-info.js' {
  const FormatInfo: {
    /** The 15 bits of format information for a level and mask pattern, BCH-coded and masked. */
    getEncodedBits(errorCorrectionLevel: { bit: number }, mask: number): number
  }
  export default FormatInfo
}

declare module 'qrcode/lib/core/mode.js' {
  const Mode: { MIXED: { bit: number } }
  export default Mode
}

declare module 'qrcode/lib/core/mask-pattern.js' {
  import type { BitMatrix } from 'qrcode'
  /** qrcode's penalty rules (ISO/IEC 18004 8.8.2), by which it chooses the mask pattern: the tests hold qr-mask.ts to them. */
  const MaskPattern: Record<'getPenaltyN1' | 'getPenaltyN2' | 'getPenaltyN3' | 'getPenaltyN4', (data: BitMatrix) => number>
  export default MaskPattern
}
