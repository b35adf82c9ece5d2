import type { RegistrationInfo } from '../../../shared/domain';

type Props = { items: RegistrationInfo[]; chosen: string; onChoose: (r: RegistrationInfo) => void };

/** Registrations found in the subscription (or resource group). */
export function RegistrationTable({ items, chosen, onChoose }: Props) {
  if (items.length === 0) return <p className="hint">No registration listed yet.</p>;
  return (
    <table className="registrations" data-testid="registrations">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Resource group</th>
          <th scope="col">Cloud ID</th>
          <th scope="col">Billing</th>
          <th scope="col">
            <span className="sr-only">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} className={r.name === chosen ? 'row-current' : undefined}>
            <td>
              <code>{r.name}</code>
              {r.locked && <span className="tag">locked</span>}
            </td>
            <td>{r.resourceGroup}</td>
            <td>{r.cloudId ?? '—'}</td>
            <td>{r.billingModel ?? '—'}</td>
            <td>
              <button type="button" className="secondary" onClick={() => onChoose(r)} aria-label={`Choose ${r.name}`}>
                Choose
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
