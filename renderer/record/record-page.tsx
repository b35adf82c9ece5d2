import { useEffect, useState } from 'react';
import type { Problem } from '../../shared/contract';
import { RECORD_STATE_ATTRIBUTE } from '../../shared/domain/handoff-record';
import type { HandoffRecord } from '../../shared/domain/handoff-record';
import { ProblemBox } from '../components/problem-box';
import { useTranslation } from '../i18n';
import { RecordDocument } from './record-document';

/** Reads the record from main once, shows it, and tells the printer (main, or the test) it may print. */
export function RecordPage({ handoffId }: { handoffId: string }) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<HandoffRecord>();
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => {
    void window.api['handoff.record']({ handoffId }).then(
      (res) => (res.ok ? setRecord(res.value) : setProblem(res.problem)),
      (err: unknown) => setProblem({ code: 'internal', message: t('problem.unreachable'), retryable: true, detail: String(err) }),
    );
  }, [handoffId, t]);
  useEffect(() => {
    if (record) {
      document.title = t('records.documentTitle', { name: record.summary.registrationName ?? record.summary.cloudId });
      document.documentElement.setAttribute(RECORD_STATE_ATTRIBUTE, 'ready');
    } else if (problem) document.documentElement.setAttribute(RECORD_STATE_ATTRIBUTE, 'failed');
  }, [record, problem, t]);
  return (
    <main>
      {problem ? <ProblemBox problem={problem} /> : record ? <RecordDocument record={record} /> : <p className="hint">{t('records.loading')}</p>}
    </main>
  );
}
