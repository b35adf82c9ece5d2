import { useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** `danger` for what cannot be undone. */
  tone?: 'primary' | 'danger';
  /** The title's id, unique when more than one dialog lives in the page. */
  titleId?: string;
  onConfirm(): void;
  onCancel(): void;
};

/**
 * An in-app modal question (never `window.confirm`): a native `<dialog>` opened with showModal, so
 * focus moves into it, stays in it, Escape cancels, and focus returns to where it was.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, tone = 'primary', titleId = 'confirm-dialog-title', onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // Before the screen's own effects: closing gives focus back to where it was, and a step that opens
  // behind the dialog then takes it for its title.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-dialog-body">{children}</div>
      <div className="nav-buttons">
        <button type="button" className="secondary" onClick={onCancel} autoFocus>
          {cancelLabel}
        </button>
        <button type="button" className={tone} onClick={onConfirm} data-testid="confirm-dialog-confirm">
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
