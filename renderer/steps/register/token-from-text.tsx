import { describedBy, Field } from '../../components/field';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

export function TokenFromText() {
  const { t } = useTranslation();
  const hint = t('register.token.pasteHint');
  const text = useApp((s) => s.reg.pasted);
  const busy = useApp((s) => s.busy.register !== undefined);
  return (
    <>
      <Field id="token-text" label={t('files.kinds.token')} hint={hint}>
        <textarea
          id="token-text"
          rows={5}
          value={text}
          spellCheck={false}
          onChange={(e) => appStore.getState().setRegister({ pasted: e.target.value })}
          aria-describedby={describedBy('token-text', hint)}
        />
      </Field>
      <button
        type="button"
        className="primary"
        disabled={busy || text.trim() === ''}
        onClick={() => void appStore.getState().readPastedToken()}
      >
        {t('register.token.readPasted')}
      </button>
    </>
  );
}
