/**
 * The annotator: finds document codes in a page's text and marks them, reversibly. Page text in, marked
 * references out; it knows nothing of the dataset. One annotator per document (all_frames gives one per frame).
 *
 * Passes: the first reads the whole page, visible text first; later ones read only the blocks the page added or
 * changed. Every pass is time-sliced and idempotent (a reference already marked stays as it is, with its id).
 *
 * This file wires the parts: the marks (mark-set.ts), the passes (pass-queue.ts, marking-pass.ts), the reader's
 * ways to a reference (interaction.ts), mode switches (mode-switch.ts) and the lifetime (lifetime.ts).
 */
import type { Annotator, AnnotatorOptions, MarkMode } from './types';
import { guardCallbacks } from './callbacks';
import { INLINE_CSS, addPageStyles } from './page-styles';
import { watchMutations } from './mutation-watch';
import { MarkSet } from './mark-set';
import { PassQueue } from './pass-queue';
import { markingPass } from './marking-pass';
import { InlinePacing } from './inline-pacing';
import { watchInteraction, type Interaction } from './interaction';
import { availableMode, switchMode } from './mode-switch';
import { Lifetime } from './lifetime';
import { ShadowStyles } from './shadow-styles';
import { HiddenText } from './hidden-text';
import { afterLoadIdle } from './after-load';

export type { ActivationCause, Annotator, AnnotatorOptions, MarkMode, MarkedReference } from './types';

export function annotate(options: AnnotatorOptions): Annotator {
  const doc = options.root;
  const win = doc.defaultView!;
  const { isOwnUi } = options;
  const life = new Lifetime();
  const { signal } = life;
  const callbacks = guardCallbacks(options);
  const mode = availableMode(options.mode, win);

  // Passes: the first over the whole document, then the blocks the page changes (never the annotator's own changes).
  const pacing = new InlinePacing();
  const hidden = new HiddenText(win);
  const passes: PassQueue = new PassQueue(doc, signal, (work) =>
    markingPass(work, {
      doc,
      signal,
      isOwnUi,
      detect: (text) => options.detect(text),
      marks,
      pacing,
      callbacks,
      readAgain: (roots) => passes.enqueue({ roots, removed: false }, false),
      onShadowRoot,
      hidden,
    }),
  );
  const watch = watchMutations({
    doc,
    signal,
    isOwnUi,
    revealed: (restyled) => hidden.revealed(restyled),
    onBatch: (b) => passes.enqueue(b, false),
  });
  const own = <T>(fn: () => T): T => watch.own(fn);
  /** The inline look, added once the page has loaded (nothing restyles the page before). */
  let removeStyles = () => {};

  // The page's open shadow roots, as the passes find them: watched for changes, styled for marks, hit-tested.
  const shadowRoots = new Set<ShadowRoot>();
  const shadowStyles = new ShadowStyles(doc, (fn) => own(fn));
  function onShadowRoot(root: ShadowRoot): void {
    if (shadowRoots.has(root) || signal.aborted) return;
    shadowRoots.add(root);
    watch.observeShadow(root);
    shadowStyles.add(root);
  }

  // Marks, and the reader's ways to them (a mark removed ends its activation).
  const marks: MarkSet = new MarkSet(doc, own, mode, (m) => interaction.drop(m));
  marks.shadowRoots = () => [...shadowRoots].filter((r) => r.host.isConnected);
  const interaction: Interaction = watchInteraction({ marks, signal, dwellMs: options.dwellMs ?? 300, callbacks });

  function setMode(wanted: MarkMode): void {
    if (life.ended) return;
    const next = availableMode(wanted, win);
    if (next === marks.mode) return;
    interaction.release();
    const lost = switchMode(marks, next);
    if (lost.length) callbacks.removed(lost);
  }

  /** Restores the page exactly and stops everything (once: on destroy() or when the caller's signal aborts). */
  function destroy(): void {
    const active = interaction.active;
    life.abort();
    if (active) callbacks.deactivate(active.mark, active.cause);
    marks.eraseAll();
    removeStyles();
    shadowStyles.destroy();
    passes.clear();
  }

  const annotator: Annotator = {
    references: marks.byId,
    get mode() {
      return marks.mode;
    },
    setMode,
    move: (direction) => (life.ended || !marks.size ? undefined : interaction.move(direction)),
    reveal: (id) => {
      const m = life.ended ? undefined : marks.byId.get(id);
      return m ? interaction.reveal(m) : undefined;
    },
    idle: () => passes.idle(),
    destroy: life.end,
  };
  if (life.follow(options.signal, destroy)) {
    // Nothing is read (no style or layout asked for) before the page has loaded and gone idle; what the page
    // changes meanwhile is merged into the first pass.
    passes.hold();
    void afterLoadIdle(win, signal).then(() => {
      if (signal.aborted) return;
      removeStyles = addPageStyles(doc, INLINE_CSS, (fn) => own(fn));
      passes.release();
    });
  } else {
    // Aborted before it began: nothing is marked yet, and no pass starts.
    life.abort();
    marks.layer?.destroy();
    removeStyles();
  }
  return annotator;
}
