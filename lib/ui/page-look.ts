/**
 * The look of the extension's own pages (search, options, popup): the theme chosen in the options (system, light,
 * dark: `data-theme` on the root element, which the pages' styles read) and the language (the browser's, or
 * Vietnamese or English whatever the browser says: then the bundled strings are used instead of browser.i18n).
 */
import { t as browserT, translatorFrom, uiLanguage, withFallback, type Translate } from '../i18n/t';
import { DEFAULT_SETTINGS, getGlobalSettings, type GlobalSettings, type Language, type Theme } from '../settings/store';

type Messages = Parameters<typeof translatorFrom>[0];

export interface PageLook {
  t: Translate;
  lang: 'vi' | 'en';
  theme: Theme;
}

/** Sets the theme on the page's root element ("system" leaves it to the browser's colour scheme). */
export function applyTheme(doc: Document, theme: Theme): void {
  if (theme === 'system') doc.documentElement.removeAttribute('data-theme');
  else doc.documentElement.setAttribute('data-theme', theme);
}

/** The strings and language for a language setting. */
export function stringsFor(language: Language, messages: { vi: Messages; en: Messages }): { t: Translate; lang: 'vi' | 'en' } {
  const lang = language === 'system' ? uiLanguage() : language;
  const bundled = translatorFrom(lang === 'en' ? messages.en : messages.vi);
  return { lang, t: language === 'system' ? withFallback(browserT, bundled) : bundled };
}

/** Reads the settings and applies them to the page: theme, `lang`; returns the strings to render with. */
export async function applyPageLook(doc: Document, messages: { vi: Messages; en: Messages }, settings?: GlobalSettings): Promise<PageLook> {
  const global = settings ?? (await getGlobalSettings().catch(() => DEFAULT_SETTINGS));
  applyTheme(doc, global.theme);
  const { t, lang } = stringsFor(global.language, messages);
  doc.documentElement.lang = lang;
  return { t, lang, theme: global.theme };
}
