// fast-check generators of deck text: random fragments, and frontmatter that parses with hostile values.
import fc from 'fast-check'

/** Snippets that must never turn into script, whatever surrounds them. */
export const HOSTILE = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<iframe src="javascript:alert(1)">',
  '[x](javascript:alert(1))', '[x](JaVaScRiPt&#x3A;alert(1))', '[x](java\tscript:alert(1))', '[x](&#106;avascript:alert(1))',
  '[x](vbscript:msgbox(1))', '![x](data:image/svg+xml;base64,PHN2Zz4=)', '[x](data:text/html,<script>)', '<javascript:alert(1)>',
  '[x]: javascript:alert(1)\n\n[x]', '[x](&#x110000;)', '[x](%E0%A4%A)', '![](__UPDECK_ASSET__%__)', '![__UPDECK_ASSET__%__](a.png)',
  '"><script>alert(1)</script>', '</title><script>alert(1)</script>', '{{x}}', '${x}', "' onmouseover='alert(1)", '" onfocus="alert(1)',
]

const MARKDOWN = [
  '---', '...', '```', '~~~', '```js', '```cpp', 'Note:', 'notes:', '# ', '## ', '- ', '* ', '> ', '1. ', '    ', '![', '](', '[', ']', '(', ')',
  '*', '**', '_', '`', '|', '| a | b |', '|---|---|', '\\', '&amp;', '&#0;', '&#x1F600;', '<', '>', '![a](img/b.png)', '[a](https://example.com/ä)',
  '[a](<b c>)', '![](bild-ä.png)', '\uFEFF', '\0', '😀', '\uD83D', '\uDE00', 'ä', 'ß', '\u2028', '\r\n', '\r', '\n', '\n\n', ' ', '\t', 'Wort',
]

const YAML = [
  'title: ', 'date: 2026-12-03', 'audience: A', 'presenter: ', 'duration: 5', 'lang: en', 'theme: dark', 'homework:', '  - kind: link',
  '    title: x', '    url: https://example.com', '    details: ', '&a ', '*a', '!!str ', '!!binary ', '!t ', '{', '}', '[', ']', ', ', ': ',
  '? ', '- ', '"', "'", '|', '>-', '#', '%YAML 1.2', '<<: *a', '~', 'null', '0x1F', '.nan', '1e999',
]

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKDOWN, ...YAML) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
)
const lineBreak = fc.constantFrom('\n', '\n', '\r\n', '\r')
const fragments = (max: number) => fc.array(fc.oneof(fragment, lineBreak), { maxLength: max }).map((parts) => parts.join(''))

/** Deep nesting of lists and quotes, or of YAML brackets. */
const nested = fc.tuple(fc.constantFrom('> ', '- ', '  - ', '[', '{', '1. ', '* > '), fc.integer({ min: 1, max: 200 }), fragments(4)).map(([open, n, rest]) => open.repeat(n) + rest)

/** Any text at all, often starting like a deck. */
export const hostileText = fc
  .tuple(fc.constantFrom('', '---\n', '\uFEFF---\r\n', '---\r'), fc.array(fc.oneof({ weight: 4, arbitrary: fragments(30) }, { weight: 1, arbitrary: nested }), { maxLength: 4 }))
  .map(([start, parts]) => start + parts.join('\n'))

/** A YAML double-quoted string (JSON is a subset of YAML) of hostile text on one line, as titles must be. */
const value = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE, ...MARKDOWN), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(' ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/g, ' ').trim() || 'x')
  .map((s) => JSON.stringify(s))
const details = fc.array(fc.oneof(fc.constantFrom(...HOSTILE, ...MARKDOWN), fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => JSON.stringify(parts.join(' ')))
const task = fc.oneof(
  fc.tuple(fc.constantFrom('link', 'profile', 'account', 'blog', 'follow'), value, details).map(([kind, title, d]) => `  - kind: ${kind}\n    title: ${title}\n    url: https://example.com/a?b=1\n    details: ${d}`),
  fc.tuple(fc.constantFrom('linkedin', 'x', 'xing', 'mastodon'), value, value).map(([network, title, text]) => `  - kind: share\n    network: ${network}\n    title: ${title}\n    text: ${text}\n    url: https://example.com/news`),
)

/** A deck whose frontmatter mostly parses, with hostile titles, details and share texts, then any body. */
export const deckText = fc
  .tuple(value, value, value, fc.array(task, { minLength: 1, maxLength: 3 }), fc.array(fc.oneof({ weight: 5, arbitrary: fragments(25) }, { weight: 1, arbitrary: nested }), { maxLength: 4 }), lineBreak)
  .map(([title, audience, presenter, tasks, body, nl]) =>
    ['---', `title: ${title}`, 'date: 2026-12-03', `audience: ${audience}`, `presenter: ${presenter}`, 'homework:', ...tasks, '---', '', ...body].join(nl),
  )
