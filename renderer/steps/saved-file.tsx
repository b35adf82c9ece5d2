import type { SavedFile } from '../../shared/domain';

/** Where a file went, and that it was read back. */
export function SavedFileNote({ saved, what }: { saved: SavedFile; what: string }) {
  return (
    <p className="ok-line" data-testid="saved-file" role="status">
      {what} saved to <code>{saved.path}</code> ({saved.bytes} bytes), read back and verified. Details for the other side are
      in <code>{saved.metadataFileName}</code>.
    </p>
  );
}
