import { suggestRegistrationName, TOKEN_VERSION_RULE } from '../../../shared/domain';
import { CloudSelect } from '../../components/cloud-select';
import { TextField } from '../../components/field';
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
        <TextField
          id="agreement"
          label="EA agreement number"
          hint={AGREEMENT_HINT}
          value={choices.agreementNumber ?? ''}
          onChange={(v) => set({ agreementNumber: v })}
          autoComplete="off"
        />
      )}
      {wantsTag && (
        <TextField
          id="asset-tag"
          label={model === 'Capacity' ? 'MS asset tag (Ruggedized stamps only)' : 'MS asset tag'}
          hint={TAG_HINT}
          value={choices.msAssetTag ?? ''}
          onChange={(v) => set({ msAssetTag: v })}
          autoComplete="off"
        />
      )}
      <CloudSelect
        id="target-cloud"
        label="Azure cloud the token will be registered in"
        value={choices.targetCloud}
        onChange={(targetCloud) => set({ targetCloud })}
      />
      {plan && <EffectiveParams plan={plan} />}
      <p className="hint" data-testid="token-version-rule">
        {TOKEN_VERSION_RULE}
      </p>
      {cloudId && (
        <p className="hint">
          On the connected host, the registration will be named <code>{suggestRegistrationName(cloudId)}</code> unless the
          operator there chooses another name.
        </p>
      )}
    </>
  );
}
