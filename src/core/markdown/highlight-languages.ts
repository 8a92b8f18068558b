// highlight.js/lib/common, one language at a time: registering all 36 costs more than highlighting a
// deck, so a language is registered when a deck first uses it (with the languages it embeds). The
// names and aliases are lib/common's; test/unit/highlight-languages.test.ts compares them and the output.
import type { LanguageFn } from 'highlight.js'
import xml from 'highlight.js/lib/languages/xml'
import bash from 'highlight.js/lib/languages/bash'
import c from 'highlight.js/lib/languages/c'
import cpp from 'highlight.js/lib/languages/cpp'
import csharp from 'highlight.js/lib/languages/csharp'
import css from 'highlight.js/lib/languages/css'
import markdown from 'highlight.js/lib/languages/markdown'
import diff from 'highlight.js/lib/languages/diff'
import ruby from 'highlight.js/lib/languages/ruby'
import go from 'highlight.js/lib/languages/go'
import graphql from 'highlight.js/lib/languages/graphql'
import ini from 'highlight.js/lib/languages/ini'
import java from 'highlight.js/lib/languages/java'
import javascript from 'highlight.js/lib/languages/javascript'
import json from 'highlight.js/lib/languages/json'
import kotlin from 'highlight.js/lib/languages/kotlin'
import less from 'highlight.js/lib/languages/less'
import lua from 'highlight.js/lib/languages/lua'
import makefile from 'highlight.js/lib/languages/makefile'
import perl from 'highlight.js/lib/languages/perl'
import objectivec from 'highlight.js/lib/languages/objectivec'
import php from 'highlight.js/lib/languages/php'
import phpTemplate from 'highlight.js/lib/languages/php-template'
import plaintext from 'highlight.js/lib/languages/plaintext'
import python from 'highlight.js/lib/languages/python'
import pythonRepl from 'highlight.js/lib/languages/python-repl'
import r from 'highlight.js/lib/languages/r'
import rust from 'highlight.js/lib/languages/rust'
import scss from 'highlight.js/lib/languages/scss'
import shell from 'highlight.js/lib/languages/shell'
import sql from 'highlight.js/lib/languages/sql'
import swift from 'highlight.js/lib/languages/swift'
import yaml from 'highlight.js/lib/languages/yaml'
import typescript from 'highlight.js/lib/languages/typescript'
import vbnet from 'highlight.js/lib/languages/vbnet'
import wasm from 'highlight.js/lib/languages/wasm'

/** Each language of lib/common by its name, with its definition and the aliases that lead to it. */
export const COMMON_LANGUAGES: Record<string, { define: LanguageFn; aliases: string[] }> = {
  xml: { define: xml, aliases: ['html', 'xhtml', 'rss', 'atom', 'xjb', 'xsd', 'xsl', 'plist', 'wsf', 'svg'] },
  bash: { define: bash, aliases: ['sh', 'zsh'] },
  c: { define: c, aliases: ['h'] },
  cpp: { define: cpp, aliases: ['cc', 'c++', 'h++', 'hpp', 'hh', 'hxx', 'cxx'] },
  csharp: { define: csharp, aliases: ['cs', 'c#'] },
  css: { define: css, aliases: [] },
  markdown: { define: markdown, aliases: ['md', 'mkdown', 'mkd'] },
  diff: { define: diff, aliases: ['patch'] },
  ruby: { define: ruby, aliases: ['rb', 'gemspec', 'podspec', 'thor', 'irb'] },
  go: { define: go, aliases: ['golang'] },
  graphql: { define: graphql, aliases: ['gql'] },
  ini: { define: ini, aliases: ['toml'] },
  java: { define: java, aliases: ['jsp'] },
  javascript: { define: javascript, aliases: ['js', 'jsx', 'mjs', 'cjs'] },
  json: { define: json, aliases: ['jsonc', 'json5'] },
  kotlin: { define: kotlin, aliases: ['kt', 'kts', 'ktm', 'ktx'] },
  less: { define: less, aliases: [] },
  lua: { define: lua, aliases: ['pluto'] },
  makefile: { define: makefile, aliases: ['mk', 'mak', 'make'] },
  perl: { define: perl, aliases: ['pl', 'pm'] },
  objectivec: { define: objectivec, aliases: ['mm', 'objc', 'obj-c', 'obj-c++', 'objective-c++'] },
  php: { define: php, aliases: [] },
  "php-template": { define: phpTemplate, aliases: [] },
  plaintext: { define: plaintext, aliases: ['text', 'txt'] },
  python: { define: python, aliases: ['py', 'gyp', 'ipython'] },
  "python-repl": { define: pythonRepl, aliases: ['pycon'] },
  r: { define: r, aliases: [] },
  rust: { define: rust, aliases: ['rs'] },
  scss: { define: scss, aliases: [] },
  shell: { define: shell, aliases: ['console', 'shellsession'] },
  sql: { define: sql, aliases: [] },
  swift: { define: swift, aliases: [] },
  yaml: { define: yaml, aliases: ['yml'] },
  typescript: { define: typescript, aliases: ['ts', 'tsx', 'mts', 'cts'] },
  vbnet: { define: vbnet, aliases: ['vb'] },
  wasm: { define: wasm, aliases: [] },
}
