import { browser } from 'wxt/browser';

const t = (key: string) => browser.i18n.getMessage(key as never) || key;

/** The toolbar popup: what the extension is; per-site controls arrive with the reader experience. */
export function Popup() {
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: '12px', minWidth: '260px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 6px' }}>{t('extName')}</h1>
      <p style={{ margin: 0 }}>{t('extDescription')}</p>
    </main>
  );
}
