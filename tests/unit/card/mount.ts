/** Renders a Preact node into a fresh element on the (happy-dom) page; the tests empty document.body after each. */
import { render } from 'preact';

export function mount(node: preact.ComponentChild): HTMLDivElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}
