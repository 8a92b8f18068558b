// The site's configuration: updeck's options are the site-wide settings (see README, "Site settings").
import { defineConfig } from 'vite'
import { updeck } from './src/index.ts'

export default defineConfig({
  plugins: [
    updeck({
      organisation: 'Muster Maschinenbau GmbH',
      presenter: 'Jana Hoffmann',
      lang: 'de',
      mastodonInstance: 'mastodon.social',
    }),
  ],
})
