import { useEffect } from 'react';
import { describedBy, Field, TextField } from '../../components/field';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { RenewalNameCheck } from '../lifecycle/renewal-name-check';
import { nameProblems } from './name-errors';

/** Name, resource group and location of the registration resource in Azure. */
export function NamesStep() {
  const { t } = useTranslation();
  const name = useApp((s) => s.reg.registrationName);
  const rg = useApp((s) => s.reg.resourceGroup);
  const location = useApp((s) => s.reg.location);
  const locations = useApp((s) => s.reg.locations);
  const subscriptionId = useApp((s) => s.reg.subscriptionId);
  const set = appStore.getState().setRegister;
  // On arrival, for the names shown: the permissions step and the registration use what it reads.
  useEffect(() => {
    if (subscriptionId) void appStore.getState().prepare();
  }, [subscriptionId]);
  const problems = nameProblems({ registrationName: name, resourceGroup: rg, location }, locations);
  const error = (p?: { key: string; value?: string }) => (p ? t(p.key, { value: p.value }) : undefined);
  const known = locations.some((l) => l.name === location);
  const locationHint = t('names.locationHint');
  return (
    <>
      <TextField
        id="registration-name"
        label={t('facts.registrationName')}
        hint={t('names.nameHint')}
        error={error(problems.registrationName)}
        value={name}
        onChange={(v) => set({ registrationName: v })}
        spellCheck={false}
        aria-invalid={problems.registrationName ? true : undefined}
      />
      <RenewalNameCheck />
      <TextField
        id="resource-group"
        label={t('facts.resourceGroup')}
        hint={t('names.groupHint')}
        error={error(problems.resourceGroup)}
        value={rg}
        onChange={(v) => set({ resourceGroup: v })}
        spellCheck={false}
        aria-invalid={problems.resourceGroup ? true : undefined}
      />
      <Field id="location" label={t('facts.location')} hint={locationHint} error={error(problems.location)}>
        <select
          id="location"
          value={location}
          onChange={(e) => set({ location: e.target.value })}
          aria-invalid={problems.location ? true : undefined}
          aria-describedby={describedBy('location', locationHint, error(problems.location))}
        >
          {!known && <option value={location}>{location}</option>}
          {locations.map((l) => (
            <option key={l.name} value={l.name}>
              {l.displayName} ({l.name})
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
