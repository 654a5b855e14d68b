import { useClientKey, useCurrentUser } from '@helix/web/data-access';
import { Spinner, useDocumentTitle } from '@helix/web/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCreateInitiative } from '../api/create-initiative';
import { useInitiative } from '../api/get-initiative';
import { useUpdateInitiative } from '../api/update-initiative';
import { draftFromInitiative, draftFromSearch, toRequest } from '../lib/initiative-draft';
import { InitiativeForm } from './initiative-form';

/** `/initiatives/new`, prefilled from `?roomId=&threadId=&messageId=&text=` when proposed from a message. */
export function NewInitiativePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('initiatives.form.newTitle'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: user } = useCurrentUser();
  const create = useCreateInitiative();
  // One key for this draft: a double click on Create the draft makes one.
  const clientKey = useClientKey();
  // The prefill is read once: typing must not be undone by a re-render.
  const initial = useMemo(() => draftFromSearch(params), [params]);

  if (!user) return <Spinner />;
  return (
    <>
      <p>
        <Link to="/initiatives">{t('initiatives.backToBoard')}</Link>
      </p>
      <h1>{t('initiatives.form.newTitle')}</h1>
      <p>{t('initiatives.form.intro')}</p>
      <InitiativeForm
        initial={initial}
        user={user}
        submitLabel={t('initiatives.form.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(draft) =>
          create.mutate(
            { ...toRequest(draft), clientId: clientKey.take() },
            {
              onSuccess: (initiative) => void navigate(`/initiatives/${initiative.id}`),
            },
          )
        }
      />
    </>
  );
}

/** `/initiatives/:id/edit`: the proposer edits a draft. */
export function EditInitiativePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('initiatives.form.editTitle'));
  const { initiativeId = '' } = useParams();
  const navigate = useNavigate();
  const { data: user } = useCurrentUser();
  const initiative = useInitiative(initiativeId, () => false);
  const update = useUpdateInitiative(initiativeId);

  if (!user || initiative.isPending) return <Spinner />;
  if (initiative.isError) {
    return (
      <p role="alert" className="hx-error">
        {t('initiatives.page.loadFailed')}
      </p>
    );
  }
  const data = initiative.data;
  const back = (
    <p>
      <Link to={`/initiatives/${data.id}`}>{t('initiatives.form.backToInitiative')}</Link>
    </p>
  );
  if (data.proposer.id !== user.id || data.status !== 'draft') {
    return (
      <>
        {back}
        <p role="alert">
          {data.status !== 'draft' ? t('initiatives.form.notEditable') : t('initiatives.form.onlyProposer')}
        </p>
      </>
    );
  }
  return (
    <>
      {back}
      <h1>{t('initiatives.form.editTitle')}</h1>
      <InitiativeForm
        initial={draftFromInitiative(data)}
        user={user}
        submitLabel={t('common.save')}
        pending={update.isPending}
        error={update.error}
        onSubmit={(draft) => {
          const { source: _source, ...changes } = toRequest(draft);
          update.mutate(
            { ...changes, partners: changes.partners ?? [] },
            { onSuccess: () => void navigate(`/initiatives/${data.id}`) },
          );
        }}
      />
    </>
  );
}
