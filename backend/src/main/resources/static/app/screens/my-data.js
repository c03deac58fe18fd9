// Mijn gegevens: a resident sees their address and household, who is involved with them and for whom, who looked at
// their data (page by page, in words), and their consents, and downloads it all. Every look at this page is itself an
// export in the audit trail, so it shows up in the access log too. The texts are plain Dutch at level B1.
import { graphql, save } from '../api.js';
import { busy, clear, field, h, notice, showErrors, table, today, valueOf } from '../dom.js';
import { formatDate, label, language, t } from '../i18n.js';
import { failure, heading } from '../screen.js';

const PAGE_SIZE = 20;
const FIELDS = `
  resident { id displayName birthYear }
  household { address { postcode houseNumber houseNumberAddition } neighbourhood { name }
    members { id displayName birthYear role }
    coordinator { name }
    involvements { domain since resident { id displayName } professional { id name discipline } organisation { id name } team { name } } }
  consents { id purpose until status professional { name } organisation { name } }`;
const QUERY = `{ myData { ${FIELDS} } }`;
/** The download holds everything, the whole access log too. */
const EXPORT = `{ myData { ${FIELDS} accessLog { at action outcome who account organisation role purpose } } }`;

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
      const fresh = await graphql(EXPORT);
      save(new Blob([JSON.stringify(fresh, null, 2)], { type: 'application/json' }), `nabij-mijn-gegevens-${today()}.json`);
      clear(exportStatus, notice('ok', h('p', {}, t('myData.exported'))));
    } catch (error) {
      clear(exportStatus, failure(error));
    } finally {
      exportButton.disabled = false;
    }
  });
  const log = h('div', { id: 'access-log' });
  clear(body,
    message ? notice('ok', h('p', {}, message)) : null,
    h('p', {}, t('myData.you', { name: data.resident.displayName, year: data.resident.birthYear })),
    h('div', { class: 'actions' }, exportButton), exportStatus,
    h('h2', {}, t('resident.homeTitle')),
    home(data.resident, household),
    h('h2', {}, t('myData.involved')),
    h('p', {}, t('resident.involvedIntro')),
    table(t('myData.involvedCaption', { count: household.involvements.length }),
      [t('myData.professional'), t('myData.organisation'), t('resident.forWhom'), t('myData.domain'), t('myData.since')],
      household.involvements.map((i) => ({ attributes: { class: 'involvement' }, cells: [
        `${i.professional.name} (${label('discipline', i.professional.discipline)})`,
        i.team ? t('resident.viaTeam', { organisation: i.organisation.name, team: i.team.name }) : i.organisation.name,
        forWhom(i, data.resident), label('domain', i.domain), formatDate(i.since)] }))),
    h('p', {}, household.coordinator ? t('myData.coordinator', { name: household.coordinator.name }) : t('myData.noCoordinator')),
    h('h2', {}, t('myData.consents')),
    consents(data, household, body),
    h('h2', { id: 'access-log-title' }, t('myData.accessLog')),
    h('p', {}, t('resident.accessLogIntro')),
    log);
  await accessLog(log, 0);
}

/** The resident's address and the people they live with, as far as Nabij holds them. */
function home(resident, household) {
  const { address } = household;
  const postcode = `${address.postcode.slice(0, 4)} ${address.postcode.slice(4)}`;
  const number = `${address.houseNumber}${address.houseNumberAddition ? ` ${address.houseNumberAddition}` : ''}`;
  const others = household.members.filter((member) => member.id !== resident.id);
  return h('div', { id: 'my-home' },
    h('p', {}, t('resident.address', { postcode, number, neighbourhood: household.neighbourhood.name })),
    others.length
      ? h('div', {}, h('p', {}, t('resident.livesWith', { count: others.length })),
        h('ul', { id: 'household-members', class: 'list' }, others.map((member) => h('li', {},
          t('resident.member', { name: member.displayName, year: member.birthYear, role: label('memberRole', member.role) })))))
      : h('p', {}, t('resident.livesAlone')));
}

/** Whom an involvement concerns, in words: the resident, another member by name, or the whole household. */
function forWhom(involvement, resident) {
  if (!involvement.resident) return t('resident.forHousehold');
  if (involvement.resident.id === resident.id) return t('resident.forYou');
  return involvement.resident.displayName;
}

/** One page of the access log, newest first, each access as a sentence, with buttons to the newer and older ones. */
async function accessLog(container, offset) {
  clear(container, busy(t('resident.logLoading')));
  let page;
  try {
    page = (await graphql(`query($first: Int!, $offset: Int!) { myAccessLog(first: $first, offset: $offset) {
      totalCount offset records { at action outcome who organisation role purpose } } }`, { first: PAGE_SIZE, offset })).myAccessLog;
  } catch (error) {
    clear(container, failure(error));
    return;
  }
  const pages = Math.max(1, Math.ceil(page.totalCount / PAGE_SIZE));
  const current = Math.floor(offset / PAGE_SIZE) + 1;
  const turn = async (to) => {
    await accessLog(container, to);
    container.querySelector('#access-log-status').focus();
  };
  clear(container,
    h('p', { id: 'access-log-status', tabindex: '-1' }, t('resident.logPage', {
      from: page.totalCount ? offset + 1 : 0, to: offset + page.records.length, total: page.totalCount, page: current, pages })),
    h('ol', { id: 'access-log-list', class: 'list access-log', start: offset + 1 }, page.records.map((record) => h('li', {}, accessSentence(record)))),
    h('nav', { class: 'actions pager', 'aria-label': t('resident.logPager') },
      h('button', { type: 'button', class: 'secondary', id: 'log-newer', disabled: offset === 0, onclick: () => turn(Math.max(0, offset - PAGE_SIZE)) }, t('resident.newer')),
      h('button', { type: 'button', class: 'secondary', id: 'log-older', disabled: current >= pages, onclick: () => turn(offset + PAGE_SIZE) }, t('resident.older'))));
}

const ACTIONS = ['READ', 'SEARCH', 'EXPORT', 'CHANGE'];

/**
 * "Petra Visser van Wijkteam Haven bekeek uw gezin op 3 december 2026 om 10:15"; the resident's own as "U zelf …".
 * Why, when the purpose has a text; a purpose without one is left out rather than shown as a code.
 */
export function accessSentence(record) {
  const own = record.role === 'RESIDENT';
  const person = record.role === record.who ? label('role', record.who) : record.who;
  const who = own ? t('resident.yourself') : record.organisation ? t('resident.whoOf', { who: person, organisation: record.organisation }) : person;
  const at = new Date(record.at);
  const date = new Intl.DateTimeFormat(language(), { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat(language(), { hour: '2-digit', minute: '2-digit' }).format(at);
  const verb = record.outcome === 'DENIED' ? t('resident.did.DENIED')
    : t(`resident.did.${ACTIONS.includes(record.action) ? record.action : 'READ'}`);
  const purposeKey = `purpose.${record.purpose}`;
  const why = t(purposeKey);
  return [t('resident.sentence', { who, verb, date, time }),
    why === purposeKey ? null : h('span', { class: 'muted' }, ` ${t('resident.why', { why })}`)];
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
        consent.status === 'ACTIVE' ? withdrawal(consent, form, summary, body) : null)))
      : h('p', {}, t('myData.noConsents')),
    form);
}

/**
 * Withdrawing asks first: the button opens a question with the consequence in words, and only "Ja, intrekken"
 * withdraws. "Nee" leaves everything as it was and gives the focus back to the button.
 */
function withdrawal(consent, form, summary, body) {
  const place = h('span', { class: 'withdrawal' });
  const ask = h('button', { type: 'button', class: 'secondary ask-withdraw', onclick: () => {
    const question = h('div', { class: 'notice warn confirm', role: 'group', 'aria-labelledby': `withdraw-${consent.id}` },
      h('p', { id: `withdraw-${consent.id}`, tabindex: '-1' }, t('resident.withdrawQuestion', { name: consent.professional?.name ?? consent.organisation?.name })),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'danger confirm-withdraw', onclick: async (event) => {
          event.target.disabled = true;
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
        } }, t('resident.withdrawYes')),
        h('button', { type: 'button', class: 'secondary keep-consent', onclick: () => {
          clear(place, ask);
          ask.focus();
        } }, t('resident.withdrawNo'))));
    clear(place, question);
    question.querySelector('p').focus();
  } }, t('myData.withdraw'));
  place.append(ask);
  return place;
}
