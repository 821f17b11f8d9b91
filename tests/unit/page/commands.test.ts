import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMAND_CHANNEL, forwardCommands, listenForCommands, manifestCommands, NEXT_REFERENCE, PREVIOUS_REFERENCE } from '@/lib/page/commands';

type CommandListener = (command: string) => Promise<void> | void;

describe('keyboard shortcuts: background forwards, content script moves', () => {
  let commandListeners: CommandListener[];
  beforeEach(() => {
    fakeBrowser.reset();
    commandListeners = [];
    // The fake browser has no commands API: give it the one event the background listens to.
    (fakeBrowser as unknown as { commands: unknown }).commands = { onCommand: { addListener: (l: CommandListener) => commandListeners.push(l) } };
  });

  it('sends next/previous to the top frame of the active tab, and nothing for other commands', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    forwardCommands();
    expect(commandListeners).toHaveLength(1);
    await commandListeners[0]!(NEXT_REFERENCE);
    await commandListeners[0]!(PREVIOUS_REFERENCE);
    await commandListeners[0]!('_execute_action');
    expect(send.mock.calls).toEqual([
      [7, { channel: COMMAND_CHANNEL, command: NEXT_REFERENCE }, { frameId: 0 }],
      [7, { channel: COMMAND_CHANNEL, command: PREVIOUS_REFERENCE }, { frameId: 0 }],
    ]);
  });

  it('does not fail on a tab without the content script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3 }] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist'));
    forwardCommands();
    await expect(commandListeners[0]!(NEXT_REFERENCE)).resolves.toBeUndefined();
  });

  it('moves on messages from this extension only, until aborted', async () => {
    const moves: number[] = [];
    const controller = new AbortController();
    listenForCommands(controller.signal, (d) => moves.push(d));
    await fakeBrowser.runtime.onMessage.trigger({ channel: COMMAND_CHANNEL, command: NEXT_REFERENCE }, { id: fakeBrowser.runtime.id }, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ channel: COMMAND_CHANNEL, command: PREVIOUS_REFERENCE }, { id: 'another-extension' }, () => {});
    await fakeBrowser.runtime.onMessage.trigger({ channel: 'other', command: NEXT_REFERENCE }, { id: fakeBrowser.runtime.id }, () => {});
    controller.abort();
    await fakeBrowser.runtime.onMessage.trigger({ channel: COMMAND_CHANNEL, command: PREVIOUS_REFERENCE }, { id: fakeBrowser.runtime.id }, () => {});
    expect(moves).toEqual([1]);
  });

  it('moves back for the previous-reference shortcut', async () => {
    const moves: number[] = [];
    listenForCommands(new AbortController().signal, (d) => moves.push(d));
    await fakeBrowser.runtime.onMessage.trigger({ channel: COMMAND_CHANNEL, command: PREVIOUS_REFERENCE }, { id: fakeBrowser.runtime.id }, () => {});
    expect(moves).toEqual([-1]);
  });
});

describe('keyboard shortcuts in the manifest (wxt.config.ts)', () => {
  it('declares the two commands with their suggested keys and translated descriptions', () => {
    expect(manifestCommands()).toEqual({
      'next-reference': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNext__' },
      'previous-reference': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdPrevious__' },
    });
    expect(Object.keys(manifestCommands())).toEqual([NEXT_REFERENCE, PREVIOUS_REFERENCE]);
  });
});
