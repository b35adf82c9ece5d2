import { useTranslation } from '../../i18n';
import { useApp } from '../../store';

/** The device-code prompt Azure sent while sign-in waits. */
export function DeviceCodeBox() {
  const { t } = useTranslation();
  const prompt = useApp((s) => s.reg.deviceCode);
  if (!prompt) return null;
  return (
    <div className="device-code" role="status" data-testid="device-code">
      <p>{t('signIn.deviceCode', { uri: prompt.verificationUri })}</p>
      <p className="device-code-value">{prompt.userCode}</p>
      <p className="muted">{prompt.message}</p>
    </div>
  );
}
