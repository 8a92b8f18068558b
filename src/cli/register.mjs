// `node --import ./src/cli/register.mjs src/cli/main.ts`: runs the TypeScript sources on Node 20.
import { register } from 'node:module'

register('./ts-hooks.mjs', import.meta.url)
