// The two parts of qrcode (lib/core) that qr-segments.ts uses besides its public create(): they
// keep its version choice qrcode's own. Segment objects stay opaque here.
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
