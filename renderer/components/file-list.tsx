import type { HandoffFile } from '../../shared/domain';

type Props = {
  files: HandoffFile[];
  current?: string;
  disabled: boolean;
  action: string;
  onPick: (name: string) => void;
  onRefresh: () => void;
};

const KIND: Record<HandoffFile['kind'], string> = { token: 'Registration token', key: 'Activation key', unknown: 'Unknown file' };

/** Hand-off files on a drive, with what our metadata says about them. */
export function FileList({ files, current, disabled, action, onPick, onRefresh }: Props) {
  return (
    <div className="files">
      {files.length === 0 ? (
        <p className="hint">No matching file on this drive.</p>
      ) : (
        <table>
          <caption className="sr-only">Files on the drive</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col">Cloud ID</th>
              <th scope="col">Fingerprint</th>
              <th scope="col">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.name} className={f.name === current ? 'row-current' : undefined}>
                <td>
                  <code>{f.name}</code>
                  {f.practice && <span className="tag">practice</span>}
                </td>
                <td>{KIND[f.kind]}</td>
                <td>{f.cloudId ?? '—'}</td>
                <td className="nowrap">{f.fingerprint ?? '—'}</td>
                <td>
                  <button type="button" className="secondary" disabled={disabled} onClick={() => onPick(f.name)} aria-label={`${action} ${f.name}`}>
                    {action}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="link-button" onClick={onRefresh}>
        Refresh the file list
      </button>
    </div>
  );
}
