import { useEffect } from 'react';
import { connectedScript } from '../../../shared/domain/powershell-script';
import { BusyNote } from '../../components/busy-note';
import { Field, TextField } from '../../components/field';
import { OperationPanel } from '../../components/operation-panel';
import { ScopeProblem } from '../../components/scope-problem';
import { Screen } from '../../components/screen';
import { ScriptBox } from '../../components/script-box';
import { say, useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';
import { SignInStep } from '../register/sign-in-step';
import { ConnectStep } from '../export/connect-step';
import { ErcsHosts } from '../stamp/ercs-hosts';
import { ConnectedBilling } from './connected-billing';
import { ConnectedRecordView } from './connected-record';
import { PurposeSection } from './purpose-section';
import { useConnectedName, useConnectedPlan } from './use-connected-plan';
import { typedNameProblem } from '../register/name-errors';
import type { NameProblem } from '../register/name-errors';

/**
 * Set-AzsRegistration, guided: a stamp that reaches Azure registers on one machine, in one PEP session.
 * Also how an existing connected registration changes model or flags, is renewed, or learns a scale change.
 */
export function ConnectedScreen() {
  const { t } = useTranslation();
  const account = useApp((s) => s.reg.account);
  const sessionId = useApp((s) => s.stamp.sessionId);
  const con = useApp((s) => s.con);
  const stamp = useApp((s) => s.stamp);
  // The run started here, else (after a reload) the latest connected run main knows: nothing is lost.
  const operationId = useApp(
    (s) =>
      s.con.operationId ??
      Object.values(s.ops)
        .filter((o) => o.kind === 'connected.register')
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0]?.operationId,
  );
  const op = useApp((s) => (operationId ? s.ops[operationId] : undefined));
  const busy = useApp((s) => s.busy.connected !== undefined);
  const plan = useConnectedPlan();
  const name = useConnectedName();
  const set = appStore.getState().setConnected;
  const done = outcomeOf(op, 'connected.register');
  const finished = op?.status !== undefined && op.status !== 'running' && op.status !== 'cancelling';

  useEffect(() => void appStore.getState().loadConnectedRecords(), []);
  useEffect(() => {
    if (account) void appStore.getState().loadConnectedSubscriptions();
  }, [account]);
  // Re-read what the run left once it ends, whatever the outcome.
  useEffect(() => {
    if (finished) void appStore.getState().loadConnectedRecords();
  }, [finished]);

  const recordId = con.subscriptionId ? [con.subscriptionId, con.resourceGroup.trim(), name].join('/').toLowerCase() : undefined;
  const record = con.records.find((r) => r.id === recordId);
  const running = op?.status === 'running' || op?.status === 'cancelling';
  const nameProblems = [typedNameProblem(con.registrationName, 'name'), typedNameProblem(con.resourceGroup, 'group')] as const;
  const nameError = (p?: NameProblem) => (p ? t(p.key) : undefined);
  const ready = nameProblems.every((p) => p === undefined) && sessionId !== undefined && account !== undefined && con.subscriptionId !== undefined && plan !== undefined && plan.errors.length === 0 && con.location.trim() !== '' && !running;

  return (
    <Screen name="connected" title={t('connected.title')} what={t('connected.what')} replaces="Set-AzsRegistration" help="renew">
      <ScopeProblem scope="connected" />
      <section aria-labelledby="connected-pep-title">
        <h3 id="connected-pep-title">{t('connected.sections.pep')}</h3>
        {!sessionId && <ErcsHosts />}
        <ConnectStep onConnected={() => undefined} />
      </section>
      <section aria-labelledby="connected-azure-title">
        <h3 id="connected-azure-title">{t('connected.sections.azure')}</h3>
        <SignInStep />
        {account && (
          <Field id="connected-subscription" label={t('connected.subscription')}>
            <select id="connected-subscription" value={con.subscriptionId ?? ''} onChange={(e) => set({ subscriptionId: e.target.value || undefined })}>
              <option value="">{t('connected.chooseSubscription')}</option>
              {con.subscriptions.map((s) => (
                <option key={s.id} value={s.id} disabled={s.refusal !== undefined}>
                  {`${s.displayName} (${s.id})${s.refusal ? ` — ${say(s.refusal)}` : ''}`}
                </option>
              ))}
            </select>
          </Field>
        )}
      </section>
      <section aria-labelledby="connected-what-title">
        <h3 id="connected-what-title">{t('connected.sections.what')}</h3>
        <PurposeSection />
        <TextField
          id="connected-name"
          error={nameError(nameProblems[0])}
          label={t('facts.registrationName')}
          hint={t('connected.nameHint')}
          value={con.registrationName}
          placeholder={name}
          onChange={(v) => set({ registrationName: v })}
          autoComplete="off"
        />
        <TextField id="connected-group" label={t('facts.resourceGroup')} error={nameError(nameProblems[1])} value={con.resourceGroup} onChange={(v) => set({ resourceGroup: v })} autoComplete="off" />
        <TextField id="connected-location" label={t('connected.location')} hint={t('connected.locationHint')} value={con.location} onChange={(v) => set({ location: v })} autoComplete="off" />
      </section>
      <section aria-labelledby="connected-billing-title">
        <h3 id="connected-billing-title">{t('connected.sections.billing')}</h3>
        <ConnectedBilling />
      </section>
      <section aria-labelledby="connected-run-title">
        <h3 id="connected-run-title">{t('connected.sections.run')}</h3>
        <p className="hint">{t('connected.runWhat')}</p>
        <button type="button" className="primary" disabled={!ready || busy} onClick={() => void appStore.getState().startConnected()} data-testid="connected-start">
          {t(`connected.start.${con.purpose}`)}
        </button>
        <BusyNote scope="connected" />
        {operationId && (
          <div data-testid="connected-operation" data-operation-id={operationId}>
            <OperationPanel operationId={operationId} title={t('connected.running')} />
          </div>
        )}
        {done && (
          <p className="ok-box" role="status" data-testid="connected-result">
            {t(done.reused ? 'connected.doneReused' : 'connected.done', { name: done.registration.name, group: done.registration.resourceGroup, model: done.record.billingModel })}
          </p>
        )}
        {record && <ConnectedRecordView record={record} running={running} />}
        {plan && (
          <ScriptBox
            leg="connected"
            script={connectedScript({
              cloud: account?.cloud ?? 'AzureCloud',
              subscriptionId: con.subscriptionId ?? '<subscription>',
              ercs: stamp.host ?? stamp.hosts[0] ?? '',
              user: stamp.user,
              registrationName: name,
              resourceGroup: con.resourceGroup.trim(),
              location: con.location.trim(),
              billingModel: plan.params.BillingModel,
              ...(plan.params.AgreementNumber ? { agreementNumber: plan.params.AgreementNumber } : {}),
              ...(plan.params.MsAssetTag ? { msAssetTag: plan.params.MsAssetTag } : {}),
              usageReportingEnabled: plan.params.UsageReportingEnabled,
              marketplaceSyndicationEnabled: plan.params.MarketplaceSyndicationEnabled,
            })}
          />
        )}
      </section>
    </Screen>
  );
}
