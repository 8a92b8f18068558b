// import() for what is not part of the command line's bundle (vite, esbuild, playwright-core, the
// bundled vite.config.ts). The command line runs as a script with a V8 code cache (src/cli/run.mjs),
// and on Node 20 a script loaded from a code cache cannot call import() itself: run.mjs puts its
// own import() in place of this module. Everywhere else (vitest, scripts/) it is plain import().

/** Imports `specifier` (a package name or a file: URL) as an ES module. */
export const importModule = <T>(specifier: string): Promise<T> => import(specifier) as Promise<T>
