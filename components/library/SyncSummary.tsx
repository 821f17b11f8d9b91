/** Counts and sync status at the top of the library: how many saved, and plainly whether they follow the researcher. */
import type { Translate } from '@/lib/i18n/t';
import type { LibrarySyncSummary, NotSyncedWhy } from './types';

const WHYS: NotSyncedWhy[] = ['quota', 'rate', 'error', 'pending'];

export function SyncSummary({ t, total, shown, sync }: { t: Translate; total: number; shown: number; sync?: LibrarySyncSummary }) {
  return (
    <section class="summary" aria-label={t('library_summary')}>
      <p class="counts">{shown === total ? t('library_count', String(total)) : t('library_countFiltered', [String(shown), String(total)])}</p>
      {sync ? (
        sync.sync === 'off' ? (
          <p class="sync off" data-sync="off">
            {t('library_syncOff')}
            {sync.offReason ? <span class="detail"> ({sync.offReason})</span> : null}
          </p>
        ) : (
          <p class="sync on" data-sync="on">
            {t('library_syncOn', String(Math.round(sync.bytes / 1024)))}
            {WHYS.filter((w) => sync.notSynced[w]).map((w) => (
              <span key={w} class={`why ${w}`} data-why={w}>
                {' '}
                {t(`library_notSynced_${w}`, String(sync.notSynced[w]))}
              </span>
            ))}
            {sync.error ? <span class="detail"> {t('library_syncError', sync.error)}</span> : null}
          </p>
        )
      ) : null}
    </section>
  );
}
