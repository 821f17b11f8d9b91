/**
 * The keyboard shortcuts for the next and previous reference (manifest `commands`). Browsers deliver commands
 * to the background, which forwards them to the active tab's top frame; the content script moves there.
 */
import { browser } from 'wxt/browser';

export const COMMAND_CHANNEL = 'vanban-lens/command';
export const NEXT_REFERENCE = 'next-reference';
export const PREVIOUS_REFERENCE = 'previous-reference';

interface CommandMessage {
  channel: typeof COMMAND_CHANNEL;
  command: typeof NEXT_REFERENCE | typeof PREVIOUS_REFERENCE;
}

/** For the background: forwards the shortcuts to the active tab. */
export function forwardCommands(): void {
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== NEXT_REFERENCE && command !== PREVIOUS_REFERENCE) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message: CommandMessage = { channel: COMMAND_CHANNEL, command };
    await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => {
      // No content script on this tab (a site where the extension is off): nothing to move through.
    });
  });
}

/** For the content script: calls `onMove` for shortcuts sent by this extension's background, until aborted. */
export function listenForCommands(signal: AbortSignal, onMove: (direction: 1 | -1) => void): void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isCommandMessage(message)) return undefined;
    onMove(message.command === NEXT_REFERENCE ? 1 : -1);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

function isCommandMessage(message: unknown): message is CommandMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.channel === COMMAND_CHANNEL && (m.command === NEXT_REFERENCE || m.command === PREVIOUS_REFERENCE);
}
