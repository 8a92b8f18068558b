// esbuild plugin for both bundles of our sources (src/cli/run.mjs, worker-bundle.ts): markdown-it 15's
// dist defines each class field through oxc's `_defineProperty(this, "name", value)` helper, which
// goes through toPropertyKey → toPrimitive and stores by a computed key from one shared function:
// every Token costs eight such calls. Written as `this.name = value`, V8 stores each field through its
// own inline cache: markdown-it renders the 1,000 benchmark decks in half the CPU.
// Plain JavaScript: run.mjs runs before anything can load TypeScript.
import { readFileSync } from 'node:fs'

/** The oxc helper as markdown-it's dist defines it: `(r = toPropertyKey(r)) in e ? Object.defineProperty(…) : e[r] = t`. */
const HELPER = /^function _defineProperty\(e, r, t\) \{\n\treturn \(r = toPropertyKey\(r\)\) in e \? Object\.defineProperty\(e, r, \{/m

/**
 * A field definition on `this` whose value is one of the simple expressions markdown-it's fields use
 * (a literal, a name, `new Name()`, `Object.assign({}, name)`); the JSDoc comment oxc keeps may
 * stand before the name. Any other call stays as it is: still correct, only slower.
 */
const FIELD =
  /_defineProperty\(\s*this,\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)?"([A-Za-z_$][\w$]*)",\s*(null|-?\d+|"[^"\\\n]*"|true|false|\[\]|\{\}|[A-Za-z_$][\w$]*|new [A-Za-z_$][\w$]*\(\)|Object\.assign\(\{\}, [A-Za-z_$][\w$]*\))\s*\);/g

/**
 * The module's text with its field definitions as plain assignments, or undefined when it is not
 * a module this applies to. An assignment does what the helper does as long as no object on the
 * instance's prototype chain has a property of that name (a setter would run instead of being
 * shadowed): so only classes without `extends`, and no field named like a property of
 * Object.prototype. test/unit/native-class-fields.test.ts checks the rest on the installed markdown-it:
 * no class has a method named like one of its fields, and the output is the same, token for token.
 */
export function nativeClassFields(text) {
  if (!HELPER.test(text) || /\bclass\s+[\w$]*\s*extends\b/.test(text)) return undefined
  let rewritten = 0
  const out = text.replace(FIELD, (call, name, value) => {
    if (name in Object.prototype) return call
    rewritten++
    return `this.${name} = ${value};`
  })
  return rewritten > 0 ? { text: out, rewritten } : undefined
}

/** markdown-it's ES module build, wherever npm placed it. */
export const MARKDOWN_IT_DIST = /[\\/]node_modules[\\/]markdown-it[\\/]dist[\\/]markdown-it\.mjs$/

export const nativeClassFieldsPlugin = {
  name: 'native-class-fields',
  setup(b) {
    b.onLoad({ filter: MARKDOWN_IT_DIST }, ({ path }) => {
      const result = nativeClassFields(readFileSync(path, 'utf8'))
      return result ? { contents: result.text, loader: 'js' } : undefined
    })
  },
}
