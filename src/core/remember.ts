// A bounded memo: what a build makes again and again (QR codes, highlighted code) kept by key.

/**
 * `cache`'s value for `key`, made by `make` when there is none. A full cache is cleared first:
 * bounded memory, and a cleared entry only costs making it again.
 */
export function remember<T>(cache: Map<string, T>, limit: number, key: string, make: () => T): T {
  let found = cache.get(key)
  if (found === undefined) {
    if (cache.size >= limit) cache.clear()
    found = make()
    cache.set(key, found)
  }
  return found
}
