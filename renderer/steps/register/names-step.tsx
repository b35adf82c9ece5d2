import { useEffect } from 'react';
import { describedBy, Field, TextField } from '../../components/field';
import { appStore, useApp } from '../../store';
import { nameProblems } from './name-errors';

const NAME_HINT = 'Unique per stamp. The default, AzureStack-<cloud ID>, is what the PowerShell module uses.';
const RG_HINT = 'Created if it does not exist.';
const LOCATION_HINT = 'Where the registration resource is kept; it does not affect the stamp.';

/** Name, resource group and location of the registration resource in Azure. */
export function NamesStep() {
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
  const known = locations.some((l) => l.name === location);
  return (
    <>
      <TextField
        id="registration-name"
        label="Registration name"
        hint={NAME_HINT}
        error={problems.registrationName}
        value={name}
        onChange={(v) => set({ registrationName: v })}
        spellCheck={false}
        aria-invalid={problems.registrationName ? true : undefined}
      />
      <TextField
        id="resource-group"
        label="Resource group"
        hint={RG_HINT}
        error={problems.resourceGroup}
        value={rg}
        onChange={(v) => set({ resourceGroup: v })}
        spellCheck={false}
        aria-invalid={problems.resourceGroup ? true : undefined}
      />
      <Field id="location" label="Location" hint={LOCATION_HINT} error={problems.location}>
        <select
          id="location"
          value={location}
          onChange={(e) => set({ location: e.target.value })}
          aria-invalid={problems.location ? true : undefined}
          aria-describedby={describedBy('location', LOCATION_HINT, problems.location)}
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
