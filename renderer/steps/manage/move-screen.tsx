import { useEffect } from 'react';
import { BusyNote } from '../../components/busy-note';
import { TextField } from '../../components/field';
import { OperationPanel } from '../../components/operation-panel';
import { ScopeProblem } from '../../components/scope-problem';
import { Screen } from '../../components/screen';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';
import { NeedsAzure } from './needs-azure';
import { RegistrationPicker } from './registration-picker';

const TARGET_HINT =
  "In the same subscription. If it does not exist yet, it is created in the current resource group's location. Moving across subscriptions is only supported for CSP partners.";

/** Moves the registration resource to another resource group, handling its lock. */
export function MoveScreen() {
  const mng = useApp((s) => s.mng);
  const op = useApp((s) => (s.mng.moveOpId ? s.ops[s.mng.moveOpId] : undefined));
  const busy = useApp((s) => s.busy.manage !== undefined);
  const set = appStore.getState().setManage;
  const ready =
    mng.registrationName.trim() !== '' &&
    mng.resourceGroup.trim() !== '' &&
    mng.targetResourceGroup.trim() !== '' &&
    mng.targetResourceGroup.trim() !== mng.resourceGroup.trim();
  const done = outcomeOf(op, 'azure.move');
  const unknown = op?.status === 'outcome-unknown';
  // After a move the list would still show the registration where it was (unlocked id gone).
  const stale = done !== undefined && mng.registrations.some((r) => r.id === done.from.id);
  useEffect(() => {
    if (!done || !stale) return;
    appStore.getState().setManage({ resourceGroup: done.to.resourceGroup, targetResourceGroup: '' });
    void appStore.getState().loadRegistrations();
  }, [done, stale]);
  return (
    <Screen
      name="move"
      title="Move"
      what="Removes the registration's lock, moves it to another resource group and locks it again."
      replaces="Remove-AzResourceLock + Move-AzResource + New-AzResourceLock"
    >
      <NeedsAzure>
        <ScopeProblem scope="manage" />
        <RegistrationPicker />
        <TextField
          id="move-name"
          label="Registration name"
          value={mng.registrationName}
          onChange={(v) => set({ registrationName: v })}
        />
        <TextField
          id="move-from"
          label="Current resource group"
          value={mng.resourceGroup}
          onChange={(v) => set({ resourceGroup: v })}
        />
        <TextField
          id="move-to"
          label="Target resource group"
          hint={TARGET_HINT}
          value={mng.targetResourceGroup}
          onChange={(v) => set({ targetResourceGroup: v })}
        />
        <button type="button" className="primary" disabled={!ready || busy} onClick={() => void appStore.getState().move()}>
          Move the registration
        </button>
        <BusyNote scope="manage" />
        {mng.moveOpId && <OperationPanel operationId={mng.moveOpId} title="Moving the registration" />}
        {unknown && (
          <div className="warn-box" data-testid="move-unknown">
            <p>The move was sent to Azure but its outcome is unknown: it may still complete. Do not move or unregister again before checking.</p>
            <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().checkMove()}>
              Check where it is
            </button>
            {mng.moveCheck && (
              <p role="status" data-testid="move-check">
                {mng.moveCheck.registration
                  ? `Found in resource group ${mng.moveCheck.registration.resourceGroup}, ${mng.moveCheck.registration.locked ? 'locked' : 'NOT locked: lock it there (RegistrationResourceLock, CanNotDelete) or run Move again if it is still in the old group'}.`
                  : `Not found in ${mng.moveCheck.checkedGroups.join(' or ')} yet: check again in a few minutes.`}
              </p>
            )}
          </div>
        )}
        {done && (
          <p className="ok-box" role="status" data-testid="move-result">
            Moved <code>{done.to.name}</code> from {done.from.resourceGroup} to {done.to.resourceGroup}.
          </p>
        )}
      </NeedsAzure>
    </Screen>
  );
}
