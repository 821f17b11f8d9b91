/**
 * Tests' way into the card. The card lives in a CLOSED shadow root on an element with a random name: no page
 * script can reach it, and neither can a test's page.evaluate. Tests go through the browser's debugging protocol
 * instead, which sees closed roots: the Chrome DevTools Protocol in Chromium (DOM.getDocument with pierce, then
 * Runtime.callFunctionOn on the root) and WebDriver BiDi in Firefox (script.evaluate serializing shadow trees with
 * includeShadowTree: 'all', then script.callFunction on the root). Nothing in the extension's build helps: the
 * shipped build is the one tested.
 *
 *   const text = await evaluateInCard(page, (root, arg) => root?.querySelector('h2')?.textContent, arg);
 *
 * `fn(root, arg)` runs in the page's main world with the card's shadow root (null when there is no card host on
 * the page); `arg` and the result must be JSON-serializable. The card host is the element directly under <html>
 * with a closed shadow root (the last one, when there are several; an open one only where there is no closed one,
 * so that a test can show what a page could do to an older build's open card).
 */

const cdpSessions = new WeakMap();

/** Chromium (playwright-core Page). */
export async function evaluateInCard(page, fn, arg) {
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    cdpSessions.set(page, cdp);
  }
  const { root } = await cdp.send('DOM.getDocument', { depth: 2, pierce: true });
  const html = (root.children ?? []).find((n) => n.nodeType === 1);
  const all = (html?.children ?? []).flatMap((n) => n.shadowRoots ?? []);
  const closed = all.filter((s) => s.shadowRootType === 'closed');
  const shadow = (closed.length ? closed : all).at(-1);
  const call = `async function (arg) { return await (${fn.toString()})(this instanceof ShadowRoot ? this : null, arg); }`;
  let objectId;
  if (shadow) {
    ({ object: { objectId } } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId }));
  } else {
    ({ result: { objectId } } = await cdp.send('Runtime.evaluate', { expression: 'globalThis' }));
  }
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: call,
    arguments: [{ value: arg ?? null }],
    returnByValue: true,
    awaitPromise: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId }).catch(() => {});
  if (exceptionDetails) throw new Error(`in the card: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

/** Firefox (puppeteer-core Page over WebDriver BiDi). */
export async function evaluateInCardFirefox(page, fn, arg) {
  const connection = page.browser().connection;
  const context = page.mainFrame()._id;
  const target = { context };
  const found = await connection.send('script.evaluate', {
    expression: 'document.documentElement',
    target,
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const children = found.result.result?.value?.children ?? [];
  const all = children.map((c) => c.value?.shadowRoot).filter(Boolean);
  const closed = all.filter((s) => s.value?.mode === 'closed');
  const shadow = (closed.length ? closed : all).at(-1);
  // Argument and result cross as JSON text (BiDi's own serialization of objects is verbose).
  const call = `async function (root, json) { const r = await (${fn.toString()})(root, JSON.parse(json)); return JSON.stringify({ v: r }); }`;
  const response = await connection.send('script.callFunction', {
    functionDeclaration: call,
    target,
    awaitPromise: true,
    arguments: [shadow ? { sharedId: shadow.sharedId } : { type: 'null' }, toBidi(arg)],
    resultOwnership: 'none',
    serializationOptions: { maxObjectDepth: 10 },
  });
  const out = response.result;
  if (out.type === 'exception') throw new Error(`in the card: ${out.exceptionDetails?.text}`);
  return fromBidi(out.result);
}

function toBidi(value) {
  return { type: 'string', value: JSON.stringify(value ?? null) };
}

/** The function returns JSON, so a plain string comes back (see the wrapper in evaluateInCardFirefox). */
function fromBidi(remote) {
  return remote?.type === 'string' ? JSON.parse(remote.value).v : undefined;
}
