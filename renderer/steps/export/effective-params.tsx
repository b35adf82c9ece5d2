import type { TokenPlan } from '../../../shared/domain';

/** The exact New-RegistrationToken parameters, after billing rules and version gates. */
export function EffectiveParams({ plan }: { plan: TokenPlan }) {
  const rows = Object.entries(plan.params).filter(([, v]) => v !== undefined);
  return (
    <section className="effective" aria-labelledby="effective-title" data-testid="effective-params">
      <h3 id="effective-title">What will be sent to the stamp</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">
                <code>-{k}</code>
              </th>
              <td data-testid={`param-${k}`}>{v === '' ? <span className="muted">(empty)</span> : String(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.notices.length > 0 && (
        <ul className="notices">
          {plan.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {plan.errors.length > 0 && (
        <ul className="plan-errors" role="alert">
          {plan.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
