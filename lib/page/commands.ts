/**
 * The keyboard commands: their names and suggested shortcuts (the manifest's `commands`, which wxt.config.ts
 * takes from here), and their way to the page. Browsers deliver commands to the background, which forwards them
 * to the active tab's top frame; the content script moves there.
 */
import { browser } from 'wxt/browser';

export const COMMAND_CHANNEL = 'vanban-lens/command';
export const NEXT_REFERENCE = 'next-reference';
export const PREVIOUS_REFERENCE = 'previous-reference';

export type ReferenceCommand = typeof NEXT_REFERENCE | typeof PREVIOUS_REFERENCE;

export interface CommandSpec {
  /** The suggested shortcut (users may change it in the browser's shortcut settings). */
  shortcut: string;
  /** The manifest's description: a message reference (`__MSG_key__`). */
  description: string;
  /** Where it moves among the page's references. */
  direction: 1 | -1;
}

/** Every keyboard command, in manifest order. */
export const COMMANDS: Readonly<Record<ReferenceCommand, CommandSpec>> = {
  [NEXT_REFERENCE]: { shortcut: 'Alt+Shift+J', description: '__MSG_cmdNext__', direction: 1 },
  [PREVIOUS_REFERENCE]: { shortcut: 'Alt+Shift+K', description: '__MSG_cmdPrevious__', direction: -1 },
};

export interface ManifestCommand {
  suggested_key: { default: string };
  description: string;
}

/** The manifest's `commands` entry (for wxt.config.ts). */
export function manifestCommands(): Record<ReferenceCommand, ManifestCommand> {
  const entries = Object.entries(COMMANDS).map(([name, { shortcut, description }]) => [name, { suggested_key: { default: shortcut }, description }]);
  return Object.fromEntries(entries) as Record<ReferenceCommand, ManifestCommand>;
}

interface CommandMessage {
  channel: typeof COMMAND_CHANNEL;
  command: ReferenceCommand;
}

const isReferenceCommand = (command: unknown): command is ReferenceCommand =>
  command === NEXT_REFERENCE || command === PREVIOUS_REFERENCE;

/** For the background: forwards the shortcuts to the active tab. */
export function forwardCommands(): void {
  browser.commands?.onCommand.addListener(async (command) => {
    if (!isReferenceCommand(command)) return;
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
    onMove(COMMANDS[message.command].direction);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

function isCommandMessage(message: unknown): message is CommandMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.channel === COMMAND_CHANNEL && isReferenceCommand(m.command);
}
