// Signing in: at the municipality's identity provider when the operator configured one, or with a built-in account,
// whose password the API itself checks. Either way the API answers with a session; the app keeps no credentials.
import { signIn } from '../api.js';
import { append, busy, field, h, notice } from '../dom.js';
import { t } from '../i18n.js';
import { identityProvider, startSignIn } from '../oidc.js';
import { failure, heading } from '../screen.js';
import { navigate, startSession } from '../shell.js';

/** Where to go after signing in: only an address of this app, never another site. */
export function afterSignIn(next) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** What went wrong at the identity provider, in words the user can act on. */
export function providerProblem(error, provider) {
  const name = provider?.name ?? '';
  const texts = {
    unreachable: () => t('oidc.unreachable', { name }),
    denied: () => t('oidc.denied', { name }),
    refused: () => t('oidc.refused', { name, code: error.message }),
    state: () => t('oidc.state', { name }),
    token: () => t('oidc.token', { name }),
    unauthorized: () => t('oidc.notAccepted', { name }),
  };
  return texts[error.kind] ? notice('error', h('p', {}, texts[error.kind]())) : failure(error);
}

/** `problem`: a notice about a sign-in at the identity provider that did not succeed. */
export async function render(main, { params, problem }) {
  const provider = await identityProvider();
  const expired = params.get('expired') && !problem ? notice('warn', h('p', {}, t('signIn.expired'))) : null;
  const message = h('div', { id: 'sign-in-message' }, problem, expired);
  const accountMessage = h('div');
  const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, t('signIn.submit'));
  const form = h('form', { class: 'panel', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    message.replaceChildren();
    accountMessage.replaceChildren();
    if (!username.value || !password.value) {
      accountMessage.append(notice('error', h('p', {}, t('signIn.missing'))));
      return;
    }
    submit.disabled = true;
    try {
      await signIn(username.value.trim(), password.value);
      await startSession();
      navigate(afterSignIn(params.get('next')), { replace: true });
    } catch (error) {
      accountMessage.append(signInProblem(error));
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  } },
  field(t('signIn.username'), username),
  field(t('signIn.password'), password),
  h('div', { class: 'actions' }, submit));
  // append() leaves out what is null; Element.append would write it as the text "null".
  append(main, [heading(t('signIn.title')),
    h('p', {}, provider ? t('signIn.introWithProvider', { name: provider.name }) : t('signIn.intro')),
    message,
    provider ? providerPanel(provider, { message, accountMessage }, params) : null,
    provider ? h('h2', {}, t('signIn.withAccount')) : null,
    accountMessage,
    form,
    h('p', { class: 'muted' }, t('signIn.identityProvider')),
    h('p', {}, h('a', { href: '/volunteer/register', 'data-route': true }, t('signIn.volunteer')))]);
}

/** A wrong password, or too many: after a few the API makes the next attempt wait, and later locks for a while. */
function signInProblem(error) {
  if (error.kind === 'unauthorized') return notice('error', h('p', {}, t('signIn.wrong')));
  if (error.kind === 'throttled') return notice('error', h('p', {}, t('signIn.throttled', { seconds: error.retryAfter })));
  if (error.kind === 'busy') return notice('error', h('p', {}, t('signIn.busy')));
  return failure(error);
}

function providerPanel(provider, { message, accountMessage }, params) {
  const status = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', id: 'sign-in-provider', onclick: async () => {
    message.replaceChildren();
    accountMessage.replaceChildren();
    button.disabled = true;
    status.replaceChildren(busy(t('signIn.toProvider', { name: provider.name })));
    try {
      await startSignIn(provider, afterSignIn(params.get('next')));
    } catch (error) {
      status.replaceChildren();
      message.append(providerProblem(error, provider));
      button.disabled = false;
      button.focus();
    }
  } }, t('signIn.withProvider', { name: provider.name }));
  return h('div', { class: 'panel' }, h('div', { class: 'actions' }, button), status);
}
