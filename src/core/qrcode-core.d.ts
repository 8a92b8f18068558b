// Types for the parts of qrcode's core that qr.ts uses to find a code's version without drawing it.
declare module 'qrcode/lib/core/error-correction-level.js' {
  export interface Level {
    bit: number
  }
  const levels: { L: Level; M: Level; Q: Level; H: Level }
  export default levels
}
declare module 'qrcode/lib/core/segments.js' {
  export interface Segment {
    mode: unknown
    getLength(): number
  }
  const segments: { rawSplit(text: string): Segment[]; fromString(text: string, version: number): Segment[] }
  export default segments
}
declare module 'qrcode/lib/core/version.js' {
  import type { Level } from 'qrcode/lib/core/error-correction-level.js'
  import type { Segment } from 'qrcode/lib/core/segments.js'
  const version: { getBestVersionForData(segments: Segment[], level: Level): number | undefined }
  export default version
}
