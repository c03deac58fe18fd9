// The page of the confirmation link a volunteer gets by mail: confirms the registration with its one-time token.
import { publicGraphql } from '../api.js';
import { h, notice } from '../dom.js';
import { t } from '../i18n.js';
import { heading } from '../screen.js';

export async function render(main, { params }) {
  main.append(heading(t('confirm.title')));
  const token = params.get('token');
  if (!token) {
    main.append(notice('error', h('p', {}, t('confirm.noToken'))));
    return;
  }
  const data = await publicGraphql(`mutation($token: String!) { confirmVolunteerRegistration(input: {token: $token}) {
    registration { name status neighbourhoodName } errors { code message } } }`, { token });
  const answer = data.confirmVolunteerRegistration;
  main.append(answer.errors.length
    ? notice('error', h('p', { id: 'confirm-result' }, t('confirm.failed')))
    : notice('ok', h('p', { id: 'confirm-result' }, t('confirm.done', { name: answer.registration.name, neighbourhood: answer.registration.neighbourhoodName }))));
}
