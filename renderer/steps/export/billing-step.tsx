import { CLOUD_NAMES, suggestRegistrationName } from '../../../shared/domain';
import type { CloudName } from '../../../shared/domain';
import { describedBy, Field } from '../../components/field';
import { appStore, useApp } from '../../store';
import { MODEL_ORDER, MODEL_TEXT } from './billing-models';
import { EffectiveParams } from './effective-params';
import { useTokenPlan } from './use-token-plan';

const AGREEMENT_HINT = 'The Enterprise Agreement number the capacity was bought under.';
const TAG_HINT = 'Printed on the product (Custom and Ruggedized).';

export function BillingStep() {
  const choices = useApp((s) => s.exp.choices);
  const cloudId = useApp((s) => s.stamp.info?.cloudId);
  const plan = useTokenPlan();
  const set = appStore.getState().setChoices;
  const model = choices.billingModel;
  const wantsAgreement = model === 'Capacity' || model === 'Ruggedized';
  const wantsTag = model !== 'Development' && model !== 'PayAsYouUse';
  return (
    <>
      <fieldset className="models">
        <legend>Billing model</legend>
        {MODEL_ORDER.map((m) => (
          <label key={m} className={MODEL_TEXT[m].offered ? 'choice' : 'choice choice-disabled'}>
            <input
              type="radio"
              name="billing-model"
              value={m}
              checked={model === m}
              disabled={!MODEL_TEXT[m].offered}
              onChange={() => set({ billingModel: m })}
            />
            <span>
              <strong>{MODEL_TEXT[m].title}</strong>
              <span className="muted block">{MODEL_TEXT[m].text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {wantsAgreement && (
        <Field id="agreement" label="EA agreement number" hint={AGREEMENT_HINT}>
          <input
            id="agreement"
            value={choices.agreementNumber ?? ''}
            onChange={(e) => set({ agreementNumber: e.target.value })}
            autoComplete="off"
            aria-describedby={describedBy('agreement', AGREEMENT_HINT)}
          />
        </Field>
      )}
      {wantsTag && (
        <Field id="asset-tag" label={model === 'Capacity' ? 'MS asset tag (Ruggedized stamps only)' : 'MS asset tag'} hint={TAG_HINT}>
          <input
            id="asset-tag"
            value={choices.msAssetTag ?? ''}
            onChange={(e) => set({ msAssetTag: e.target.value })}
            autoComplete="off"
            aria-describedby={describedBy('asset-tag', TAG_HINT)}
          />
        </Field>
      )}
      <Field id="target-cloud" label="Azure cloud the token will be registered in">
        <select id="target-cloud" value={choices.targetCloud} onChange={(e) => set({ targetCloud: e.target.value as CloudName })}>
          {CLOUD_NAMES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>
      {plan && <EffectiveParams plan={plan} />}
      {cloudId && (
        <p className="hint">
          On the connected host, the registration will be named <code>{suggestRegistrationName(cloudId)}</code> unless the
          operator there chooses another name.
        </p>
      )}
    </>
  );
}
