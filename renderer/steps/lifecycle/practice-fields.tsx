import { PRACTICE_AZURE_REGISTRATIONS } from '../../../shared/contract';
import type { PracticeScenario } from '../../../shared/contract';
import { describedBy, Field } from '../../components/field';
import { useTranslation } from '../../i18n';

type Props = { draft: PracticeScenario; change(patch: Partial<PracticeScenario>): void };

/** Practice scenario: what the practice Azure holds from the start, and a registration DELETE refused once. */
export function LifecyclePracticeFields({ draft, change }: Props) {
  const { t } = useTranslation();
  const hint = t(`lifecycle.practice.registrations.${draft.azureRegistration}.what`);
  return (
    <>
      <Field id="practice-azure-registration" label={t('lifecycle.practice.registration')} hint={hint}>
        <select
          id="practice-azure-registration"
          value={draft.azureRegistration}
          onChange={(e) => change({ azureRegistration: e.target.value as PracticeScenario['azureRegistration'] })}
          aria-describedby={describedBy('practice-azure-registration', hint)}
        >
          {PRACTICE_AZURE_REGISTRATIONS.map((r) => (
            <option key={r} value={r}>
              {t(`lifecycle.practice.registrations.${r}.label`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="field">
        <label className="choice">
          <input
            id="practice-registrationDeleteRefused"
            type="checkbox"
            checked={draft.registrationDeleteRefused}
            onChange={(e) => change({ registrationDeleteRefused: e.target.checked })}
            aria-describedby="practice-registrationDeleteRefused-hint"
          />
          <span>{t('lifecycle.practice.deleteRefused.label')}</span>
        </label>
        <p className="hint" id="practice-registrationDeleteRefused-hint">
          {t('lifecycle.practice.deleteRefused.what')}
        </p>
      </div>
    </>
  );
}
