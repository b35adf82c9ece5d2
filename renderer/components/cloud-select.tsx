import { CLOUD_NAMES } from '../../shared/domain/types';
import type { CloudName } from '../../shared/domain/types';
import { Field } from './field';

type Props = { id: string; label: string; value: CloudName; onChange: (cloud: CloudName) => void };

/** Which Azure cloud: the token's target on the stamp, the sign-in cloud on the host. Cloud names are Azure's own. */
export function CloudSelect({ id, label, value, onChange }: Props) {
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as CloudName)}>
        {CLOUD_NAMES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </Field>
  );
}
