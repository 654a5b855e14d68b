import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { TextAreaField } from './text-field';

/**
 * A modal dialog on the native `<dialog>`: `showModal()` makes the rest of the page inert, keeps Tab
 * inside and closes on Escape. Render it only while open; on unmount focus goes back to where it was.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const unmounted = useRef(false);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    unmounted.current = false;
    return () => {
      // Closing it here fires `close` later; that is not the user closing the dialog.
      unmounted.current = true;
      if (dialog?.open) dialog.close();
      // The element that opened the dialog may have been re-rendered away (e.g. a hidden message).
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="hx-dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={() => {
        if (!unmounted.current) onClose();
      }}
    >
      <h2 id={titleId} className="hx-dialog__title">
        {title}
      </h2>
      {description ? (
        <div id={descriptionId} className="hx-dialog__description">
          {description}
        </div>
      ) : null}
      {children}
    </dialog>
  );
}

/** Asks why before a moderator acts: the reason is required and is shown to everyone affected. */
export function ReasonDialog({
  title,
  description,
  reasonLabel,
  reasonHint,
  requiredError,
  confirmLabel,
  maxLength,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: ReactNode;
  description?: ReactNode;
  reasonLabel: string;
  reasonHint?: ReactNode;
  requiredError: string;
  confirmLabel: string;
  maxLength: number;
  pending: boolean;
  error?: ReactNode;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  // The dialog exists to ask for this: start typing right away.
  useEffect(() => fieldRef.current?.focus(), []);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(!trimmed);
    if (trimmed) onConfirm(trimmed);
  };
  return (
    <Dialog title={title} description={description} onClose={onClose}>
      <form className="hx-form" onSubmit={onSubmit} noValidate>
        <TextAreaField
          label={reasonLabel}
          hint={reasonHint}
          value={reason}
          maxLength={maxLength}
          required
          textareaRef={fieldRef}
          error={missing ? requiredError : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            if (missing && event.target.value.trim()) setMissing(false);
          }}
        />
        {error ? (
          <p className="hx-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="hx-row hx-dialog__actions">
          <Button type="submit" variant="danger" disabled={pending}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
