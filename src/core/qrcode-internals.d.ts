// The parts of qrcode (lib/core) that qr-segments.ts and qr-mask.ts use besides its public create():
// they keep the version and format information qrcode's own. Segment objects stay opaque here.
declare module 'qrcode/lib/core/segments.js' {
  import type { QRCodeSegment } from 'qrcode'
  const Segments: {
    /** The text's runs of digits, alphanumeric and other characters, unoptimised. */
    rawSplit(data: string): unknown[]
    /** Segment objects for explicit segments, as create() builds them. */
    fromArray(array: QRCodeSegment[]): unknown[]
  }
  export default Segments
}

declare module 'qrcode/lib/core/version.js' {
  const Version: {
    /** The smallest version holding the segments at the level; undefined beyond version 40. */
    getBestVersionForData(data: unknown[], errorCorrectionLevel: string): number | undefined
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
