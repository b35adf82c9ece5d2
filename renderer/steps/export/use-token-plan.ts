import { useMemo } from 'react';
import { planToken } from '../../../shared/domain';
import type { TokenPlan } from '../../../shared/domain';
import { useApp } from '../../store';

/** The effective token parameters for the connected stamp; undefined before connecting. */
export const useTokenPlan = (): TokenPlan | undefined => {
  const info = useApp((s) => s.stamp.info);
  const choices = useApp((s) => s.exp.choices);
  return useMemo(() => (info ? planToken(info, choices, 'disconnected') : undefined), [info, choices]);
};
