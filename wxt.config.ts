import { defineConfig } from 'wxt';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { ALL_SITES_PATTERN, DEFAULT_MATCHES } from './lib/settings/sites';
import { manifestCommands } from './lib/page/commands';
import { checkBundle } from './scripts/lib/bundle-check';

// Manifest is a function of the target: Firefox-only keys must not reach the Chrome manifest.
// Host access: Vietnamese sites by default (so the install prompt does not ask for every website); anywhere
// else only when the user asks from the popup (optional host permissions, content script registered then).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  vite: () => ({
    plugins: [preact()],
    // WXT's content-script context announces each start to the page and stops on a replay of it (a page could
    // detect and switch off the extension): the content script gets ours, which talks to no page (lib/page).
    resolve: {
      alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./lib/page/script-context.ts', import.meta.url)) }],
    },
  }),
  // A truncated or damaged bundled dataset fails the build, with what is wrong (scripts/lib/bundle-check.ts).
  hooks: {
    'build:before': async (wxt) => {
      await checkBundle(`${wxt.config.publicDir}/dataset`);
    },
  },
  zip: { excludeSources: ['tests/**', 'scripts/**', '.ci/**', 'data/**', '*.md', 'test-results/**'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // clipboardWrite (+ offscreen in Chrome): Copy citation writes from the extension's own document, never
    // through a copy event the page could see and rewrite (lib/page/clipboard.ts).
    // contextMenus: "Tra cứu văn bản" / "Look up document" on selected text (lib/lookup/context-menu.ts).
    permissions: ['storage', 'scripting', 'activeTab', 'clipboardWrite', 'contextMenus', ...(manifestVersion === 3 ? ['offscreen'] : [])],
    host_permissions: [...DEFAULT_MATCHES],
    ...(manifestVersion === 3
      ? { optional_host_permissions: [ALL_SITES_PATTERN] }
      : { optional_permissions: [ALL_SITES_PATTERN] as never[] }),
    // Keyboard shortcuts: names, suggested keys and descriptions live with their forwarding (lib/page/commands).
    commands: manifestCommands(),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'vanban-lens@vanban-lens.local', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
