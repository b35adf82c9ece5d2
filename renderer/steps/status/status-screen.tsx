import { useEffect } from 'react';
import { BusyNote } from '../../components/busy-note';
import { ScopeProblem } from '../../components/scope-problem';
import { Screen } from '../../components/screen';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { Findings } from './findings';
import { ReregisterDetails } from './reregister-details';
import { StampArmSignIn } from './stamp-arm-sign-in';
import { StatusSides } from './status-sides';

/** Registration status on both sides: the stamp's activation record (Region management) against Azure. */
export function StatusScreen() {
  const { t } = useTranslation();
  const account = useApp((s) => s.status.account);
  const view = useApp((s) => s.status.view);
  const generation = useApp((s) => s.generation);
  const azureAccount = useApp((s) => s.reg.account?.username);
  // Re-read after anything that may change either side: an operation, a hand-off, a sign-in, a recomposition.
  useEffect(() => {
    if (appStore.getState().status.account) void appStore.getState().readStatus();
  }, [generation, azureAccount]);
  return (
    <Screen
      name="status"
      title={t('status.title')}
      what={t('status.what')}
      replaces="Region management > Properties (administrator portal); Get-AzsAzureBridgeActivation + Get-AzResource -ResourceType Microsoft.AzureStack/registrations"
      help="verify"
    >
      <ScopeProblem scope="status" />
      <StampArmSignIn />
      <BusyNote scope="status" />
      {account && view && (
        <>
          <StatusSides view={view} />
          {view.comparison && <Findings findings={view.comparison.findings} />}
          <button type="button" className="secondary" onClick={() => void appStore.getState().readStatus()} data-testid="status-reread">
            {t('status.reread')}
          </button>
          <ReregisterDetails />
        </>
      )}
    </Screen>
  );
}
