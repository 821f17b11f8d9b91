/**
 * The card: what a cited document is, who issued it and when, and what is related. Props in, callbacks out;
 * every string from pages or the dataset is rendered as text (JSX children), never as HTML.
 */
import type { ComponentChildren } from 'preact';
import type { CardModel, Fact, RecordTarget } from './types';
import type { Translate } from '@/lib/i18n/t';

export interface CardProps {
  model: CardModel;
  t: Translate;
  /** Shown after a copy: 'copied', or 'failed' when the clipboard refused. */
  copyState?: 'copied' | 'failed';
  onSelectCandidate?: (index: number) => void;
  onCopy?: (text: string) => void;
  onClose?: () => void;
  /** Tries the bundled data again (shown when it can't be read). */
  onRetry?: () => void;
  /**
   * The address of a record page (the card shows record links only when given, with onOpenRecord). A page cannot
   * open the extension's pages itself, so a click asks onOpenRecord (the background opens a tab).
   */
  recordLink?: (target: RecordTarget) => string;
  onOpenRecord?: (target: RecordTarget, background: boolean) => void;
}

export function Card({ model, t, copyState, onSelectCandidate, onCopy, onClose, onRetry, recordLink, onOpenRecord }: CardProps) {
  const several = model.candidates.length > 1;
  const chosen = model.candidates[model.selected];
  /** A link to a record page: opens through onOpenRecord (a new tab; Ctrl/⌘ or the middle button: in the background). */
  const toRecord = (target: RecordTarget, children: ComponentChildren, props: { class?: string } = {}) =>
    recordLink && onOpenRecord ? (
      <a
        {...props}
        href={recordLink(target)}
        onClick={(e) => {
          e.preventDefault();
          onOpenRecord(target, e.ctrlKey || e.metaKey);
        }}
        onAuxClick={(e) => {
          if (e.button !== 1) return;
          e.preventDefault();
          onOpenRecord(target, true);
        }}
      >
        {children}
      </a>
    ) : (
      children
    );
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby="vbl-heading" tabIndex={-1} data-state={model.state}>
      <header class="head">
        <h2 id="vbl-heading">{model.heading}</h2>
        <button type="button" class="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={() => onClose?.()}>
          ×
        </button>
      </header>
      {model.raw && model.raw !== model.heading && !model.heading.endsWith(model.raw) ? (
        <p class="raw">
          {t('cardAsWritten')} <q>{model.raw}</q>
        </p>
      ) : null}

      {model.answer ? (
        <p class="answer" data-answer={model.answer}>
          {t(`answer_${model.answer.replace(/-/g, '_')}`)}
        </p>
      ) : null}
      {model.state === 'loading' ? <p class="note">{t('cardLoading')}</p> : null}
      {model.state === 'error' && model.unreadable ? (
        <div class="unreadable" role="alert">
          <p class="warn">
            <strong>{t('integrity_card_title')}</strong>
          </p>
          <p class="note">{t('integrity_card_what', t(model.unreadable.what))}</p>
          <button type="button" class="retry" disabled={model.unreadable.retrying} onClick={() => onRetry?.()}>
            {t(model.unreadable.retrying ? 'integrity_retrying' : 'integrity_retry')}
          </button>
        </div>
      ) : model.state === 'error' ? (
        <p class="note warn" role="alert">
          {t(model.error ?? 'cardErrorGeneric')}
        </p>
      ) : null}

      {several ? (
        <section class="choices" aria-label={t('cardCandidates')}>
          <p class="note">
            {t(`${model.state === 'resolved' ? 'cardSeveralResolved' : 'cardSeveral'}_${model.several ?? 'other'}`, String(model.candidates.length))}
          </p>
          <div class="choice-list" role="group">
            {model.candidates.map((c, i) => (
              <button
                type="button"
                class="choice"
                key={c.id}
                aria-pressed={i === model.selected ? 'true' : 'false'}
                onClick={() => onSelectCandidate?.(i)}
              >
                {c.summary}
              </button>
            ))}
          </div>
        </section>
      ) : null}
      {chosen && chosen.reasons.length > 0 ? (
        <p class="why">
          <span class="label">{t(several ? 'cardWhyThisOne' : 'cardWhy')}</span>{' '}
          {chosen.reasons.map((r) => translated(t, r.key, r.text, r.subs)).join('; ')}
        </p>
      ) : null}

      {model.title ? <p class="title">{model.title}</p> : null}
      {model.officialText ? (
        <p class="full-text">
          <a href={model.officialText.url} target="_blank" rel="noopener noreferrer">
            {t('cardFullText')}
          </a>{' '}
          <span class="source-note">({model.officialText.label})</span>
        </p>
      ) : null}
      <Facts facts={model.facts} t={t} />
      {model.readings.length > 0 ? (
        <p class="note">
          {t('cardOtherReadings')} {model.readings.map((r) => `${t(r.label)}: ${r.value}`).join('; ')}
        </p>
      ) : null}
      {model.record && recordLink && onOpenRecord ? (
        <p class="record-link">
          {toRecord(model.record, 'id' in model.record ? t('record_fullRecord') : t('record_allOfCode', model.record.code), { class: 'full-record' })}
        </p>
      ) : null}

      {model.state === 'unresolved' || (model.state === 'needs-place' && !chosen) ? (
        <p class="note">{t(model.state === 'needs-place' ? 'cardNeedsPlace' : 'cardNotInDataset')}</p>
      ) : null}
      {model.ruledOut.length > 0 ? (
        <section class="ruled-out" aria-label={t('cardRuledOut')}>
          <p class="label">{t('cardRuledOut')}</p>
          <ul>
            {model.ruledOut.map((r, i) => (
              <li key={i}>
                {r.summary}: {r.because.map((b) => translated(t, b.key, b.text, b.subs)).join('; ')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {model.fromCode.length > 0 ? (
        <section>
          <h3>{t('cardFromCode')}</h3>
          <Facts facts={model.fromCode} t={t} />
        </section>
      ) : null}
      {model.fromPage.length > 0 ? (
        <section class="from-page">
          <h3>{t('cardFromPage')}</h3>
          <Facts facts={model.fromPage} t={t} />
        </section>
      ) : null}

      {model.sources.length > 0 || model.sourceNotes.length > 0 || model.confidence ? (
        <p class="sources">
          {model.confidence ? <span class={`badge ${model.confidence}`}>{t(`confidence_${model.confidence.replace(/-/g, '_')}`)}</span> : null}
          {model.sources.length > 0 || model.sourceNotes.length > 0 ? <span class="label">{t('cardSources')}</span> : null}
          {model.sources.map((s) => (
            <a key={s.url} href={s.url} target="_blank" rel="noopener noreferrer">
              {s.label}
            </a>
          ))}
          {model.sourceNotes.length > 0 ? <span class="source-note">{model.sourceNotes.map((key) => t(key)).join('; ')}</span> : null}
        </p>
      ) : null}
      {model.knownFromNews ? <p class="note">{t('cardKnownFromNews')}</p> : null}

      {model.articles.length > 0 ? (
        <section>
          <h3>{t('cardArticles')}</h3>
          <ul class="list">
            {model.articles.map((a, i) => (
              <li key={i}>
                {a.url ? (
                  <a href={a.url} target="_blank" rel="noopener noreferrer">
                    {a.title}
                  </a>
                ) : (
                  <span>{a.title}</span>
                )}
                <span class="meta">{[a.outlet, a.date].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
          {model.articlesTotal > model.articles.length ? (
            <p class="note">{t('cardMoreArticles', String(model.articlesTotal - model.articles.length))}</p>
          ) : null}
        </section>
      ) : null}

      {model.related.length > 0 ? (
        <section>
          <h3>{t('cardRelated')}</h3>
          <ul class="list">
            {model.related.map((r) => (
              <li key={r.id}>
                <span class="rel" title={r.title ? `${r.heading} ${r.title}` : r.heading}>
                  <span class="rel-head">{toRecord({ id: r.id }, r.heading)}</span>
                  {r.title ? <span class="rel-title"> {r.title}</span> : null}
                </span>
                <span class="meta">{r.count !== undefined && r.why === 'cardCoCited' ? t(r.why, String(r.count)) : translated(t, r.why, t('cardRelation_related'))}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {model.citation ? (
        <footer class="actions">
          <button type="button" class="copy" onClick={() => onCopy?.(model.citation!)}>
            {t(model.citationFromPage ? 'cardCopyFromPage' : 'cardCopy')}
          </button>
          <span class="status" role="status" aria-live="polite">
            {copyState === 'copied' ? t('cardCopied') : copyState === 'failed' ? t('cardCopyFailed') : ''}
          </span>
          <p class="citation">{model.citation}</p>
        </footer>
      ) : null}
    </div>
  );
}

function Facts({ facts, t }: { facts: Fact[]; t: Translate }) {
  if (facts.length === 0) return null;
  return (
    <dl class="facts">
      {facts.map((f) => (
        <div class="fact" key={f.label}>
          <dt>{t(f.label)}</dt>
          <dd>{f.valueIsKey ? t(f.value) : f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A message, or a fallback when the key is unknown (relation kinds the dataset may add later). */
function translated(t: Translate, key: string, fallback: string, subs?: string[]): string {
  const text = t(key, subs);
  return text && text !== key ? text : fallback;
}
