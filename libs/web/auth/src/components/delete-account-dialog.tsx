import { Button, TextField } from '@helix/web/ui';
import { Dialog } from '@helix/web/ui/dialog';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteAccount } from '../api/profile';

/** Confirms the deletion with the password: nothing about it can be undone. */
export function DeleteAccountDialog({ onClose, onDeleted }: { onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteAccount();
  const [password, setPassword] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (password) remove.mutate(password, { onSuccess: onDeleted });
  };
  return (
    <Dialog
      title={t('profile.deleteTitle')}
      description={<p>{t('profile.deleteExplained')}</p>}
      onClose={onClose}
    >
      <form className="hx-form" onSubmit={onSubmit}>
        <TextField
          label={t('profile.deletePassword')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={remove.error ? remove.error.message : undefined}
        />
        <div className="hx-row hx-dialog__actions">
          <Button type="submit" variant="danger" disabled={remove.isPending || !password}>
            {t('profile.deleteConfirm')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
