// Bevestigingslinks: the administrator hands a volunteer without mail their confirmation link. Each link is made new on
// request (the old one stops working), shown once, and the making is recorded in the audit trail by the API.
import { graphql } from '../api.js';
import { busy, clear, errorText, h, notice } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { failure, heading } from '../screen.js';

export async function render(main) {
  const list = h('div', { id: 'unconfirmed-registrations' });
  main.append(heading(t('nav.volunteerLinks')), h('p', {}, t('links.intro')), list);
  clear(list, busy(t('links.loading')));
  try {
    const { unconfirmedVolunteerRegistrations: registrations } = await graphql('{ unconfirmedVolunteerRegistrations { id name email phone confirmBefore } }');
    clear(list, registrations.length ? registrations.map(item) : h('p', {}, t('links.empty')));
  } catch (error) {
    clear(list, failure(error));
  }
}

function item(registration) {
  const result = h('div', { class: 'link-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'issue-link', onclick: async () => {
    button.disabled = true;
    try {
      const answer = (await graphql(`mutation($input: IssueVolunteerConfirmationLinkInput!) { issueVolunteerConfirmationLink(input: $input) {
        confirmationLink confirmBefore errors { field code message } } }`, { input: { registrationId: registration.id } })).issueVolunteerConfirmationLink;
      if (answer.errors.length) {
        clear(result, notice('error', h('p', {}, answer.errors.map(errorText).join(' '))));
        return;
      }
      const link = h('input', { type: 'text', readonly: true, value: answer.confirmationLink, class: 'confirmation-link', 'aria-label': t('links.linkLabel', { name: registration.name }) });
      const copied = h('span', { 'aria-live': 'polite' });
      clear(result, notice('ok',
        h('p', { tabindex: '-1' }, t('links.issued', { name: registration.name, until: formatDateTime(answer.confirmBefore) })),
        link,
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: async () => {
          link.select();
          try {
            await navigator.clipboard.writeText(link.value);
            copied.textContent = t('links.copied');
          } catch (refused) {
            copied.textContent = t('links.copyByHand');
          }
        } }, t('links.copy')), copied),
        h('p', { class: 'muted' }, t('links.once')),
        // The link's address is the configured public one (nabij.volunteer.public-url); one that differs from where
        // this app is open usually means the setting was left at its default.
        new URL(answer.confirmationLink).origin === location.origin
          ? null : h('p', { class: 'other-origin' }, t('links.otherOrigin', { origin: new URL(answer.confirmationLink).origin }))));
      result.querySelector('p').focus();
    } catch (error) {
      clear(result, failure(error));
    } finally {
      button.disabled = false;
    }
  } }, t('links.issue'));
  return h('article', { class: 'item', dataset: { registrationId: registration.id } },
    h('h2', {}, registration.name),
    h('ul', { class: 'list' },
      h('li', {}, t('links.contact', { contact: [registration.email, registration.phone].filter(Boolean).join(', ') || t('links.noContact') })),
      h('li', {}, t('links.confirmBefore', { when: formatDateTime(registration.confirmBefore) }))),
    h('div', { class: 'actions' }, button), result);
}
