import { useEffect } from 'react';
import { TextField } from '../../components/field';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { DeviceCodeBox } from '../register/device-code-box';

/** The stamp's admin Resource Manager as the stamp information lists it: adminmanagement.<region>.<external FQDN>. */
const fromStampInfo = (info: { regionName?: string; externalDomainFqdn?: string } | undefined): string | undefined =>
  info?.regionName && info.externalDomainFqdn ? `https://adminmanagement.${info.regionName}.${info.externalDomainFqdn}` : undefined;

/** Sign-in to the stamp's admin Resource Manager, with an Azure Stack Hub operator account of the stamp's directory. */
export function StampArmSignIn() {
  const { t } = useTranslation();
  const status = useApp((s) => s.status);
  const stampInfo = useApp((s) => s.stamp.info);
  const practiceStamp = useApp((s) => s.info?.practiceStamp);
  const busy = useApp((s) => s.busy.status);
  const { setStatus, signInStampArm, cancelStampArmSignIn, signOutStampArm } = appStore.getState();
  // Filled once from what the app knows: the connected stamp's information, or the practice stamp's.
  useEffect(() => {
    const { endpoint, tenant } = appStore.getState().status;
    const directory = stampInfo?.aadTenantId && stampInfo.aadTenantId.toLowerCase() !== 'adfs' ? stampInfo.aadTenantId : practiceStamp?.directory;
    setStatus({
      endpoint: endpoint || (fromStampInfo(stampInfo) ?? practiceStamp?.adminResourceManager ?? ''),
      tenant: tenant || (directory ?? ''),
    });
  }, [stampInfo, practiceStamp, setStatus]);

  if (status.account) {
    const a = status.account;
    return (
      <div className="notice" data-testid="stamp-arm-account">
        <p>{t('status.signedIn', { user: a.username, endpoint: a.adminResourceManager, identity: a.identitySystem === 'ADFS' ? 'AD FS' : 'Azure AD' })}</p>
        <button type="button" className="link-button" onClick={() => void signOutStampArm()}>
          {t('status.signOut')}
        </button>
      </div>
    );
  }
  const signingIn = busy === 'status.busy.signIn';
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void signInStampArm('browser');
      }}
    >
      <TextField id="status-endpoint" label={t('status.endpoint')} hint={t('status.endpointHint')} value={status.endpoint} onChange={(v) => setStatus({ endpoint: v })} />
      <TextField id="status-tenant" label={t('status.tenant')} hint={t('status.tenantHint')} value={status.tenant} onChange={(v) => setStatus({ tenant: v })} />
      <p className="hint">{t('status.trust')}</p>
      <button type="submit" className="primary" disabled={busy !== undefined || status.endpoint.trim() === ''}>
        {t('status.signIn')}
      </button>
      <button type="button" className="secondary" disabled={busy !== undefined || status.endpoint.trim() === ''} onClick={() => void signInStampArm('device-code')}>
        {t('status.signInCode')}
      </button>
      {signingIn && (
        <button type="button" className="secondary" onClick={() => void cancelStampArmSignIn()}>
          {t('status.cancelSignIn')}
        </button>
      )}
      {signingIn && <DeviceCodeBox />}
    </form>
  );
}
