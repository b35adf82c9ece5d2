import type { TokenPlan } from '../../../shared/domain';
import { say, useTranslation } from '../../i18n';

/** The exact New-RegistrationToken parameters, after billing rules and version gates. */
export function EffectiveParams({ plan, showErrors }: { plan: TokenPlan; showErrors: boolean }) {
  const { t } = useTranslation();
  const rows = Object.entries(plan.params).filter(([, v]) => v !== undefined);
  return (
    <section className="effective" aria-labelledby="effective-title" data-testid="effective-params">
      <h3 id="effective-title">{t('billing.effective')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('billing.parameter')}</th>
            <th scope="col">{t('billing.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">
                <code>-{k}</code>
              </th>
              <td data-testid={`param-${k}`}>{v === '' ? <span className="muted">{t('billing.empty')}</span> : String(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.notices.length > 0 && (
        <ul className="notices">
          {plan.notices.map((n) => (
            <li key={n.code}>{say(n)}</li>
          ))}
        </ul>
      )}
      {/* A live region around a plain list: axe refuses role=alert on a <ul> (listitem, aria-allowed-role). */}
      <div role="status" aria-live="polite">
        {showErrors && plan.errors.length > 0 && (
          <ul className="plan-errors" data-testid="plan-errors">
            {plan.errors.map((e) => (
              <li key={e.code}>{say(e)}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
