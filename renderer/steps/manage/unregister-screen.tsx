import { BusyNote } from '../../components/busy-note';
import { Field, TextField } from '../../components/field';
import { OperationPanel } from '../../components/operation-panel';
import { ScopeProblem } from '../../components/scope-problem';
import { Screen } from '../../components/screen';
import { say, useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { hostTokens } from '../../store/reconcile';
import { outcomeOf } from '../outcome';
import { typedNameProblem } from '../register/name-errors';
import type { NameProblem } from '../register/name-errors';
import { NeedsAzure } from './needs-azure';
import { RegistrationPicker } from './registration-picker';

/** Deletes the registration resource in Azure, by name or by the token that created it. */
export function UnregisterScreen() {
  const { t } = useTranslation();
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
  const problems = { name: mng.by === 'name' ? typedNameProblem(mng.registrationName, 'name') : undefined, group: typedNameProblem(mng.resourceGroup, 'group') };
  const error = (p?: NameProblem) => (p ? t(p.key) : undefined);
  const ready = !problems.name && !problems.group && (mng.by === 'name' ? mng.registrationName.trim() !== '' : byToken !== undefined) && confirmed;
  const done = outcomeOf(op, 'azure.unregister');
  return (
    <Screen
      name="unregister"
      title={t('unregister.title')}
      what={t('unregister.what')}
      replaces="UnRegister-AzsEnvironment"
      help="renew"
    >
      <NeedsAzure>
        <ScopeProblem scope="manage" />
        <TextField
          id="unreg-rg"
          error={error(problems.group)}
          label={t('facts.resourceGroup')}
          hint={t('unregister.groupHint')}
          value={mng.resourceGroup}
          onChange={(v) => set({ resourceGroup: v })}
        />
        <fieldset>
          <legend>{t('unregister.find')}</legend>
          <label className="choice">
            <input type="radio" name="by" checked={mng.by === 'name'} onChange={() => set({ by: 'name', confirmName: '' })} />
            <span>{t('unregister.byName')}</span>
          </label>
          <label className="choice">
            <input type="radio" name="by" checked={mng.by === 'token'} onChange={() => set({ by: 'token', confirmName: '' })} />
            <span>{t('unregister.byToken')}</span>
          </label>
        </fieldset>
        {mng.by === 'name' ? (
          <>
            <TextField
              id="unreg-name"
              error={error(problems.name)}
              label={t('facts.registrationName')}
              value={mng.registrationName}
              onChange={(v) => set({ registrationName: v })}
            />
            <RegistrationPicker />
          </>
        ) : (
          <Field id="unreg-token" label={t('unregister.token')}>
            <select id="unreg-token" value={mng.handoffId ?? ''} onChange={(e) => set({ handoffId: e.target.value || undefined })}>
              <option value="">{t('unregister.chooseToken')}</option>
              {tokens.map((h) => (
                <option key={h.id} value={h.id}>
                  {[h.cloudId, h.tokenFingerprint ?? t('unregister.noFingerprint'), h.registrationName].filter(Boolean).join(' · ')}
                </option>
              ))}
            </select>
          </Field>
        )}
        {activated && (
          <div className="warn-box" role="note" data-testid="unregister-activated">
            <p>
              <strong>{t('unregister.activated', { cloudId: activated.cloudId })}</strong>
            </p>
            <p>{t('unregister.activatedWhat')}</p>
          </div>
        )}
        <TextField
          id="unreg-confirm"
          label={expected ? t('unregister.typeName', { name: expected }) : t('unregister.typeAnyName')}
          hint={t('unregister.confirmHint')}
          value={mng.confirmName}
          onChange={(v) => set({ confirmName: v })}
          autoComplete="off"
        />
        <button type="button" className="danger" disabled={!ready || busy} onClick={() => void appStore.getState().unregister()}>
          {t('unregister.button')}
        </button>
        <BusyNote scope="manage" />
        {mng.unregisterOpId && <OperationPanel operationId={mng.unregisterOpId} title={t('unregister.running')} />}
        {done && (
          <p className="ok-box" role="status" data-testid="unregister-result">
            {done.alreadyDeleted ? say(done.alreadyDeleted) : t('unregister.done', { name: done.registration.name, group: done.registration.resourceGroup })}
          </p>
        )}
      </NeedsAzure>
    </Screen>
  );
}
