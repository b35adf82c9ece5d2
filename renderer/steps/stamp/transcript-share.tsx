import { TextField } from '../../components/field';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';


/** Optional transcript share for Close-PrivilegedEndpoint -TranscriptsPathDestination. */
export function TranscriptShare() {
  const { t } = useTranslation();
  const share = useApp((s) => s.stamp.share);
  const set = appStore.getState().setShare;
  return (
    <details className="transcript-share" open={share.path !== ''}>
      <summary>{t('share.summary')}</summary>
      <p className="hint">{t('share.why')}</p>
      <TextField
        id="share-path"
        label={t('share.path')}
        hint={t('share.pathHint')}
        value={share.path}
        onChange={(v) => set({ path: v })}
        spellCheck={false}
      />
      <TextField
        id="share-user"
        label={t('share.user')}
        value={share.user}
        onChange={(v) => set({ user: v })}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        id="share-password"
        label={t('share.password')}
        hint={t('share.passwordHint')}
        value={share.password}
        onChange={(v) => set({ password: v })}
        type="password"
        autoComplete="off"
      />
    </details>
  );
}
