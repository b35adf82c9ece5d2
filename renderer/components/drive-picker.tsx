import { useEffect } from 'react';
import { appStore, useApp } from '../store';

type Props = { selected?: string; onSelect: (driveId: string) => void; purpose: string };

const size = (bytes?: number) => (bytes === undefined ? '' : ` · ${(bytes / 1024 ** 3).toFixed(1)} GB free`);

/** Removable drives (or a folder the operator adds) to carry files across the air gap. */
export function DrivePicker({ selected, onSelect, purpose }: Props) {
  const drives = useApp((s) => s.drives);
  useEffect(() => {
    void appStore.getState().refreshDrives();
  }, []);
  return (
    <fieldset className="drives">
      <legend>{purpose}</legend>
      {drives.length === 0 && <p className="hint">No removable drive found. Insert the USB stick, or add a folder.</p>}
      {drives.map((d) => (
        <label key={d.id} className="choice">
          <input type="radio" name="drive" checked={selected === d.id} onChange={() => onSelect(d.id)} />
          <span>
            <strong>{d.label}</strong> <span className="muted">{d.path}{size(d.freeBytes)}</span>
            {!d.removable && <span className="tag">folder</span>}
          </span>
        </label>
      ))}
      <div className="row">
        <button type="button" className="secondary" onClick={() => void appStore.getState().refreshDrives()}>
          Refresh drives
        </button>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            const drive = await appStore.getState().addFolder();
            if (drive) onSelect(drive.id);
          }}
        >
          Use a folder…
        </button>
      </div>
    </fieldset>
  );
}
