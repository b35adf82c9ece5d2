import { CONNECTED_PURPOSES, renewalName } from '../../../shared/domain';
import { TextField } from '../../components/field';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/** What this run is for: a first registration, or a re-run of an existing one (REGDOC: same name and group). */
export function PurposeSection() {
  const { t } = useTranslation();
  const purpose = useApp((s) => s.con.purpose);
  const previous = useApp((s) => s.con.previous);
  const set = appStore.getState().setConnected;
  const prev = previous ?? { registrationName: '', resourceGroup: '' };
  const setPrevious = (p: Partial<typeof prev>) => set({ previous: { ...prev, ...p } });
  return (
    <>
      <fieldset>
        <legend>{t('connected.purpose.legend')}</legend>
        {CONNECTED_PURPOSES.map((p) => (
          <label key={p} className="choice">
            <input type="radio" name="connected-purpose" value={p} checked={purpose === p} onChange={() => set({ purpose: p })} />
            <span>
              <strong>{t(`connected.purpose.${p}.title`)}</strong>
              <span className="muted block">{t(`connected.purpose.${p}.text`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {purpose !== 'register' && (
        <fieldset data-testid="connected-previous">
          <legend>{t('connected.previous.legend')}</legend>
          <p className="hint">{t('connected.previous.hint')}</p>
          <TextField id="connected-previous-name" label={t('connected.previous.name')} value={prev.registrationName} onChange={(v) => setPrevious({ registrationName: v })} autoComplete="off" />
          <TextField id="connected-previous-group" label={t('connected.previous.group')} value={prev.resourceGroup} onChange={(v) => setPrevious({ resourceGroup: v })} autoComplete="off" />
          {purpose === 'renew' && (
            <>
              <label className="choice">
                <input type="checkbox" checked={prev.expired === true} onChange={(e) => setPrevious({ expired: e.target.checked })} />
                <span>{t('connected.previous.expired')}</span>
              </label>
              <label className="choice">
                <input type="checkbox" checked={prev.deletedFirst === true} onChange={(e) => setPrevious({ deletedFirst: e.target.checked })} />
                <span>{t('connected.previous.deletedFirst')}</span>
              </label>
              {prev.expired && !prev.deletedFirst && prev.registrationName.trim() !== '' && (
                <p className="hint" data-testid="connected-renewal-name">
                  {t('connected.previous.renewalName', { name: renewalName(prev.registrationName.trim()) })}
                </p>
              )}
            </>
          )}
          {(purpose === 'change' || purpose === 'scale') && (
            <button type="button" className="secondary" onClick={() => set({ registrationName: prev.registrationName, resourceGroup: prev.resourceGroup })}>
              {t('connected.previous.useSame')}
            </button>
          )}
        </fieldset>
      )}
    </>
  );
}
