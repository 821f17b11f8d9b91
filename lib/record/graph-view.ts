/**
 * Draws the neighbourhood graph with cytoscape, loaded only here (a dynamic import: the record page's first paint
 * does not wait for it, and no other page loads it). Documents are nodes; edge width is the co-citation weight;
 * edge style is the relation kind (legend in components/record/NeighbourhoodGraph); clicking a node opens its
 * record. Colours follow the page's light or dark palette (CSS variables on the container).
 */
import type { MountGraph } from '@/components/record/types';
import { circleLayout, edgeWidth } from './neighbourhood';

export const mountGraph: MountGraph = (container, view, open, signal) => {
  void (async () => {
    const { default: cytoscape } = await import('cytoscape');
    if (signal.aborted) return;
    const css = getComputedStyle(container);
    const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const fg = color('--fg', '#1d232b');
    const muted = color('--muted', '#59636e');
    const accent = color('--accent', '#0b5cad');
    const bg = color('--bg', '#ffffff');
    const warn = color('--warn', '#8a4b00');
    const { width, height } = container.getBoundingClientRect();
    const at = circleLayout(view, width, height);
    const strongest = Math.max(1, ...view.edges.filter((e) => e.kind === 'co-citation').map((e) => e.weight));
    const cy = cytoscape({
      container,
      elements: [
        ...view.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.label, self: n.self ? 1 : 0 }, position: { x: at.get(n.id)!.x, y: at.get(n.id)!.y } })),
        ...view.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target, kind: e.kind, width: e.kind === 'co-citation' ? edgeWidth(e.weight, strongest) : 2 } })),
      ],
      layout: { name: 'preset' },
      // Fixed scale, the document at the centre: positions are what circleLayout says.
      zoom: 1,
      pan: { x: width / 2, y: height / 2 },
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: [
        { selector: 'node', style: { 'background-color': muted, label: 'data(label)', color: fg, 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, width: 16, height: 16, 'text-background-color': bg, 'text-background-opacity': 0.85, 'text-background-padding': '1px' } },
        { selector: 'node[self = 1]', style: { 'background-color': accent, width: 26, height: 26, 'font-weight': 'bold' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': muted, 'curve-style': 'bezier', opacity: 0.8 } },
        { selector: 'edge[kind = "co-citation"]', style: { 'line-style': 'solid' } },
        { selector: 'edge[kind = "same-code"]', style: { 'line-style': 'dotted', 'line-color': muted } },
        { selector: 'edge[kind = "implements"]', style: { 'line-color': accent, 'target-arrow-color': accent, 'target-arrow-shape': 'triangle' } },
        { selector: 'edge[kind = "guides"]', style: { 'line-color': accent, 'line-style': 'dashed', 'target-arrow-color': accent, 'target-arrow-shape': 'triangle' } },
        { selector: 'edge[kind = "replaces"]', style: { 'line-color': warn, 'target-arrow-color': warn, 'target-arrow-shape': 'tee' } },
        { selector: 'edge[kind = "amends"]', style: { 'line-color': warn, 'line-style': 'dashed', 'target-arrow-color': warn, 'target-arrow-shape': 'diamond' } },
        { selector: 'edge[kind = "summarises"]', style: { 'line-color': accent, 'line-style': 'dotted', 'target-arrow-color': accent, 'target-arrow-shape': 'circle' } },
      ],
    });
    cy.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      if (!event.target.data('self')) open(id);
    });
    cy.on('mouseover', 'node', () => (container.style.cursor = 'pointer'));
    cy.on('mouseout', 'node', () => (container.style.cursor = ''));
    container.dataset.ready = 'true';
    signal.addEventListener('abort', () => cy.destroy(), { once: true });
  })().catch((error: unknown) => {
    // The list beside the graph holds the same data: a graph that cannot draw loses nothing.
    console.warn('[vanban-lens] the graph could not be drawn', error);
    container.dataset.ready = 'failed';
  });
};
