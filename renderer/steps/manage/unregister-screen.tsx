import { BusyNote } from '../../components/busy-note';
import { Field, TextField } from '../../components/field';
import { OperationPanel } from '../../components/operation-panel';
import { ScopeProblem } from '../../components/scope-problem';
import { Screen } from '../../components/screen';
import { appStore, useApp } from '../../store';
import { hostTokens } from '../../store/reconcile';
import { outcomeOf } from '../outcome';
import { NeedsAzure } from './needs-azure';
import { RegistrationPicker } from './registration-picker';

const RG_HINT = 'Leave empty to search the whole subscription.';

/** Deletes the registration resource in Azure, by name or by the token that created it. */
export function UnregisterScreen() {
  const mng = useApp((s) => s.mng);
  const handoffs = useApp((s) => s.handoffs);
  const tokens = hostTokens(handoffs);
  const op = useApp((s) => (s.mng.unregisterOpId ? s.ops[s.mng.unregisterOpId] : undefined));
  const busy = useApp((s) => s.busy.manage !== undefined);
  const set = appStore.getState().setManage;
  const byToken = tokens.find((h) => h.id === mng.handoffId);
  // The journal says a stamp runs on this registration: deleting it cuts that stamp off.
  const activated = handoffs.find(
    (h) =>
      h.side === 'host' &&
      h.stage === 'activation-confirmed' &&
      (mng.by === 'token' ? h.cloudId === byToken?.cloudId : mng.registrationName.trim() !== '' && h.registrationName === mng.registrationName.trim()),
  );
  const expected = mng.by === 'name' ? mng.registrationName.trim() : (byToken?.registrationName ?? activated?.registrationName ?? '');
  const confirmed = expected !== '' ? mng.confirmName.trim() === expected : mng.confirmName.trim() !== '';
  const ready = (mng.by === 'name' ? mng.registrationName.trim() !== '' : byToken !== undefined) && confirmed;
  const done = outcomeOf(op, 'azure.unregister');
  return (
    <Screen
      name="unregister"
      title="Unregister"
      what="Removes the lock and deletes the registration resource in Azure. On a disconnected stamp, remove the activation on the stamp first."
      replaces="Remove-AzsRegistration / UnRegister-AzsEnvironment"
    >
      <NeedsAzure>
        <ScopeProblem scope="manage" />
        <TextField
          id="unreg-rg"
          label="Resource group"
          hint={RG_HINT}
          value={mng.resourceGroup}
          onChange={(v) => set({ resourceGroup: v })}
        />
        <fieldset>
          <legend>Find the registration</legend>
          <label className="choice">
            <input type="radio" name="by" checked={mng.by === 'name'} onChange={() => set({ by: 'name', confirmName: '' })} />
            <span>By registration name</span>
          </label>
          <label className="choice">
            <input type="radio" name="by" checked={mng.by === 'token'} onChange={() => set({ by: 'token', confirmName: '' })} />
            <span>By the registration token read on this host (matched by cloud ID)</span>
          </label>
        </fieldset>
        {mng.by === 'name' ? (
          <>
            <TextField
              id="unreg-name"
              label="Registration name"
              value={mng.registrationName}
              onChange={(v) => set({ registrationName: v })}
            />
            <RegistrationPicker />
          </>
        ) : (
          <Field id="unreg-token" label="Token">
            <select id="unreg-token" value={mng.handoffId ?? ''} onChange={(e) => set({ handoffId: e.target.value || undefined })}>
              <option value="">Choose a token…</option>
              {tokens.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.cloudId} · {h.tokenFingerprint ?? 'no fingerprint'} {h.registrationName ? `· ${h.registrationName}` : ''}
                </option>
              ))}
            </select>
          </Field>
        )}
        {activated && (
          <div className="warn-box" role="note" data-testid="unregister-activated">
            <p>
              <strong>The journal shows stamp {activated.cloudId} as activated with this registration.</strong>
            </p>
            <p>
              Remove the activation on the stamp first (Stamp side → Remove activation). If you delete the registration
              now, the stamp keeps an activation that names a resource Azure no longer has: marketplace syndication and usage
              reporting stop, and the stamp must be registered again (export, register, activate) before they work.
            </p>
          </div>
        )}
        <TextField
          id="unreg-confirm"
          label={expected ? `Type ${expected} to confirm` : 'Type the registration name to confirm'}
          hint="Deleting the registration cuts this stamp's link to Azure: marketplace syndication and usage reporting stop, and the stamp must be registered again to restore them. It cannot be undone."
          value={mng.confirmName}
          onChange={(v) => set({ confirmName: v })}
          autoComplete="off"
        />
        <button type="button" className="danger" disabled={!ready || busy} onClick={() => void appStore.getState().unregister()}>
          Unregister
        </button>
        <BusyNote scope="manage" />
        {mng.unregisterOpId && <OperationPanel operationId={mng.unregisterOpId} title="Unregistering" />}
        {done && (
          <p className="ok-box" role="status" data-testid="unregister-result">
            Registration <code>{done.registration.name}</code> deleted from resource group {done.registration.resourceGroup}.
          </p>
        )}
      </NeedsAzure>
    </Screen>
  );
}
