// Vrijwilligers: the team lead's review queue. Approve (with the day a VOG was seen) or reject with a reason, then
// connect an approved volunteer's place to the team.
import { graphql } from '../api.js';
import { announce, append, busy, choice, clear, errorText, field, group, h, notice, showErrors, valueOf } from '../dom.js';
import { formatDate, formatDateTime, label, t } from '../i18n.js';
import { failure, heading } from '../screen.js';
import { offerList } from './volunteer-offers.js';

const STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'UNCONFIRMED'];
const FIELDS = 'id name email phone neighbourhoodName place { name category status } offers availability status createdAt rejectionReason vogCheckedOn connected';

export async function render(main) {
  const list = h('div', { id: 'review-queue' });
  const radios = STATUSES.map((status) => h('input', { type: 'radio', name: 'status', value: status, checked: status === 'PENDING' }));
  const load = async () => {
    const status = radios.find((radio) => radio.checked).value;
    clear(list, busy(t('review.loading')));
    try {
      const data = await graphql(`query($status: String!) { volunteerReviewQueue(status: $status, first: 50) { edges { node { ${FIELDS} } } } }`, { status });
      const registrations = data.volunteerReviewQueue.edges.map((edge) => edge.node);
      clear(list, registrations.length ? registrations.map((registration) => item(registration)) : h('p', {}, t('review.empty')));
    } catch (error) {
      clear(list, failure(error));
    }
  };
  for (const radio of radios) radio.addEventListener('change', load);
  main.append(heading(t('nav.volunteers')), h('p', {}, t('review.intro')),
    group(t('review.show'), radios.map((radio) => choice(label('registrationStatus', radio.value), radio))), list);
  await load();
}

function item(registration) {
  const article = h('article', { class: 'item', dataset: { registrationId: registration.id }, 'aria-labelledby': `registration-${registration.id}` });
  const replace = (fresh, message) => {
    const next = item(fresh);
    article.replaceWith(next);
    next.querySelector('.review-message').append(notice('ok', h('p', {}, message)));
    announce(message);
    next.querySelector('h2').focus();
  };
  append(article, [
    h('h2', { id: `registration-${registration.id}`, tabindex: '-1' }, registration.name),
    h('p', { class: 'registration-status' }, h('strong', {}, label('registrationStatus', registration.status)),
      registration.connected ? ` · ${t('review.connected')}` : '',
      registration.vogCheckedOn ? ` · ${t('review.vog', { date: formatDate(registration.vogCheckedOn) })}` : ''),
    h('ul', { class: 'list' },
      h('li', {}, t('review.contact', { contact: [registration.email, registration.phone].filter(Boolean).join(', ') })),
      h('li', {}, t('review.neighbourhood', { name: registration.neighbourhoodName })),
      registration.place ? h('li', {}, t('review.place', { name: registration.place.name, category: label('detail', registration.place.category) })) : null,
      h('li', {}, t('review.offers', { offers: offerList(registration.offers) })),
      registration.availability ? h('li', {}, t('review.availability', { text: registration.availability })) : null,
      h('li', {}, t('review.registered', { when: formatDateTime(registration.createdAt) })),
      registration.rejectionReason ? h('li', {}, t('review.reason', { text: registration.rejectionReason })) : null),
    h('div', { class: 'review-message', 'aria-live': 'polite' }),
    actions(registration, replace)]);
  return article;
}

function decide(operation, input) {
  return graphql(`mutation($input: VolunteerDecisionInput!) { ${operation}(input: $input) {
    registration { ${FIELDS} } errors { field code message } } }`, { input }).then((data) => data[operation]);
}

function decisionForm(controls, submit, run) {
  const summary = h('div', { class: 'notice error', role: 'alert', tabindex: '-1', hidden: true });
  const form = h('form', { class: 'panel', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    try {
      showErrors(form, summary, await run());
    } catch (error) {
      summary.hidden = false;
      clear(summary, failure(error));
    }
  } }, summary, controls, h('div', { class: 'actions' }, submit));
  return form;
}

function actions(registration, replace) {
  if (registration.status === 'PENDING') {
    const vog = h('input', { type: 'date', name: 'vogCheckedOn' });
    const reason = h('textarea', { rows: '2', maxlength: '500', name: 'reason' });
    return h('div', { class: 'two-columns' },
      decisionForm([field(t('review.vogDate'), vog, { name: 'vogCheckedOn', hint: t('review.vogHint') })],
        h('button', { type: 'submit', class: 'approve' }, t('review.approve')), async () => {
          const answer = await decide('approveVolunteer', { registrationId: registration.id, vogCheckedOn: vog.value || null });
          if (!answer.errors.length) replace(answer.registration, t('review.approved', { name: registration.name }));
          return answer.errors;
        }),
      decisionForm([field(t('review.rejectReason'), reason, { name: 'reason', hint: t('review.rejectHint') })],
        h('button', { type: 'submit', class: 'danger reject' }, t('review.reject')), async () => {
          const answer = await decide('rejectVolunteer', { registrationId: registration.id, reason: valueOf(reason) });
          if (!answer.errors.length) replace(answer.registration, t('review.rejected', { name: registration.name }));
          return answer.errors;
        }));
  }
  if (registration.status === 'UNCONFIRMED') {
    // Only an administrator may make a new confirmation link (it is a key to the registration): the team lead learns
    // what to do and whom to ask, with the registration's name to pass on.
    return notice('info', h('p', { class: 'unconfirmed-action' }, t('review.unconfirmedAction', { name: registration.name })));
  }
  if (registration.status === 'APPROVED' && !registration.connected) {
    const message = h('div');
    return h('div', {}, message, h('button', { type: 'button', class: 'connect', onclick: async (event) => {
      event.target.disabled = true;
      try {
        const answer = await decide('connectVolunteerToTeam', { registrationId: registration.id });
        if (answer.errors.length) clear(message, notice('error', h('p', {}, answer.errors.map(errorText).join(' '))));
        else replace(answer.registration, t('review.connectedDone', { name: registration.name }));
      } catch (error) {
        clear(message, failure(error));
      } finally {
        event.target.disabled = false;
      }
    } }, t('review.connect')));
  }
  return null;
}
