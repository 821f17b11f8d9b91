/**
 * The card's stylesheet, used inside its shadow root only. `:host` resets everything the page could pass down
 * (inherited fonts and colours, `all: unset` rules) with !important, which beats page rules on the host
 * element; nothing here can match page elements.
 */
export const cardStyle = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  pointer-events: none !important;
  contain: none !important;
}
:host([hidden]) { display: none !important; }
.card {
  --bg: #ffffff; --fg: #1d232b; --muted: #59636e; --line: #d5dbe1; --accent: #0b5cad; --accent-bg: #e8f1fb;
  --warn: #8a4b00; --chip: #f2f4f7;
  pointer-events: auto;
  position: fixed;
  top: 0; left: 0;
  box-sizing: border-box;
  width: max-content;
  max-width: min(420px, calc(100vw - 16px));
  max-height: calc(100vh - 16px);
  overflow: auto;
  overscroll-behavior: contain;
  margin: 0;
  padding: 12px 14px;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--line);
  border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  text-align: left;
  direction: ltr;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  white-space: normal;
  overflow-wrap: anywhere;
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :not(.theme-light) > .card {
    --bg: #1e2329; --fg: #e7ebef; --muted: #a6b0ba; --line: #3a434d; --accent: #8cc3ff; --accent-bg: #22364b;
    --warn: #f0b36a; --chip: #2a3139;
    color-scheme: dark;
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5);
  }
}
/* The theme chosen in the options (set on the card's mount inside the closed shadow root). */
.theme-dark > .card {
  --bg: #1e2329; --fg: #e7ebef; --muted: #a6b0ba; --line: #3a434d; --accent: #8cc3ff; --accent-bg: #22364b;
  --warn: #f0b36a; --chip: #2a3139;
  color-scheme: dark;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5);
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
* { box-sizing: border-box; }
.head { display: flex; align-items: flex-start; gap: 8px; margin: 0 0 4px; }
h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 650; line-height: 1.3; color: var(--fg); }
h3 { margin: 10px 0 4px; font-size: 12px; font-weight: 650; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
p { margin: 4px 0; }
.close {
  flex: none; width: 28px; height: 28px; margin: -4px -6px 0 0; padding: 0; border: 0; border-radius: 6px;
  background: transparent; color: var(--muted); font: 20px/28px system-ui, sans-serif; cursor: pointer;
}
.close:hover { background: var(--chip); color: var(--fg); }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.raw, .note, .meta, .why { color: var(--muted); font-size: 13px; }
.warn { color: var(--warn); }
.answer { display: inline-block; margin: 4px 0 2px; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; border: 1px solid var(--line); background: var(--chip); color: var(--fg); }
.answer[data-answer="confirmed"] { border-color: var(--accent); background: var(--accent-bg); }
.answer[data-answer="best-fit"] { border-style: dashed; }
.answer[data-answer="several"], .answer[data-answer="not-in-dataset"], .answer[data-answer="needs-place"] { color: var(--warn); border-color: currentColor; background: transparent; }
.ruled-out { font-size: 12px; color: var(--muted); }
.ruled-out ul { margin: 2px 0 0; padding-left: 18px; }
.label { font-weight: 600; color: var(--muted); }
.title { font-weight: 500; margin: 6px 0; }
.full-text { margin: 4px 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0; }
.fact { display: contents; }
dt { color: var(--muted); margin: 0; }
dd { margin: 0; }
.choices { margin: 6px 0; }
.choice-list { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0; }
.choice {
  font: inherit; font-size: 13px; padding: 3px 8px; border-radius: 999px; cursor: pointer;
  border: 1px solid var(--line); background: var(--chip); color: var(--fg);
}
.choice[aria-pressed="true"] { border-color: var(--accent); background: var(--accent-bg); color: var(--fg); font-weight: 600; }
.from-page { border-left: 3px solid var(--line); padding-left: 8px; }
.sources { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; font-size: 13px; margin: 8px 0 4px; }
.badge { padding: 1px 6px; border-radius: 4px; font-size: 12px; background: var(--chip); color: var(--fg); }
.badge.official { background: var(--accent-bg); }
a { color: var(--accent); text-decoration: underline; text-underline-offset: 2px; }
.list { list-style: none; margin: 0; padding: 0; }
.list li { margin: 0 0 6px; }
.list .meta { display: block; }
.rel-head { font-weight: 600; }
.record-link { margin: 6px 0; }
.record-link a { font-weight: 600; }
.rel { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3; overflow: hidden; }
.retry {
  margin: 4px 0; padding: 4px 12px; border: 1px solid var(--accent); border-radius: 6px; background: transparent;
  color: var(--fg); font: inherit; font-size: 13px; cursor: pointer;
}
.retry:hover { background: var(--accent-bg); }
.retry:disabled { opacity: 0.6; cursor: default; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--line); }
.copy {
  font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--accent); background: var(--accent-bg); color: var(--fg);
}
.status { font-size: 13px; color: var(--muted); }
.citation { flex-basis: 100%; margin: 2px 0 0; font-size: 12px; color: var(--muted); }
`;
