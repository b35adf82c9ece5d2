import { REGISTRATION_CHANGES, changeRoute, suggestRegistrationName, usageReportingAfter } from '../../../shared/domain';
import type { BillingModel, ChangeRoute, ConnectedPurpose, RegistrationChange } from '../../../shared/domain';
import { Screen } from '../../components/screen';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/**
 * "Change the registration": renewal, billing model, subscription or directory, scale (Capacity node
 * count), usage reporting. Asks what changes, says why it is needed and what will happen, then leads
 * through the existing flows: connected or disconnected (contract §2.11).
 */
export function ChangeScreen() {
  const { t } = useTranslation();
  const change = useApp((s) => s.life.change);
  const connectivity = useApp((s) => s.life.connectivity);
  const set = appStore.getState().setLife;
  const route = changeRoute(change, connectivity);
  return (
    <Screen name="change" title={t('lifecycle.change.title')} what={t('lifecycle.change.what')} help="renew">
      <fieldset>
        <legend>{t('lifecycle.change.which')}</legend>
        {REGISTRATION_CHANGES.map((c) => (
          <div key={c} className="field">
            <label className="choice">
              <input type="radio" name="change" checked={change === c} onChange={() => set({ change: c })} aria-describedby={`change-${c}-why`} />
              <span>{t(`lifecycle.changes.${c}.label`)}</span>
            </label>
            <p className="hint" id={`change-${c}-why`}>
              {t(`lifecycle.changes.${c}.why`)}
            </p>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('lifecycle.change.how')}</legend>
        {(['disconnected', 'connected'] as const).map((c) => (
          <label key={c} className="choice">
            <input type="radio" name="connectivity" checked={connectivity === c} onChange={() => set({ connectivity: c })} />
            <span>{t(`lifecycle.connectivity.${c}`)}</span>
          </label>
        ))}
      </fieldset>
      {change === 'usage-reporting-change' && <UsageRules connected={connectivity === 'connected'} />}
      <Plan route={route} change={change} />
    </Screen>
  );
}

const MODELS: BillingModel[] = ['PayAsYouUse', 'Capacity', 'Development'];

/** The billing rules on usage reporting (billing.ts), for each model and both choices. */
function UsageRules({ connected }: { connected: boolean }) {
  const { t } = useTranslation();
  const flow = connected ? 'connected' : 'disconnected';
  return (
    <div className="notice" data-testid="usage-rules">
      <p>
        <strong>{t('lifecycle.usage.title')}</strong>
      </p>
      <ul>
        {MODELS.map((m) => {
          const on = usageReportingAfter(m, flow, true);
          const off = usageReportingAfter(m, flow, false);
          const key = on.errors.length > 0 ? 'unavailable' : on.effective && off.effective ? 'alwaysOn' : !on.effective && !off.effective ? 'alwaysOff' : 'choice';
          return <li key={m}>{t(`lifecycle.usage.${key}`, { model: m })}</li>;
        })}
      </ul>
      {!connected && <p className="hint">{t('lifecycle.usage.disconnected')}</p>}
    </div>
  );
}

/** The connected wizard's purpose for a change made by re-running connected registration. */
const CONNECTED_PURPOSE: Record<RegistrationChange, ConnectedPurpose> = {
  renewal: 'renew',
  'billing-change': 'change',
  'usage-reporting-change': 'change',
  'scale-change': 'scale',
  're-registration': 'change',
  'subscription-change': 'register',
};

/**
 * Opens the connected wizard for this change: a re-run starts from the current registration (the
 * name and group typed for a removal, else the stamp's default name), which the wizard shows to confirm.
 */
const openConnectedFor = (change: RegistrationChange) => {
  const s = appStore.getState();
  const purpose = CONNECTED_PURPOSE[change];
  if (purpose === 'register') return s.openConnected({ purpose });
  const registrationName = s.life.registrationName.trim() || (s.stamp.info ? suggestRegistrationName(s.stamp.info.cloudId) : '');
  const resourceGroup = s.life.resourceGroup.trim();
  s.openConnected({
    purpose,
    ...(change === 'renewal' ? { choices: { billingModel: 'Capacity' } } : {}),
    ...(registrationName ? { previous: { registrationName, resourceGroup }, ...(purpose === 'renew' ? {} : { registrationName, resourceGroup }) } : {}),
  });
};

function Plan({ route, change }: { route: ChangeRoute; change: RegistrationChange }) {
  const { t } = useTranslation();
  const s = appStore.getState();
  const side = useApp((st) => st.side);
  const purpose = t(`lifecycle.purposes.${change}`);
  const here = (on: 'stamp' | 'host') => side === on && <span className="tag">{t('lifecycle.plan.here')}</span>;
  return (
    <section className="change-plan" aria-labelledby="change-plan-title" data-testid="change-plan" data-route={route}>
      <h3 id="change-plan-title">{t('lifecycle.change.plan')}</h3>
      {change === 'renewal' && <p className="warn-box">{t('lifecycle.change.renewalName')}</p>}
      {change === 'subscription-change' && <p className="hint">{t('lifecycle.change.directory')}</p>}
      {change === 'scale-change' && <p className="hint">{t('lifecycle.change.scale')}</p>}
      {route === 'disconnected-cycle' && (
        <ol className="plan">
          <li>
            <p>
              {t('lifecycle.plan.deactivate')} {here('stamp')}
            </p>
            <button type="button" className="secondary" onClick={() => s.open('deactivate')}>
              {t('lifecycle.plan.openDeactivate')}
            </button>
          </li>
          <li>
            <p>
              {t('lifecycle.plan.unregister')} {here('host')}
            </p>
            <button type="button" className="secondary" onClick={() => s.open('unregister')}>
              {t('lifecycle.plan.openUnregister')}
            </button>
          </li>
          <li>
            <p>
              {t('lifecycle.plan.newHandoff', { purpose })} {here('stamp')}
            </p>
            <button type="button" className="primary" onClick={() => s.startChangeHandoff()}>
              {t('lifecycle.plan.startHandoff', { purpose })}
            </button>
          </li>
        </ol>
      )}
      {route === 'remove-then-register' && (
        <ol className="plan">
          <li>
            <p>{t('lifecycle.plan.removeOld')}</p>
            <button type="button" className="secondary" onClick={() => s.open('remove-registration')}>
              {t('lifecycle.plan.openRemove')}
            </button>
          </li>
          <li>
            <p>{t('lifecycle.plan.registerNew')}</p>
            <button type="button" className="primary" onClick={() => openConnectedFor(change)}>
              {t('lifecycle.plan.openConnected')}
            </button>
          </li>
        </ol>
      )}
      {route === 'register-again-same-name' && (
        <ol className="plan">
          <li>
            <p>{t('lifecycle.plan.sameName')}</p>
            <button type="button" className="primary" onClick={() => openConnectedFor(change)}>
              {t('lifecycle.plan.openConnected')}
            </button>
          </li>
        </ol>
      )}
    </section>
  );
}
