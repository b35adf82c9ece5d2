import { useMemo } from 'react';
import { planConnected, suggestRegistrationName } from '../../../shared/domain';
import type { TokenPlan } from '../../../shared/domain';
import { useApp } from '../../store';

/** The registration name to use: the one typed, else the suggestion for this stamp. */
export const useConnectedName = (): string => {
  const typed = useApp((s) => s.con.registrationName.trim());
  const cloudId = useApp((s) => s.stamp.info?.cloudId);
  return typed || (cloudId ? suggestRegistrationName(cloudId) : '');
};

/** The effective New-RegistrationToken parameters with the connected rules and the purpose's own; undefined before connecting. */
export const useConnectedPlan = (): TokenPlan | undefined => {
  const info = useApp((s) => s.stamp.info);
  const con = useApp((s) => s.con);
  const cloud = useApp((s) => s.reg.account?.cloud ?? 'AzureCloud');
  const registrationName = useConnectedName();
  return useMemo(
    () =>
      info
        ? planConnected(info, { ...con.choices, targetCloud: cloud }, con.purpose, { registrationName, resourceGroup: con.resourceGroup.trim() }, con.previous)
        : undefined,
    [info, con.choices, con.purpose, con.resourceGroup, con.previous, cloud, registrationName],
  );
};
