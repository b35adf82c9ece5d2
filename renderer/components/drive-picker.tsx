import { useEffect } from 'react';
import { formatNumber } from '../i18n/format';
import { useTranslation } from '../i18n';
import { appStore, useApp } from '../store';

type Props = { selected?: string; onSelect: (driveId: string) => void; purpose: string };

/** Removable drives (or a folder the operator adds) to carry files across the air gap. */
export function DrivePicker({ selected, onSelect, purpose }: Props) {
  const { t } = useTranslation();
  const drives = useApp((s) => s.drives);
  useEffect(() => {
    void appStore.getState().refreshDrives();
  }, []);
  return (
    <fieldset className="drives">
      <legend>{purpose}</legend>
      {drives.length === 0 && <p className="hint">{t('drives.none')}</p>}
      {drives.map((d) => (
        <label key={d.id} className="choice">
          <input type="radio" name="drive" checked={selected === d.id} onChange={() => onSelect(d.id)} />
          <span>
            <strong>{d.label}</strong>{' '}
            <span className="muted">
              {d.path}
              {d.freeBytes !== undefined && t('drives.free', { size: formatNumber(d.freeBytes / 1024 ** 3, { maximumFractionDigits: 1 }) })}
            </span>
            {!d.removable && <span className="tag">{t('drives.folderTag')}</span>}
          </span>
        </label>
      ))}
      <div className="row">
        <button type="button" className="secondary" onClick={() => void appStore.getState().refreshDrives()}>
          {t('drives.refresh')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            const drive = await appStore.getState().addFolder();
            if (drive) onSelect(drive.id);
          }}
        >
          {t('drives.useFolder')}
        </button>
      </div>
    </fieldset>
  );
}
