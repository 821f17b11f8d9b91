/**
 * For unit tests of the lookup messages under wxt's fake browser: runtime.sendMessage delivers to the listeners
 * registered with runtime.onMessage the way the browser does for the extension's own scripts (with the extension's
 * id as the sender), answering through sendResponse when a listener returns true. Undone by vi.restoreAllMocks().
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export function deliverAsExtension(): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    let answer: unknown;
    const sent = new Promise((resolve) => (answer = resolve));
    const results = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, answer as never);
    return results.some((r: unknown) => r === true) ? sent : undefined;
  }) as never);
}
