// Signing in with a built-in account. The password is checked by the API itself; the app keeps the credentials for
// this tab only.
import { signIn } from '../api.js';
import { field, h, notice } from '../dom.js';
import { t } from '../i18n.js';
import { failure, heading } from '../screen.js';
import { navigate, startSession } from '../shell.js';

export async function render(main, { params }) {
  const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const message = h('div');
  const submit = h('button', { type: 'submit' }, t('signIn.submit'));
  const form = h('form', { class: 'panel', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    message.replaceChildren();
    if (!username.value || !password.value) {
      message.append(notice('error', h('p', {}, t('signIn.missing'))));
      return;
    }
    submit.disabled = true;
    try {
      await signIn(username.value.trim(), password.value);
      await startSession();
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (error) {
      message.append(error.kind === 'unauthorized'
        ? notice('error', h('p', {}, t('signIn.wrong')))
        : failure(error));
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  } },
  field(t('signIn.username'), username),
  field(t('signIn.password'), password),
  h('div', { class: 'actions' }, submit));
  main.append(heading(t('signIn.title')), h('p', {}, t('signIn.intro')), message, form,
    h('p', { class: 'muted' }, t('signIn.identityProvider')),
    h('p', {}, h('a', { href: '/volunteer/register', 'data-route': true }, t('signIn.volunteer'))));
}
