import type { Scope } from '../store';
import { useApp } from '../store';

/** "Connecting to the privileged endpoint…" while a call of this scope runs. */
export function BusyNote({ scope }: { scope: Scope }) {
  const label = useApp((s) => s.busy[scope]);
  return (
    <p className="busy" role="status" aria-live="polite">
      {label ? <><span className="spinner" aria-hidden="true" />{label}…</> : null}
    </p>
  );
}
