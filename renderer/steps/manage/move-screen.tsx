import { useEffect } from 'react';
import { BusyNote } from '../../components/busy-note';
import { TextField } from '../../components/field';
import { OperationPanel } from '../../components/operation-panel';
import { ScopeProblem } from '../../components/scope-problem';
import { Screen } from '../../components/screen';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';
import { typedNameProblem } from '../register/name-errors';
import type { NameProblem } from '../register/name-errors';
import { NeedsAzure } from './needs-azure';
import { RegistrationPicker } from './registration-picker';

/** Moves the registration resource to another resource group, handling its lock. */
export function MoveScreen() {
  const { t } = useTranslation();
  const mng = useApp((s) => s.mng);
  const op = useApp((s) => (s.mng.moveOpId ? s.ops[s.mng.moveOpId] : undefined));
  const busy = useApp((s) => s.busy.manage !== undefined);
  const set = appStore.getState().setManage;
  const problems = {
    name: typedNameProblem(mng.registrationName, 'name'),
    from: typedNameProblem(mng.resourceGroup, 'group'),
    to: typedNameProblem(mng.targetResourceGroup, 'group'),
  };
  const error = (p?: NameProblem) => (p ? t(p.key) : undefined);
  const ready =
    !problems.name &&
    !problems.from &&
    !problems.to &&
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
      title={t('move.title')}
      what={t('move.what')}
      replaces="Remove-AzResourceLock + Move-AzResource + New-AzResourceLock"
      help="move"
    >
      <NeedsAzure>
        <ScopeProblem scope="manage" />
        <RegistrationPicker />
        <TextField
          id="move-name"
          error={error(problems.name)}
          label={t('facts.registrationName')}
          value={mng.registrationName}
          onChange={(v) => set({ registrationName: v })}
        />
        <TextField
          id="move-from"
          error={error(problems.from)}
          label={t('move.from')}
          value={mng.resourceGroup}
          onChange={(v) => set({ resourceGroup: v })}
        />
        <TextField
          id="move-to"
          error={error(problems.to)}
          label={t('move.to')}
          hint={t('move.toHint')}
          value={mng.targetResourceGroup}
          onChange={(v) => set({ targetResourceGroup: v })}
        />
        <button type="button" className="primary" disabled={!ready || busy} onClick={() => void appStore.getState().move()}>
          {t('move.button')}
        </button>
        <BusyNote scope="manage" />
        {mng.moveOpId && <OperationPanel operationId={mng.moveOpId} title={t('move.running')} />}
        {unknown && (
          <div className="warn-box" data-testid="move-unknown">
            <p>{t('move.unknown')}</p>
            <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().checkMove()}>
              {t('move.check')}
            </button>
            {mng.moveCheck && (
              <p role="status" data-testid="move-check">
                {mng.moveCheck.registration
                  ? t(mng.moveCheck.registration.locked ? 'move.foundLocked' : 'move.foundUnlocked', { group: mng.moveCheck.registration.resourceGroup })
                  : t('move.notFound', { groups: mng.moveCheck.checkedGroups.join(' / ') })}
              </p>
            )}
          </div>
        )}
        {done && (
          <p className="ok-box" role="status" data-testid="move-result">
            {t('move.done', { name: done.to.name, from: done.from.resourceGroup, to: done.to.resourceGroup })}
          </p>
        )}
      </NeedsAzure>
    </Screen>
  );
}
