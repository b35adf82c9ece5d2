import { describedBy, Field } from '../../components/field';
import { appStore, useApp } from '../../store';

const HINT = 'Paste the content of the token file. Line breaks and spaces are ignored.';

export function TokenFromText() {
  const text = useApp((s) => s.reg.pasted);
  const busy = useApp((s) => s.busy.register !== undefined);
  return (
    <>
      <Field id="token-text" label="Registration token" hint={HINT}>
        <textarea
          id="token-text"
          rows={5}
          value={text}
          spellCheck={false}
          onChange={(e) => appStore.getState().setRegister({ pasted: e.target.value })}
          aria-describedby={describedBy('token-text', HINT)}
        />
      </Field>
      <button
        type="button"
        className="primary"
        disabled={busy || text.trim() === ''}
        onClick={() => void appStore.getState().readPastedToken()}
      >
        Read the pasted token
      </button>
    </>
  );
}
