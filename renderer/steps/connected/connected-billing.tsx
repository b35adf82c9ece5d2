import type { BillingModel } from '../../../shared/domain';
import { TextField } from '../../components/field';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { EffectiveParams } from '../export/effective-params';
import { useConnectedPlan } from './use-connected-plan';

/** The models a connected stamp can register with (contract §3); Ruggedized is registered as the product says, not chosen here. */
const CONNECTED_MODELS: BillingModel[] = ['PayAsYouUse', 'Capacity', 'Development', 'Custom'];

/** Billing model and flags, with the exact parameters (after the connected rules and version gates) shown before anything runs. */
export function ConnectedBilling() {
  const { t } = useTranslation();
  const choices = useApp((s) => s.con.choices);
  const plan = useConnectedPlan();
  const set = appStore.getState().setConnectedChoices;
  const model = choices.billingModel;
  const flag = (name: 'usageReportingEnabled' | 'marketplaceSyndicationEnabled') => (
    <label className="choice">
      <input type="checkbox" checked={choices[name] ?? true} onChange={(e) => set({ [name]: e.target.checked })} />
      <span>{t(`connected.billing.${name}`)}</span>
    </label>
  );
  return (
    <>
      <fieldset className="models">
        <legend>{t('billing.model')}</legend>
        {CONNECTED_MODELS.map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="connected-billing-model" value={m} checked={model === m} onChange={() => set({ billingModel: m })} />
            <span>
              <strong>{t(`billing.models.${m}.title`)}</strong>
              <span className="muted block">{t(`connected.billing.models.${m}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {model === 'Capacity' && (
        <TextField id="connected-agreement" label={t('billing.agreement')} hint={t('billing.agreementHint')} value={choices.agreementNumber ?? ''} onChange={(v) => set({ agreementNumber: v })} autoComplete="off" />
      )}
      {model === 'Custom' && (
        <TextField id="connected-asset-tag" label={t('billing.tag')} hint={t('billing.tagHint')} value={choices.msAssetTag ?? ''} onChange={(v) => set({ msAssetTag: v })} autoComplete="off" />
      )}
      <fieldset>
        <legend>{t('connected.billing.flags')}</legend>
        {flag('usageReportingEnabled')}
        {flag('marketplaceSyndicationEnabled')}
      </fieldset>
      {plan ? <EffectiveParams plan={plan} showErrors /> : <p className="hint">{t('connected.billing.connectFirst')}</p>}
    </>
  );
}
