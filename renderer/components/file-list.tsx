import type { HandoffFile } from '../../shared/domain';
import { PickTable } from './pick-table';
import type { PickColumn } from './pick-table';

type Props = {
  files: HandoffFile[];
  current?: string;
  disabled: boolean;
  action: string;
  onPick: (name: string) => void;
  onRefresh: () => void;
};

const KIND: Record<HandoffFile['kind'], string> = { token: 'Registration token', key: 'Activation key', unknown: 'Unknown file' };

const COLUMNS: PickColumn<HandoffFile>[] = [
  {
    title: 'File',
    cell: (f) => (
      <>
        <code>{f.name}</code>
        {f.practice && <span className="tag">practice</span>}
      </>
    ),
  },
  {
    title: 'Kind',
    cell: (f) => (
      <>
        {KIND[f.kind]}
        {f.problem && <p className="hint">{f.problem}</p>}
      </>
    ),
  },
  { title: 'Cloud ID', cell: (f) => f.cloudId ?? '—' },
  { title: 'Fingerprint', cell: (f) => f.fingerprint ?? '—', className: 'nowrap' },
];

/** Hand-off files on a drive, with what our metadata says about them. */
export function FileList({ files, current, disabled, action, onPick, onRefresh }: Props) {
  return (
    <div className="files">
      {files.length === 0 ? (
        <p className="hint">No matching file on this drive.</p>
      ) : (
        <PickTable
          items={files}
          columns={COLUMNS}
          keyOf={(f) => f.name}
          nameOf={(f) => f.name}
          current={(f) => f.name === current}
          action={action}
          onPick={(f) => onPick(f.name)}
          disabled={disabled}
          caption="Files on the drive"
        />
      )}
      <button type="button" className="link-button" onClick={onRefresh}>
        Refresh the file list
      </button>
    </div>
  );
}
