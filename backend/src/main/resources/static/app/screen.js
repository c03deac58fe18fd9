// What every screen shows the same way: its heading, and a failed or refused call.
import { h, notice } from './dom.js';
import { t } from './i18n.js';

export function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

/** A refusal says so plainly and shows nothing else; other failures say what the user can do. */
export function failure(error) {
  if (error.kind === 'forbidden') {
    return notice('error', h('h2', { id: 'no-access' }, t('noAccess.title')), h('p', {}, t('noAccess.text')));
  }
  if (error.kind === 'unauthorized') {
    return notice('error', h('p', {}, t('failure.unauthorized'), ' ', h('a', { href: '/sign-in', 'data-route': true }, t('nav.signIn'))));
  }
  if (error.kind === 'network') return notice('error', h('p', {}, t('failure.network')));
  if (error.kind === 'bad-request') return notice('error', h('p', {}, t('failure.badRequest')), h('p', { lang: 'en', class: 'muted' }, error.message));
  return notice('error', h('p', {}, t('failure.other')), h('p', { lang: 'en', class: 'muted' }, error.message));
}
