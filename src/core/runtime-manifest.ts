// The file the bundled runtime is described in: written by the build plugin, read by the runtime cache.

/** Written next to the bundled runtime: which files a deck page and the other pages load. */
export const RUNTIME_MANIFEST = 'updeck-runtime.json'
