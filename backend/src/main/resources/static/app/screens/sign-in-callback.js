// Back from the identity provider: finish the sign-in and go where the user was headed, or show the sign-in screen
// with what went wrong, so they can try again or use a built-in account.
import { signInWithToken } from '../api.js';
import { busy, clear } from '../dom.js';
import { t } from '../i18n.js';
import { CALLBACK, finishSignIn, identityProvider, OidcError } from '../oidc.js';
import { heading } from '../screen.js';
import { navigate, startSession } from '../shell.js';
import { afterSignIn, providerProblem, render as renderSignIn } from './sign-in.js';

export async function render(main, { params }) {
  // The code works once; it has no place in the history or in a bookmark.
  history.replaceState(null, '', CALLBACK);
  main.append(heading(t('signIn.title')), busy(t('signIn.finishing')));
  const provider = await identityProvider();
  try {
    if (!provider) throw new OidcError('unreachable', 'no identity provider configured');
    const { accessToken, next } = await finishSignIn(provider, params);
    await signInWithToken(accessToken);
    await startSession();
    navigate(afterSignIn(next), { replace: true });
  } catch (error) {
    history.replaceState(null, '', '/sign-in');
    clear(main);
    await renderSignIn(main, { params: new URLSearchParams(), problem: providerProblem(error, provider) });
  }
}
