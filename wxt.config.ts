import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest is a function of the target: Firefox-only keys must not reach the Chrome manifest.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  vite: () => ({ plugins: [preact()] }),
  zip: { excludeSources: ['tests/**', 'scripts/**', '.ci/**', 'data/**', '*.md', 'test-results/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: ['storage', 'scripting'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'vanban-lens@vanban-lens.local', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
