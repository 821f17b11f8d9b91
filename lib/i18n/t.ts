/**
 * Strings from public/_locales through browser.i18n: Vietnamese by default, English where the browser's
 * language is English. UI components take a `Translate` as a prop, so tests can pass one built from the files.
 */
import { browser } from 'wxt/browser';

export type Translate = (key: string, substitutions?: string | string[]) => string;

/** The extension's strings in the browser's language; the key itself when a string is missing. */
export const t: Translate = (key, substitutions) => {
  try {
    return browser.i18n.getMessage(key as never, substitutions as never) || key;
  } catch {
    return key;
  }
};

/**
 * A Translate that never shows a raw key while `fallback` has the string: once the extension is reloaded, updated
 * or disabled, an open tab's content script gets nothing (or an error) from browser.i18n, and would print keys.
 */
export function withFallback(primary: Translate, fallback: Translate): Translate {
  return (key, substitutions) => {
    let text = '';
    try {
      text = primary(key, substitutions);
    } catch {
      text = '';
    }
    return text && text !== key ? text : fallback(key, substitutions);
  };
}

/** "vi" or "en": which language dates and numbers are written in. */
export function uiLanguage(): 'vi' | 'en' {
  try {
    return browser.i18n.getMessage('lang' as never) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

interface MessageFile {
  [key: string]: { message: string; placeholders?: Record<string, { content: string }> };
}

/** A Translate over one messages.json, with the browser's placeholder rules ($NAME$ → $1). For tests. */
export function translatorFrom(messages: MessageFile): Translate {
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return key;
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    return fill(
      entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
        const placeholder = entry.placeholders?.[name.toLowerCase()];
        return placeholder ? placeholder.content : whole;
      }),
    ).replace(/\$\$/g, '$');
  };
}
