/**
 * The document's neighbourhood: a drawn graph (mounted by the caller's `mountGraph`, so this component needs no
 * graph library) and beside it a list with the same nodes and edges, reachable by keyboard and read by screen
 * readers; the drawing itself is hidden from them (the list says the same).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '@/lib/i18n/t';
import type { EdgeKind, MountGraph, NeighbourhoodView } from './types';

export interface NeighbourhoodGraphProps {
  view: NeighbourhoodView;
  t: Translate;
  mountGraph?: MountGraph;
  onOpen: (id: string) => void;
}

const LEGEND: EdgeKind[] = ['co-citation', 'same-code', 'implements', 'guides', 'replaces', 'amends', 'summarises'];

export function NeighbourhoodGraph({ view, t, mountGraph, onOpen }: NeighbourhoodGraphProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current || !mountGraph || view.nodes.length < 2) return;
    const abort = new AbortController();
    mountGraph(box.current, view, onOpen, abort.signal);
    return () => abort.abort();
  }, [view, mountGraph]);
  if (view.nodes.length < 2) return null;
  const self = view.nodes.find((n) => n.self);
  const others = view.nodes.filter((n) => !n.self);
  const kinds = new Set(view.edges.map((e) => e.kind));
  const edgesOf = (id: string) => view.edges.filter((e) => e.source === id || e.target === id);
  const nameOf = (id: string) => view.nodes.find((n) => n.id === id)?.label ?? id;
  const say = (kind: EdgeKind, weight: number, from: string, to: string, at: string) => {
    if (kind === 'co-citation') return t('record_edge_cocitation', String(weight));
    if (kind === 'same-code') return t('record_edge_samecode');
    // Said from the listed node's side: "implements 35-CT/TW" or "implemented by …".
    return from === at ? t(`record_edge_${kind}`, nameOf(to)) : t(`record_edge_${kind}_by`, nameOf(from));
  };
  return (
    <section aria-labelledby="rec-graph" class="graph">
      <h2 id="rec-graph">{t('record_graph')}</h2>
      <div class="graph-body">
        <div class="graph-canvas" ref={box} aria-hidden="true" data-nodes={String(view.nodes.length)} />
        <ul class="graph-list" aria-label={t('record_graphList', self?.label ?? '')}>
          {others.map((n) => (
            <li key={n.id}>
              <a href={n.href} title={n.title}>
                {n.label}
              </a>
              <span class="meta">
                {' '}
                — {edgesOf(n.id).map((e) => say(e.kind, e.weight, e.source, e.target, n.id)).join('; ')}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <ul class="legend" aria-label={t('record_legend')}>
        {LEGEND.filter((k) => kinds.has(k)).map((k) => (
          <li key={k} data-kind={k}>
            <span class="swatch" aria-hidden="true" />
            {t(`record_legend_${k.replace(/-/g, '_')}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
