/** A list of links to other documents' records, each with what tells it apart and, where given, why it is listed. */
import type { ComponentChildren } from 'preact';
import type { DocumentLink } from './types';

export function DocumentLinks<L extends DocumentLink>({ items, note, label }: { items: L[]; note?: (item: L) => ComponentChildren; label: string }) {
  return (
    <ul class="doc-links" aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          <a href={item.href}>{item.heading}</a>
          {item.summary ? <span class="meta"> · {item.summary}</span> : null}
          {note ? <span class="why"> — {note(item)}</span> : null}
          {item.title ? <div class="doc-title">{item.title}</div> : null}
        </li>
      ))}
    </ul>
  );
}
