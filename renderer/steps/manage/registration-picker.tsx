import type { RegistrationInfo } from '../../../shared/domain';
import { PickTable } from '../../components/pick-table';
import type { PickColumn } from '../../components/pick-table';
import { appStore, useApp } from '../../store';

const COLUMNS: PickColumn<RegistrationInfo>[] = [
  {
    title: 'Name',
    cell: (r) => (
      <>
        <code>{r.name}</code>
        {r.locked && <span className="tag">locked</span>}
      </>
    ),
  },
  { title: 'Resource group', cell: (r) => r.resourceGroup },
  { title: 'Cloud ID', cell: (r) => r.cloudId ?? '—' },
  { title: 'Billing', cell: (r) => r.billingModel ?? '—' },
];

/** "List registrations" and the list; choosing one fills in its name and resource group. */
export function RegistrationPicker() {
  const items = useApp((s) => s.mng.registrations);
  const chosen = useApp((s) => s.mng.registrationName);
  const busy = useApp((s) => s.busy.manage !== undefined);
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().loadRegistrations()}>
        List registrations
      </button>
      {items.length === 0 ? (
        <p className="hint">No registration listed yet.</p>
      ) : (
        <PickTable
          items={items}
          columns={COLUMNS}
          keyOf={(r) => r.id}
          nameOf={(r) => r.name}
          current={(r) => r.name === chosen}
          action="Choose"
          onPick={(r) => appStore.getState().setManage({ registrationName: r.name, resourceGroup: r.resourceGroup })}
          className="registrations"
          testId="registrations"
        />
      )}
    </>
  );
}
