/** What --resolve adds to a JSON line: the resolution status and the candidate documents, best first. */
import type { Resolution } from '../../lib/resolver/resolve';
import { reasonText, ruleOutText } from '../../lib/resolver/reason-text';

export function candidateRecords(res: Resolution) {
  return {
    status: res.status,
    ...(res.answer ? { answer: res.answer } : {}),
    candidates: res.candidates.map((c) => ({
      id: c.id,
      code: c.code,
      ...(c.date ? { date: c.date } : {}),
      ...(c.issuer ? { issuer: c.issuer } : {}),
      ...(c.term ? { term: c.term } : {}),
      score: c.score,
      reason: c.reasons.map(reasonText).join('; '),
    })),
    ...(res.place ? { place: res.place } : {}),
    ...(res.ruledOut?.length ? { ruledOut: res.ruledOut.map((r) => ({ id: r.id, because: r.because.map(ruleOutText).join('; ') })) } : {}),
  };
}
