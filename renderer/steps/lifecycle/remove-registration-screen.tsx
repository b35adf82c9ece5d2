import { useEffect } from 'react';
import { sameGuid, suggestRegistrationName } from '../../../shared/domain';
import { BusyNote } from '../../components/busy-note';
import { Facts } from '../../components/facts';
import { TextField } from '../../components/field';
import { OperationPanel } from '../../components/operation-panel';
import { ScopeProblem } from '../../components/scope-problem';
import { Screen } from '../../components/screen';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { ActivateConnectStep } from '../activate/activate-connect-step';
import { NeedsAzure } from '../manage/needs-azure';
import { outcomeOf } from '../outcome';
import { typedNameProblem } from '../register/name-errors';
import type { NameProblem } from '../register/name-errors';

/**
 * Remove-AzsRegistration for a connected stamp (contract §2.9): the registration must be this
 * stamp's; the stamp is deactivated, then the resource is unlocked, deleted and checked gone. When
 * Azure's part fails after the stamp was deactivated, the re-run does only what is left.
 */
export function RemoveRegistrationScreen() {
  const { t } = useTranslation();
  const life = useApp((s) => s.life);
  const stamp = useApp((s) => s.stamp.info);
  const connected = useApp((s) => s.stamp.sessionId !== undefined);
  const busy = useApp((s) => s.busy.lifecycle !== undefined);
  const op = useApp((s) => (s.life.removeOpId ? s.ops[s.life.removeOpId] : undefined));
  const set = appStore.getState().setLife;
  const done = outcomeOf(op, 'registration.remove');
  const failed = op?.finished?.outcome.ok === false ? op.finished.outcome.problem : undefined;
  const partial = failed?.code === 'removal-partial';
  const running = op?.status === 'running';
  // The record of a partial removal survives a restart: the next run skips the stamp.
  useEffect(() => {
    if (partial) set({ stampDeactivated: true });
  }, [partial, set]);
  useEffect(() => {
    if (done) set({ stampDeactivated: false });
  }, [done, set]);
  useEffect(() => {
    if (stamp && life.registrationName === '') set({ registrationName: suggestRegistrationName(stamp.cloudId) });
  }, [stamp, life.registrationName, set]);
  // What was found stands only for the name still typed and the stamp still connected (a practice reset makes a new stamp).
  const found =
    life.found && stamp?.cloudId && life.found.cloudId && sameGuid(life.found.cloudId, stamp.cloudId) && life.found.name.toLowerCase() === life.registrationName.trim().toLowerCase()
      ? life.found
      : undefined;
  const nameError = (p?: NameProblem) => (p ? t(p.key) : undefined);
  const ready = found !== undefined && life.confirmName.trim() === found.name && !busy && !running;
  return (
    <Screen name="remove-registration" title={t('lifecycle.remove.title')} what={t('lifecycle.remove.what')} replaces="Remove-AzsRegistration" help="renew">
      <div className="warn-box" role="note" data-testid="remove-registration-explained">
        <p>
          <strong>{t('lifecycle.remove.effects')}</strong>
        </p>
        <ol>
          <li>{t('lifecycle.remove.step1')}</li>
          <li>{t('lifecycle.remove.step2')}</li>
          <li>{t('lifecycle.remove.step3')}</li>
          <li>{t('lifecycle.remove.step4')}</li>
        </ol>
      </div>
      <ScopeProblem scope="stamp" />
      <ActivateConnectStep onConnected={() => undefined} hint={t('lifecycle.remove.connectHint')} />
      {connected && stamp && (
        <NeedsAzure>
          <ScopeProblem scope="lifecycle" />
          <TextField
            id="remove-rg"
            label={t('facts.resourceGroup')}
            error={nameError(typedNameProblem(life.resourceGroup, 'group'))}
            value={life.resourceGroup}
            onChange={(v) => set({ resourceGroup: v })}
            spellCheck={false}
          />
          <TextField
            id="remove-name"
            error={nameError(typedNameProblem(life.registrationName, 'name'))}
            label={t('facts.registrationName')}
            hint={t('lifecycle.remove.nameHint')}
            value={life.registrationName}
            onChange={(v) => set({ registrationName: v })}
            spellCheck={false}
          />
          <button
            type="button"
            className="secondary"
            disabled={busy || typedNameProblem(life.resourceGroup, 'group') !== undefined || typedNameProblem(life.registrationName, 'name') !== undefined}
            onClick={() => void appStore.getState().findForRemoval()}
          >
            {t('lifecycle.remove.find')}
          </button>
          {found && (
            <div data-testid="remove-found">
              <Facts
                label={t('lifecycle.remove.found')}
                rows={[
                  [t('facts.registrationName'), found.name],
                  [t('lifecycle.remove.resourceId'), found.id, 'remove-found-id', 'copy'],
                  [t('facts.cloudId'), found.cloudId, 'remove-found-cloud-id', 'copy'],
                  [t('manage.billing'), found.billingModel],
                ]}
              />
              <p className="ok-box" role="status">
                {t('lifecycle.remove.thisStamp', { cloudId: stamp.cloudId })}
              </p>
              <label className="confirm">
                <input type="checkbox" checked={life.stampDeactivated} onChange={(e) => set({ stampDeactivated: e.target.checked })} />
                <span>{t('lifecycle.remove.alreadyDeactivated')}</span>
              </label>
              <TextField
                id="remove-confirm"
                label={t('lifecycle.remove.typeName', { name: found.name })}
                value={life.confirmName}
                onChange={(v) => set({ confirmName: v })}
                autoComplete="off"
              />
              <button type="button" className="danger" disabled={!ready} onClick={() => void appStore.getState().removeRegistration()}>
                {life.stampDeactivated ? t('lifecycle.remove.finishButton') : t('lifecycle.remove.button')}
              </button>
            </div>
          )}
          <BusyNote scope="lifecycle" />
        </NeedsAzure>
      )}
      {life.removeOpId && <OperationPanel operationId={life.removeOpId} title={t('lifecycle.remove.running')} />}
      {partial && (
        <p className="warn-box" role="alert" data-testid="remove-partial">
          {t('lifecycle.remove.partial')}
        </p>
      )}
      {done && (
        <p className="ok-box" role="status" data-testid="remove-registration-result">
          {done.alreadyGone ? t('lifecycle.remove.alreadyGone', { name: done.registration.name }) : t('lifecycle.remove.done', { name: done.registration.name })}
        </p>
      )}
    </Screen>
  );
}
