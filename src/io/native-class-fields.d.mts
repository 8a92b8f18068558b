// Types of native-class-fields.mjs, which stays JavaScript because src/cli/run.mjs loads it before any TypeScript.
import type { Plugin } from 'esbuild'

export function nativeClassFields(text: string): { text: string; rewritten: number } | undefined
export const MARKDOWN_IT_DIST: RegExp
export const nativeClassFieldsPlugin: Plugin
