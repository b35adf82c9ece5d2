import { TextField } from '../../components/field';
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
      <TextField
        id="share-path"
        label="Share"
        hint={SHARE_HINT}
        value={share.path}
        onChange={(v) => set({ path: v })}
        spellCheck={false}
      />
      <TextField
        id="share-user"
        label="Share user name"
        value={share.user}
        onChange={(v) => set({ user: v })}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        id="share-password"
        label="Share password"
        hint={PASSWORD_HINT}
        value={share.password}
        onChange={(v) => set({ password: v })}
        type="password"
        autoComplete="off"
      />
    </details>
  );
}
