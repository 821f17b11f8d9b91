/**
 * The record page: one document's full record (fields with sources and readings, status, aliases, the same code in
 * other terms, relations, co-cited documents, the neighbourhood graph, every citing article, a citation to copy
 * and a place for the save button), or the list of documents sharing a code, or why there is nothing to show.
 * Props in, callbacks out; every string from the dataset is rendered as text.
 */
import type { ComponentChildren } from 'preact';
import type { Translate } from '@/lib/i18n/t';
import { CitingArticles } from './CitingArticles';
import { DocumentLinks } from './DocumentLinks';
import { NeighbourhoodGraph } from './NeighbourhoodGraph';
import { RecordFields } from './RecordFields';
import type { CitingView, CodeListView, MountGraph, NeighbourhoodView, RecordView } from './types';

export type RecordPageState =
  | { kind: 'loading' }
  /** `message` is a message key. */
  | { kind: 'error'; message: string }
  | { kind: 'none'; searchHref: string }
  | { kind: 'not-found'; id: string; searchHref: string }
  | { kind: 'code'; list: CodeListView }
  | { kind: 'record'; record: RecordView; graph: NeighbourhoodView; citing: CitingView };

export interface RecordPageProps {
  state: RecordPageState;
  t: Translate;
  copyState?: 'copied' | 'failed';
  onCopy?: (text: string) => void;
  onFilter?: (filter: { outlet?: string; year?: string }) => void;
  onPage?: (page: number) => void;
  /** Opens another record (a graph node's click; links are plain links). */
  onOpen?: (id: string) => void;
  mountGraph?: MountGraph;
  /** The save button of the saved-references work, beside the citation (nothing until it is given). */
  renderSave?: (record: RecordView) => ComponentChildren;
}

export function RecordPage(props: RecordPageProps) {
  const { state, t } = props;
  return (
    <div class="record-page">
      <header class="top">
        <span class="brand">vanban-lens</span>
        <a href="search.html" class="search-link">
          {t('record_searchLink')}
        </a>
      </header>
      <main id="main">{body(props)}</main>
    </div>
  );
}

function body({ state, t, copyState, onCopy, onFilter, onPage, onOpen, mountGraph, renderSave }: RecordPageProps) {
  switch (state.kind) {
    case 'loading':
      return (
        <p class="note" role="status">
          {t('record_loading')}
        </p>
      );
    case 'error':
      return (
        <>
          <h1>{t('record_title')}</h1>
          <p class="note warn" role="alert">
            {t(state.message)}
          </p>
        </>
      );
    case 'none':
      return (
        <>
          <h1>{t('record_title')}</h1>
          <p>{t('record_noAddress')}</p>
          <p>
            <a href={state.searchHref}>{t('record_searchLink')}</a>
          </p>
        </>
      );
    case 'not-found':
      return (
        <>
          <h1>{t('record_notFoundTitle')}</h1>
          <p>{t('record_notFound', state.id)}</p>
          <p>
            <a href={state.searchHref}>{t('record_searchFor', state.id.replace(/[@~].*$/, ''))}</a>
          </p>
        </>
      );
    case 'code': {
      const { list } = state;
      return (
        <>
          <h1>{t('record_codeTitle', list.code)}</h1>
          {list.documents.length === 0 ? (
            <>
              <p class="note">{t('record_codeUnknown', list.code)}</p>
              <p>
                <a href={list.searchHref}>{t('record_searchFor', list.code)}</a>
              </p>
            </>
          ) : (
            <>
              <p>{list.documents.length > 1 ? t('record_codeMany', [String(list.documents.length), list.code]) : t('record_codeOne', list.code)}</p>
              <DocumentLinks items={list.documents} label={t('record_codeTitle', list.code)} />
            </>
          )}
        </>
      );
    }
    case 'record': {
      const { record, graph, citing } = state;
      return (
        <article class="record" data-id={record.id}>
          <h1>{record.heading}</h1>
          {record.title ? <p class="title">{record.title}</p> : null}
          <RecordFields record={record} t={t} />

          <section aria-labelledby="rec-cite" class="cite">
            <h2 id="rec-cite">{t('record_citation')}</h2>
            <p class="citation">{record.citation}</p>
            <div class="actions">
              <button type="button" onClick={() => onCopy?.(record.citation)}>
                {t('cardCopy')}
              </button>
              {renderSave ? <span class="save-slot">{renderSave(record)}</span> : null}
              <span role="status" aria-live="polite" class="copy-status">
                {copyState === 'copied' ? t('cardCopied') : copyState === 'failed' ? t('cardCopyFailed') : ''}
              </span>
            </div>
          </section>

          {record.sameCode.length > 0 ? (
            <section aria-labelledby="rec-same">
              <h2 id="rec-same">{t('record_sameCode', record.code)}</h2>
              <DocumentLinks items={record.sameCode} label={t('record_sameCode', record.code)} />
            </section>
          ) : null}
          <NeighbourhoodGraph view={graph} t={t} mountGraph={mountGraph} onOpen={(id) => onOpen?.(id)} />
          <section aria-labelledby="rec-rel">
            <h2 id="rec-rel">{t('record_relations')}</h2>
            {record.relations.length === 0 ? (
              <p class="note">{t('record_relationsNone')}</p>
            ) : (
              <DocumentLinks items={record.relations} label={t('record_relations')} note={(r) => t(r.kindKey)} />
            )}
          </section>
          <section aria-labelledby="rec-cocited">
            <h2 id="rec-cocited">{t('record_coCited')}</h2>
            {record.coCited.length === 0 ? (
              <p class="note">{t('record_coCitedNone')}</p>
            ) : (
              <DocumentLinks items={record.coCited} label={t('record_coCited')} note={(r) => t('cardCoCited', String(r.count))} />
            )}
          </section>
          <CitingArticles view={citing} t={t} onFilter={(f) => onFilter?.(f)} onPage={(p) => onPage?.(p)} />
        </article>
      );
    }
  }
}
