// What the dev server shows instead of a deck that has errors: every message, file:line:col first.
import { escapeHtml } from '../core/escape-html.ts'

export function errorPage(lines: string[], body: string): string {
  const box = `<div class="updeck-errors" role="alert"><h1>updeck: ${lines.length === 1 ? 'a problem' : `${lines.length} problems`} in the decks</h1><pre>${lines.map(escapeHtml).join('\n')}</pre><p>Save the deck after fixing it; this page updates by itself.</p></div>`
  if (body) return body.replace(/<body([^>]*)>/, `<body$1>\n${box}`)
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>updeck: problems in the decks</title></head>
<body class="updeck-error-page">${box}</body></html>`
}
