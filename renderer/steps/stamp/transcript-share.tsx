import { describedBy, Field } from '../../components/field';
import { appStore, useApp } from '../../store';

const WHY =
  'The privileged endpoint records every command in a transcript. With a share, closing the session runs ' +
  'Close-PrivilegedEndpoint, which copies the transcripts there and deletes them from the endpoint; without one, ' +
  'they stay on the endpoint until a later close names a share.';
const PASSWORD_HINT = 'Used once when the session closes; never stored.';
const SHARE_HINT = 'For example \\\\fileserver\\pep-transcripts';

/** Optional transcript share for Close-PrivilegedEndpoint -TranscriptsPathDestination. */
export function TranscriptShare() {
  const share = useApp((s) => s.stamp.share);
  const set = appStore.getState().setShare;
  return (
    <details className="transcript-share" open={share.path !== ''}>
      <summary>Copy the session transcripts to a share when closing (optional)</summary>
      <p className="hint">{WHY}</p>
      <Field id="share-path" label="Share" hint={SHARE_HINT}>
        <input
          id="share-path"
          value={share.path}
          onChange={(e) => set({ path: e.target.value })}
          spellCheck={false}
          aria-describedby={describedBy('share-path', SHARE_HINT)}
        />
      </Field>
      <Field id="share-user" label="Share user name">
        <input id="share-user" value={share.user} onChange={(e) => set({ user: e.target.value })} autoComplete="off" spellCheck={false} />
      </Field>
      <Field id="share-password" label="Share password" hint={PASSWORD_HINT}>
        <input
          id="share-password"
          type="password"
          value={share.password}
          onChange={(e) => set({ password: e.target.value })}
          autoComplete="off"
          aria-describedby={describedBy('share-password', PASSWORD_HINT)}
        />
      </Field>
    </details>
  );
}
