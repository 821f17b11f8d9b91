/**
 * Every field of the record with where it comes from: the value, the other readings where sources disagree (each
 * with its sources), a field's own source (a status), then the record's sources and its confidence.
 */
import type { Translate } from '@/lib/i18n/t';
import type { RecordView } from './types';

export function RecordFields({ record, t }: { record: RecordView; t: Translate }) {
  return (
    <section aria-labelledby="rec-fields">
      <h2 id="rec-fields">{t('record_fields')}</h2>
      <dl class="fields">
        {record.fields.map((f) => (
          <div class="field" key={f.name} data-field={f.name}>
            <dt>{t(f.label)}</dt>
            <dd>
              <span class="value">{f.value ? (f.valueIsKey ? t(f.value) : f.value) : t('record_notStated')}</span>
              {f.source ? (
                <span class="field-source">
                  {' '}
                  ({t('record_source')}{' '}
                  <a href={f.source.url} target="_blank" rel="noopener noreferrer">
                    {f.source.label}
                  </a>
                  )
                </span>
              ) : null}
              {f.readings.length > 0 ? (
                <ul class="readings" aria-label={t('record_readings')}>
                  {f.readings.map((r, i) => (
                    <li key={i}>
                      {t('record_otherReading')} <strong>{r.value}</strong>
                      {r.sources.length > 0 ? ` — ${t('record_source')} ` : null}
                      {r.sources.map((s, j) => (
                        <>
                          {j > 0 ? ', ' : null}
                          <a key={s.url} href={s.url} target="_blank" rel="noopener noreferrer">
                            {s.label}
                          </a>
                        </>
                      ))}
                    </li>
                  ))}
                </ul>
              ) : null}
            </dd>
          </div>
        ))}
        {record.aliases.length > 0 ? (
          <div class="field" data-field="aliases">
            <dt>{t('record_aliases')}</dt>
            <dd>{record.aliases.join('; ')}</dd>
          </div>
        ) : null}
      </dl>
      <p class="provenance">
        <span class={`badge ${record.confidence}`}>{t(`confidence_${record.confidence.replace(/-/g, '_')}`)}</span>{' '}
        <span class="label">{t('record_sources')}</span>{' '}
        {record.sources.map((s, i) => (
          <>
            {i > 0 ? ' · ' : null}
            <a key={s.url} href={s.url} target="_blank" rel="noopener noreferrer">
              {s.label}
            </a>
          </>
        ))}
        {record.sourceNotes.map((key) => t(key)).join('; ')}
      </p>
      {record.knownFromNews ? <p class="note">{t('cardKnownFromNews')}</p> : null}
      {record.lead ? <p class="note">{t('record_lead')}</p> : null}
    </section>
  );
}
