// Zod issue messages written for presenters, not programmers.
import type { z } from 'zod'
import { TASK_KINDS } from './frontmatter.ts'

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with -)',
  object: 'a group of fields',
}

export const presenterMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required'
      if (issue.expected === 'string' && typeof issue.input !== 'object') return 'must be text: put it in quotes'
      return `must be ${NOUNS[issue.expected] ?? issue.expected}`
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `needs at least ${issue.minimum} characters`
      if (issue.origin === 'array') return `needs at least ${issue.minimum} entries`
      return `must be at least ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `is too long: at most ${issue.maximum} characters`
      if (issue.origin === 'array') return `has too many entries: at most ${issue.maximum}`
      return `must be at most ${issue.maximum}`
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`
    case 'invalid_union':
      return `must be one of: ${TASK_KINDS.join(', ')}`
    case 'invalid_format':
      return `is not a valid ${issue.format}`
    default:
      return undefined
  }
}
