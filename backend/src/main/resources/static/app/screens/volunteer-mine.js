// The page of a volunteer's personal link: see, correct or delete the registration, without an account.
import { publicGraphql } from '../api.js';
import { clear, facts, field, h, notice, showErrors, valueOf } from '../dom.js';
import { formatDateTime, label, t } from '../i18n.js';
import { failure, heading } from '../screen.js';
import { offerChoices, offerList } from './volunteer-offers.js';

const FIELDS = 'id name email phone neighbourhoodName place { name category status } offers availability status createdAt rejectionReason connected';

export async function render(main, { params }) {
  main.append(heading(t('mine.title')));
  const token = params.get('token');
  const body = h('div');
  main.append(body);
  if (!token) {
    body.append(notice('error', h('p', {}, t('mine.noToken'))));
    return;
  }
  const data = await publicGraphql(`query($token: String!) { volunteerRegistration(token: $token) { ${FIELDS} } }`, { token });
  if (!data.volunteerRegistration) {
    body.append(notice('error', h('p', {}, t('mine.unknown'))));
    return;
  }
  show(body, token, data.volunteerRegistration);
}

function show(body, token, registration) {
  const name = h('input', { type: 'text', value: registration.name, autocomplete: 'name' });
  const email = h('input', { type: 'email', value: registration.email ?? '', autocomplete: 'email' });
  const phone = h('input', { type: 'tel', value: registration.phone ?? '', autocomplete: 'tel' });
  const offers = offerChoices(registration.offers);
  const availability = h('textarea', { rows: '2', maxlength: '200' });
  availability.value = registration.availability ?? '';
  const summary = h('div', { class: 'notice error', role: 'alert', tabindex: '-1', hidden: true });
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    try {
      const data = await publicGraphql(`mutation($input: UpdateVolunteerRegistrationInput!) { updateVolunteerRegistration(input: $input) {
        registration { ${FIELDS} } errors { field code message } } }`, { input: {
        token, name: valueOf(name), email: valueOf(email), phone: valueOf(phone), offers: offers.chosen(), availability: valueOf(availability),
      } });
      const answer = data.updateVolunteerRegistration;
      showErrors(form, summary, answer.errors);
      if (!answer.errors.length) {
        show(body, token, answer.registration);
        body.querySelector('[aria-live]').append(notice('ok', h('p', {}, t('mine.saved'))));
      }
    } catch (error) {
      clear(message, failure(error));
    }
  } },
  h('h2', {}, t('mine.correct')), summary,
  field(t('volunteer.name'), name, { name: 'name' }),
  h('div', { class: 'row' }, field(t('volunteer.email'), email, { name: 'email' }), field(t('volunteer.phone'), phone, { name: 'phone' })),
  offers.fieldset,
  field(t('volunteer.availability'), availability, { name: 'availability' }),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('mine.save'))));
  const remove = h('button', { type: 'button', class: 'danger', onclick: async () => {
    if (!window.confirm(t('mine.confirmDelete'))) return;
    const data = await publicGraphql('mutation($token: String!) { deleteVolunteerRegistration(input: {token: $token}) { deleted } }', { token });
    clear(body, notice(data.deleteVolunteerRegistration.deleted ? 'ok' : 'error',
      h('p', {}, t(data.deleteVolunteerRegistration.deleted ? 'mine.deleted' : 'mine.unknown'))));
  } }, t('mine.delete'));
  clear(body,
    message,
    facts([
      [t('mine.status'), label('registrationStatus', registration.status), { id: 'registration-status' }],
      [t('mine.neighbourhood'), registration.neighbourhoodName],
      [t('volunteer.place'), registration.place ? `${registration.place.name} (${label('detail', registration.place.category)})` : '–'],
      [t('mine.registered'), formatDateTime(registration.createdAt)],
    ], { small: true }),
    registration.rejectionReason ? notice('warn', h('p', {}, t('mine.rejected')), h('p', {}, registration.rejectionReason)) : null,
    h('p', {}, t('mine.offers', { offers: offerList(registration.offers) })),
    form,
    h('h2', {}, t('mine.deleteTitle')), h('p', {}, t('mine.deleteIntro')), remove);
}
