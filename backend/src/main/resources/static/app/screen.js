// What every screen shows the same way: its heading, and a failed or refused call.
import { errorText, h, notice } from './dom.js';
import { t } from './i18n.js';

export function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

/**
 * A refusal says so plainly and shows nothing else; other failures say what the user can do, with "Opnieuw proberen"
 * when `retry` is given. The server's own message is never shown: it is English and not meant for users.
 */
export function failure(error, retry) {
  if (error.kind === 'forbidden') {
    return notice('error', h('h2', { id: 'no-access' }, t('noAccess.title')), h('p', {}, t('noAccess.text')));
  }
  if (error.kind === 'unauthorized') {
    return notice('error', h('p', {}, t('failure.unauthorized'), ' ', h('a', { href: '/sign-in', 'data-route': true }, t('nav.signIn'))));
  }
  const text = {
    network: 'failure.network', 'bad-request': 'failure.badRequest', throttled: 'failure.busy', busy: 'failure.busy',
  }[error.kind] ?? 'failure.other';
  const again = retry ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary retry', onclick: (event) => {
    event.target.disabled = true;
    retry();
  } }, t('failure.retry'))) : null;
  // A refused value names its field and a code the app words, e.g. a postcode that is no postcode.
  const detail = error.kind === 'bad-request' && error.code ? h('p', {}, errorText({ code: error.code })) : null;
  return notice('error', h('p', {}, t(text)), detail, again);
}
