// Mijn gegevens: a resident sees who is involved with them, who looked at their data, and their consents, and
// downloads it all. Every look is itself an export in the audit trail, so it shows up in the access log too.
import { graphql, save } from '../api.js';
import { busy, clear, field, h, notice, showErrors, table, today, valueOf } from '../dom.js';
import { formatDate, formatDateTime, label, t } from '../i18n.js';
import { failure, heading } from '../screen.js';

const QUERY = `{ myData {
  resident { displayName birthYear }
  household { address { postcode houseNumber houseNumberAddition } members { displayName birthYear role }
    coordinator { name }
    involvements { domain since professional { id name discipline } organisation { id name } team { name } } }
  accessLog { at action outcome who account organisation role purpose }
  consents { id purpose until status professional { name } organisation { name } } } }`;

export async function render(main) {
  const body = h('div');
  main.append(heading(t('nav.myData')), h('p', {}, t('myData.intro')), body);
  await load(body);
}

async function load(body, message) {
  clear(body, busy(t('myData.loading')));
  const data = (await graphql(QUERY)).myData;
  const { household } = data;
  const exportButton = h('button', { type: 'button', class: 'secondary', id: 'export-my-data' }, t('myData.export'));
  const exportStatus = h('div', { 'aria-live': 'polite' });
  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    clear(exportStatus, busy(t('myData.exporting')));
    try {
      const fresh = await graphql(QUERY);
      save(new Blob([JSON.stringify(fresh, null, 2)], { type: 'application/json' }), `nabij-mijn-gegevens-${today()}.json`);
      clear(exportStatus, notice('ok', h('p', {}, t('myData.exported'))));
    } catch (error) {
      clear(exportStatus, failure(error));
    } finally {
      exportButton.disabled = false;
    }
  });
  clear(body,
    message ? notice('ok', h('p', {}, message)) : null,
    h('p', {}, t('myData.you', { name: data.resident.displayName, year: data.resident.birthYear })),
    h('div', { class: 'actions' }, exportButton), exportStatus,
    h('h2', {}, t('myData.involved')),
    table(t('myData.involvedCaption', { count: household.involvements.length }),
      [t('myData.professional'), t('myData.organisation'), t('myData.domain'), t('myData.since')],
      household.involvements.map((i) => ({ cells: [`${i.professional.name} (${label('discipline', i.professional.discipline)})`,
        i.organisation.name, label('domain', i.domain), formatDate(i.since)] }))),
    h('p', {}, household.coordinator ? t('myData.coordinator', { name: household.coordinator.name }) : t('myData.noCoordinator')),
    h('h2', {}, t('myData.consents')),
    consents(data, household, body),
    h('h2', {}, t('myData.accessLog')),
    h('p', {}, t('myData.accessLogIntro')),
    table(t('myData.accessLogCaption', { count: data.accessLog.length }),
      [t('myData.when'), t('myData.who'), t('myData.account'), t('myData.organisation'), t('myData.what'), t('myData.outcome')],
      [...data.accessLog].reverse().map((record) => ({ cells: [formatDateTime(record.at), `${record.who} (${label('role', record.role)})`,
        record.account, record.organisation ?? '', `${label('action', record.action)} – ${label('purpose', record.purpose)}`, label('outcome', record.outcome)] }))));
}

function consents(data, household, body) {
  const recipients = new Map();
  for (const involvement of household.involvements) {
    recipients.set(`organisationId:${involvement.organisation.id}`, t('myData.toOrganisation', { name: involvement.organisation.name }));
    recipients.set(`professionalId:${involvement.professional.id}`, t('myData.toProfessional', { name: involvement.professional.name }));
  }
  const recipient = h('select', { required: true }, h('option', { value: '' }, t('form.choose')),
    [...recipients].sort((a, b) => a[1].localeCompare(b[1])).map(([value, text]) => h('option', { value }, text)));
  const purpose = h('input', { type: 'text', maxlength: '200', required: true });
  const nextYear = new Date();
  nextYear.setFullYear(nextYear.getFullYear() + 1);
  const until = h('input', { type: 'date', required: true, min: today(), value: nextYear.toISOString().slice(0, 10) });
  const summary = h('div', { class: 'notice error', role: 'alert', tabindex: '-1', hidden: true });
  const form = h('form', { class: 'panel', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    if (!recipient.value) {
      showErrors(form, summary, [{ field: 'professionalId', code: 'ONE_RECIPIENT', message: '' }]);
      return;
    }
    const [kind, id] = recipient.value.split(':');
    try {
      const answer = (await graphql(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { consent { id } errors { field code message } } }`,
        { input: { [kind]: id, purpose: valueOf(purpose) ?? '', until: until.value } })).grantConsent;
      showErrors(form, summary, answer.errors);
      if (!answer.errors.length) await load(body, t('myData.granted'));
    } catch (error) {
      summary.hidden = false;
      clear(summary, failure(error));
    }
  } }, h('h3', {}, t('myData.grant')), summary,
  field(t('myData.recipient'), recipient, { name: 'professionalId' }),
  field(t('myData.purpose'), purpose, { name: 'purpose', hint: t('myData.purposeHint') }),
  field(t('myData.until'), until, { name: 'until' }),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('myData.grantSubmit'))));
  return h('div', {},
    data.consents.length
      ? h('ul', { id: 'consents', class: 'list' }, data.consents.map((consent) => h('li', {},
        h('strong', {}, consent.professional?.name ?? consent.organisation?.name), `: ${consent.purpose} – `,
        t('myData.consentUntil', { date: formatDate(consent.until), status: label('consentStatus', consent.status) }), ' ',
        consent.status === 'ACTIVE' ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
          try {
            const answer = (await graphql('mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { consent { id } errors { field code message } } }',
              { input: { consentId: consent.id } })).withdrawConsent;
            if (answer.errors.length) {
              showErrors(form, summary, answer.errors);
              return;
            }
            await load(body, t('myData.withdrawn'));
          } catch (error) {
            summary.hidden = false;
            clear(summary, failure(error));
            summary.focus();
          }
        } }, t('myData.withdraw')) : null)))
      : h('p', {}, t('myData.noConsents')),
    form);
}
