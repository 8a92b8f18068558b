// escapeHtml: the five characters HTML gives meaning to become entities, NUL becomes U+FFFD, the rest stays.
import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../src/core/escape-html.ts'

describe('escapeHtml', () => {
  const cases: [string | number, string][] = [
    ['plain text – ohne Zeichen', 'plain text – ohne Zeichen'],
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ["Tom & Jerry's", 'Tom &amp; Jerry&#39;s'],
    ['&amp;', '&amp;amp;'],
    ['a\0b\0', 'a\uFFFDb\uFFFD'],
    ['" onerror="x', '&quot; onerror=&quot;x'],
    [42, '42'],
    ['', ''],
  ]
  for (const [value, escaped] of cases) it(`${JSON.stringify(value)} → ${JSON.stringify(escaped)}`, () => expect(escapeHtml(value)).toBe(escaped))

  it('escapes every occurrence, also after a first one (the check and the replacement see the whole text)', () => {
    expect(escapeHtml('<<>>&&""\'\'')).toBe('&lt;&lt;&gt;&gt;&amp;&amp;&quot;&quot;&#39;&#39;')
    expect(escapeHtml('x'.repeat(1000) + '<')).toBe(`${'x'.repeat(1000)}&lt;`)
  })
})
