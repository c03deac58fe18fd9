// Aanmelden als vrijwilliger: the public registration form, no account needed. The answer's personal link is shown
// once, to keep.
import { publicGraphql } from '../api.js';
import { choice, field, h, notice, showErrors, valueOf } from '../dom.js';
import { label, t } from '../i18n.js';
import { failure, heading } from '../screen.js';
import { offerChoices } from './volunteer-offers.js';

const CATEGORIES = ['NEIGHBOURHOOD_WORKER', 'VOLUNTEER', 'TRUSTED_PERSON', 'CITIZEN_INITIATIVE'];

export async function render(main) {
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'name', required: true, maxlength: '100' });
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', maxlength: '254' });
  const phone = h('input', { type: 'tel', name: 'phone', autocomplete: 'tel', maxlength: '20' });
  const postcode = h('input', { type: 'text', name: 'postcode', autocomplete: 'postal-code', required: true, maxlength: '7' });
  const placeName = h('input', { type: 'text', name: 'placeName', required: true, maxlength: '100' });
  const category = h('select', { name: 'category', required: true }, CATEGORIES.map((value) => h('option', { value }, label('detail', value))));
  const offers = offerChoices();
  const availability = h('textarea', { name: 'availability', rows: '2', maxlength: '200' });
  const consent = h('input', { type: 'checkbox', name: 'consent', required: true });
  // A field people do not see (display: none keeps it from screen readers and the keyboard too); bots fill it in.
  const website = h('input', { type: 'text', name: 'website', tabindex: '-1', autocomplete: 'off' });
  const summary = h('div', { class: 'notice error', role: 'alert', tabindex: '-1', hidden: true });
  const result = h('div');
  const submit = h('button', { type: 'submit' }, t('volunteer.submit'));
  const form = h('form', { novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const data = await publicGraphql(`mutation($input: RegisterAsVolunteerInput!) { registerAsVolunteer(input: $input) {
        registration { id status neighbourhoodName } personalLink confirmationMailed errors { field code message } } }`, { input: {
        name: valueOf(name) ?? '', email: valueOf(email), phone: valueOf(phone), postcode: valueOf(postcode) ?? '',
        proposedPlace: { name: valueOf(placeName) ?? '', category: category.value },
        offers: offers.chosen(), availability: valueOf(availability), consentToBeContacted: consent.checked,
        website: website.value,
      } });
      const answer = data.registerAsVolunteer;
      showErrors(form, summary, answer.errors);
      if (!answer.errors.length) {
        form.remove();
        result.append(registered(answer));
        result.querySelector('h2').focus();
      }
    } catch (error) {
      result.replaceChildren(failure(error));
    } finally {
      submit.disabled = false;
    }
  } },
  summary,
  h('h2', {}, t('volunteer.you')),
  field(t('volunteer.name'), name, { name: 'name' }),
  h('div', { class: 'row' },
    field(t('volunteer.email'), email, { name: 'email', hint: t('volunteer.contactHint') }),
    field(t('volunteer.phone'), phone, { name: 'phone' })),
  field(t('volunteer.postcode'), postcode, { name: 'postcode', hint: t('volunteer.postcodeHint') }),
  h('h2', {}, t('volunteer.place')),
  h('p', {}, t('volunteer.placeIntro')),
  h('div', { class: 'row' },
    field(t('volunteer.placeName'), placeName, { name: 'proposedPlace.name' }),
    field(t('volunteer.category'), category, { name: 'proposedPlace.category' })),
  h('h2', {}, t('volunteer.offer')),
  offers.fieldset,
  field(t('volunteer.availability'), availability, { name: 'availability', hint: t('volunteer.availabilityHint') }),
  h('div', { class: 'honeypot', 'aria-hidden': 'true' }, field(t('volunteer.website'), website, { name: 'website' })),
  h('div', { class: 'field' }, choice(t('volunteer.consent'), consent, { name: 'consentToBeContacted' })),
  h('div', { class: 'actions' }, submit));
  main.append(heading(t('nav.register')), h('p', {}, t('volunteer.intro')), form, result);
}

function registered(answer) {
  // The link is the mail's address; shown here for the address this browser uses, which is where it works.
  const link = new URL(answer.personalLink);
  const here = `${location.origin}${link.pathname}${link.search}`;
  return h('div', { id: 'registered' },
    notice('ok', h('h2', { tabindex: '-1' }, t('volunteer.thanks')),
      h('p', {}, answer.confirmationMailed ? t('volunteer.mailed') : t('volunteer.notMailed'))),
    h('h2', {}, t('volunteer.personalLink')),
    h('p', {}, t('volunteer.personalLinkIntro')),
    h('p', {}, h('a', { id: 'personal-link', class: 'code', href: here }, here)));
}
