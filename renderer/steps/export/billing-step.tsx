import { useState } from 'react';
import type { TokenChoices } from '../../../shared/domain';
import { suggestRegistrationName, TOKEN_VERSION_RULE } from '../../../shared/domain';
import { CloudSelect } from '../../components/cloud-select';
import { TextField } from '../../components/field';
import { say, useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { MODEL_ORDER, OFFERED } from './billing-models';
import { EffectiveParams } from './effective-params';
import { useTokenPlan } from './use-token-plan';

export function BillingStep() {
  const { t } = useTranslation();
  const choices = useApp((s) => s.exp.choices);
  const cloudId = useApp((s) => s.stamp.info?.cloudId);
  const plan = useTokenPlan();
  // No error before the operator has typed or chosen anything here.
  const [touched, setTouched] = useState(false);
  const set = (p: Partial<TokenChoices>) => {
    setTouched(true);
    appStore.getState().setChoices(p);
  };
  const model = choices.billingModel;
  const wantsAgreement = model === 'Capacity';
  const wantsTag = model === 'Capacity' || model === 'Custom';
  return (
    <>
      <fieldset className="models">
        <legend>{t('billing.model')}</legend>
        {MODEL_ORDER.map((m) => (
          <label key={m} className={OFFERED[m] ? 'choice' : 'choice choice-disabled'}>
            <input
              type="radio"
              name="billing-model"
              value={m}
              checked={model === m}
              disabled={!OFFERED[m]}
              onChange={() => set({ billingModel: m })}
            />
            <span>
              <strong>{t(`billing.models.${m}.title`)}</strong>
              <span className="muted block">{t(`billing.models.${m}.text`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {wantsAgreement && (
        <TextField
          id="agreement"
          label={t('billing.agreement')}
          hint={t('billing.agreementHint')}
          value={choices.agreementNumber ?? ''}
          onChange={(v) => set({ agreementNumber: v })}
          autoComplete="off"
        />
      )}
      {wantsTag && (
        <TextField
          id="asset-tag"
          label={model === 'Capacity' ? t('billing.tagRuggedized') : t('billing.tag')}
          hint={model === 'Capacity' ? t('billing.tagRuggedizedHint') : t('billing.tagHint')}
          value={choices.msAssetTag ?? ''}
          onChange={(v) => set({ msAssetTag: v })}
          autoComplete="off"
        />
      )}
      <CloudSelect id="target-cloud" label={t('billing.cloud')} value={choices.targetCloud} onChange={(targetCloud) => set({ targetCloud })} />
      {plan && <EffectiveParams plan={plan} showErrors={touched} />}
      <p className="hint" data-testid="token-version-rule">
        {say(TOKEN_VERSION_RULE)}
      </p>
      {cloudId && <p className="hint">{t('billing.nameHint', { name: suggestRegistrationName(cloudId) })}</p>}
    </>
  );
}
