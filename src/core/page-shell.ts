// The HTML around the index, homework and forwarding pages: no script, strict CSP.
import { escapeHtml } from './escape-html.ts'
import { CONTENT_SECURITY_POLICY } from './site-context.ts'

export interface Shell {
  lang: string
  title: string
  css: string[]
  body: string
  bodyClass: string
  dev?: boolean | undefined
  head?: string
}

export function pageShell(shell: Shell): string {
  const csp = shell.dev ? '' : `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n`
  return `<!doctype html>
<html lang="${escapeHtml(shell.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
${csp}<title>${escapeHtml(shell.title)}</title>
${shell.css.map((c) => `<link rel="stylesheet" href="${escapeHtml(c)}">`).join('\n')}${shell.head ?? ''}
</head>
<body class="${shell.bodyClass}">
${shell.body}
</body>
</html>
`
}
