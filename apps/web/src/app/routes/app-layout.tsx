import { useAuth, useSignOut } from '@helix/web/auth';
import { isModerator, LANGUAGES, LANGUAGE_STORAGE_KEY, useConnectionState } from '@helix/web/data-access';
import { DiscussionLive, MentionsNavLink } from '@helix/web/discussion';
import { InitiativesLive } from '@helix/web/initiatives/live';
import { PollsLive } from '@helix/web/polls';
import { Button, ConnectionBanner, HeaderMenu, Layout } from '@helix/web/ui';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = i18n.resolvedLanguage ?? 'en';
  return (
    <span className="hx-row">
      <label htmlFor={id}>{t('header.language')}</label>
      <select
        id={id}
        className="hx-lang-select"
        value={current}
        onChange={(event) => {
          void i18n.changeLanguage(event.target.value);
          localStorage.setItem(LANGUAGE_STORAGE_KEY, event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </span>
  );
}

function LiveConnection() {
  const state = useConnectionState();
  return <ConnectionBanner state={state} />;
}

/** Moves focus to the new page's main region so keyboard and screen-reader users start there. */
function useFocusMainOnNavigate(): void {
  const location = useLocation();
  useEffect(() => {
    document.getElementById('main-content')?.focus({ preventScroll: true });
  }, [location.pathname]);
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user, isSignedIn, isLoading } = useAuth();
  const signOut = useSignOut();
  const navigate = useNavigate();
  useFocusMainOnNavigate();

  const header = (
    <>
      <Link className="hx-header__brand" to={isSignedIn ? '/rooms' : '/sign-in'}>
        {t('app.name')}
      </Link>
      <div className="hx-header__tools">
        {isSignedIn ? (
          <nav aria-label={t('nav.main')} className="hx-header__nav">
            <Link to="/rooms">{t('rooms.title')}</Link>
            <Link to="/initiatives">{t('initiatives.nav')}</Link>
            <Link to="/outcome">{t('initiatives.outcomeNav')}</Link>
            {isModerator(user) ? <Link to="/people">{t('people.nav')}</Link> : null}
            {user?.roles.includes('admin') ? <Link to="/admin/outbox">{t('people.outbox')}</Link> : null}
          </nav>
        ) : null}
        {user || isLoading ? (
          <HeaderMenu label={t('header.menu')}>
            <LanguageSwitcher />
            {user ? (
              <>
                {/* In the menu, not the row: a phone's header keeps to one row of three links. */}
                <Link to="/search">{t('nav.search')}</Link>
                <MentionsNavLink />
                <Link to="/forums">{t('nav.forums')}</Link>
                <Link to="/profile">{t('profile.nav')}</Link>
                <span className="hx-header__user">{t('header.signedInAs', { name: user.displayName })}</span>
                <Button
                  variant="secondary"
                  size="small"
                  disabled={signOut.isPending}
                  onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in') })}
                >
                  {t('auth.signOut')}
                </Button>
              </>
            ) : null}
          </HeaderMenu>
        ) : (
          // Signed out, the row has room for it, and a visitor looks for the language first.
          <LanguageSwitcher />
        )}
      </div>
    </>
  );

  return (
    <Layout header={header} banner={isSignedIn ? <LiveConnection /> : null}>
      {isSignedIn ? (
        <>
          <DiscussionLive />
          <PollsLive />
          <InitiativesLive />
        </>
      ) : null}
      <Outlet />
    </Layout>
  );
}
