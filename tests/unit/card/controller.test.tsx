// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardHost, randomHostTag } from '@/lib/card/host';
import { createCardController } from '@/lib/card/controller';
import { buildCardModel } from '@/lib/card/model';
import { kh17, kh17Resolved, tVi } from './fixtures';

let abort: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  abort = new AbortController();
  document.body.innerHTML = '<p>Theo <span id="a" tabindex="0">17-KH/TW</span> và <span id="b" tabindex="0">35-CT/TW</span>.</p><button id="other">x</button>';
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
});

/** The card's closed shadow roots, caught as they are attached (the page has no way to them). */
let roots: ShadowRoot[] = [];
function setup() {
  roots = [];
  const attach = Element.prototype.attachShadow;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  const host = createCardHost({ t: tVi, signal: abort.signal });
  spy.mockRestore();
  const opened: string[] = [];
  const closed: string[] = [];
  const controller = createCardController<string>({
    host,
    signal: abort.signal,
    graceMs: 300,
    onOpen: (key) => {
      opened.push(key);
      host.render({ model: { ...buildCardModel({ ref: kh17, resolution: kh17Resolved }), heading: key } });
    },
    onClose: (key, reason) => closed.push(`${key}:${reason}`),
  });
  return { host, controller, opened, closed };
}

const a = () => document.getElementById('a')!;
const b = () => document.getElementById('b')!;

describe('card host', () => {
  it('lives in one element with a closed shadow root, added on first use and removed on abort', () => {
    const { host, controller } = setup();
    controller.activate('a', a(), 'hover');
    const element = document.documentElement.lastElementChild!;
    expect(element).toBe(host.element);
    expect(element.shadowRoot).toBeNull(); // closed: the page cannot reach in
    expect(element.attributes.length).toBe(0); // shown: no attribute at all (hidden when closed)
    expect(roots).toHaveLength(1);
    const root = roots[0]!;
    expect(root.mode).toBe('closed');
    expect(root.querySelector('style')!.textContent).toContain(':host');
    expect(root.querySelector('h2')!.textContent).toBe('a');
    expect(host.contains(root.querySelector('h2'))).toBe(true);
    expect(host.contains(a())).toBe(false);
    abort.abort();
    expect(element.isConnected).toBe(false);
  });

  it('takes a random valid custom-element name, different on each page', () => {
    const names = new Set(Array.from({ length: 50 }, () => randomHostTag()));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/^[a-z]{4,9}-[a-z]{4,9}$/);
  });
});

describe('card controller', () => {
  it('stays open for the grace period after the pointer leaves, and closes after it', () => {
    const { host, controller, closed } = setup();
    controller.activate('a', a(), 'hover');
    expect(host.isShown()).toBe(true);
    controller.deactivate('a', 'leave');
    vi.advanceTimersByTime(250);
    expect(host.isShown()).toBe(true);
    vi.advanceTimersByTime(100);
    expect(host.isShown()).toBe(false);
    expect(closed).toEqual(['a:leave']);
  });

  it('stays open while the pointer is inside the card (hoverable)', () => {
    const { host, controller } = setup();
    controller.activate('a', a(), 'hover');
    controller.deactivate('a', 'leave');
    host.card()!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(2000);
    expect(host.isShown()).toBe(true);
    host.card()!.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, relatedTarget: document.body }));
    vi.advanceTimersByTime(350);
    expect(host.isShown()).toBe(false);
  });

  it('shows one card at a time', () => {
    const { host, controller, opened, closed } = setup();
    controller.activate('a', a(), 'hover');
    controller.activate('b', b(), 'hover');
    expect(opened).toEqual(['a', 'b']);
    expect(closed).toEqual(['a:replaced']);
    expect(controller.current()).toBe('b');
    expect(document.querySelectorAll(host.element.localName)).toHaveLength(1);
    expect(roots[0]!.querySelectorAll('[role="dialog"]')).toHaveLength(1);
  });

  it('opens on keyboard focus, moves into the card with Enter, and Escape closes it and returns focus', () => {
    const { host, controller, closed } = setup();
    a().focus();
    controller.activate('a', a(), 'focus');
    expect(document.activeElement).toBe(a());
    a().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(host.hasFocus()).toBe(true);
    host.card()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(host.isShown()).toBe(false);
    expect(closed).toEqual(['a:escape']);
    expect(document.activeElement).toBe(a());
  });

  it('handing focus back to the reference does not reopen its card', () => {
    const { host, controller, opened } = setup();
    // The annotator reports focus on a reference as an activation, as it does in inline mode.
    a().addEventListener('focus', () => controller.activate('a', a(), 'focus'));
    a().focus();
    expect(opened).toEqual(['a']);
    host.focusCard();
    host.card()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(document.activeElement).toBe(a());
    expect(host.isShown()).toBe(false);
    expect(opened).toEqual(['a']);
  });

  it('the shortcut (keyboard) moves focus into the card; a pointer press elsewhere closes it', () => {
    const { host, controller, closed } = setup();
    controller.activate('a', a(), 'keyboard');
    expect(host.hasFocus()).toBe(true);
    document.getElementById('other')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(host.isShown()).toBe(false);
    expect(closed).toEqual(['a:outside']);
  });

  it('a blur that moves focus elsewhere closes the card', () => {
    const { host, controller } = setup();
    a().focus();
    controller.activate('a', a(), 'focus');
    document.getElementById('other')!.focus();
    controller.deactivate('a', 'blur');
    vi.advanceTimersByTime(1);
    expect(host.isShown()).toBe(false);
  });
});
