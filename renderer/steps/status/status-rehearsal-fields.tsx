import { PRACTICE_STATUS_REHEARSALS } from '../../../shared/contract/choices';
import type { PracticeScenario } from '../../../shared/contract';
import { describedBy, Field } from '../../components/field';
import { useTranslation } from '../../i18n';

type Draft = Pick<PracticeScenario, 'statusRehearsal' | 'stampArmCertificateUntrusted'>;

/** Practice scenarios for the status screen: the registration's story, and the admin Resource Manager's certificate. */
export function StatusRehearsalFields({ draft, change }: { draft: Draft; change(patch: Partial<Draft>): void }) {
  const { t } = useTranslation();
  const hint = t(`status.practice.rehearsals.${draft.statusRehearsal}.what`);
  return (
    <fieldset>
      <legend>{t('status.practice.legend')}</legend>
      <Field id="practice-status-rehearsal" label={t('status.practice.rehearsal')} hint={hint}>
        <select
          id="practice-status-rehearsal"
          value={draft.statusRehearsal}
          onChange={(e) => change({ statusRehearsal: e.target.value as Draft['statusRehearsal'] })}
          aria-describedby={describedBy('practice-status-rehearsal', hint)}
        >
          {PRACTICE_STATUS_REHEARSALS.map((r) => (
            <option key={r} value={r}>
              {t(`status.practice.rehearsals.${r}.label`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="field">
        <label className="choice">
          <input
            id="practice-stampArmCertificateUntrusted"
            type="checkbox"
            checked={draft.stampArmCertificateUntrusted}
            onChange={(e) => change({ stampArmCertificateUntrusted: e.target.checked })}
            aria-describedby="practice-stampArmCertificateUntrusted-hint"
          />
          <span>{t('status.practice.untrusted.label')}</span>
        </label>
        <p className="hint" id="practice-stampArmCertificateUntrusted-hint">
          {t('status.practice.untrusted.what')}
        </p>
      </div>
    </fieldset>
  );
}
