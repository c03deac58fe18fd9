// Toekenningen: the administrator's list of grants that wait for a second administrator (docs/explanation/separation-of-duties.md).
// Approve another administrator's request, or reject any, your own included; the API refuses approving your own.
import { graphql } from '../api.js';
import { announce, append, busy, choice, clear, errorText, group, h, notice } from '../dom.js';
import { formatDateTime, label, t } from '../i18n.js';
import { failure, heading } from '../screen.js';

const STATUSES = ['PENDING', 'APPROVED', 'REJECTED'];
const FIELDS = 'id account kind role professionalId teamId organisationId status requestedBy requestedAt decidedBy decidedAt';

export async function render(main) {
  const list = h('div', { id: 'grant-list' });
  const radios = STATUSES.map((status) => h('input', { type: 'radio', name: 'status', value: status, checked: status === 'PENDING' }));
  const load = async () => {
    const status = radios.find((radio) => radio.checked).value;
    clear(list, busy(t('grants.loading')));
    try {
      const data = await graphql(`query($status: AccountGrantStatus) { accountGrants(status: $status, first: 50) { edges { node { ${FIELDS} } } } }`, { status });
      const grants = data.accountGrants.edges.map((edge) => edge.node);
      clear(list, grants.length ? grants.map((grant) => item(grant)) : h('p', {}, t('grants.empty')));
    } catch (error) {
      clear(list, failure(error));
    }
  };
  for (const radio of radios) radio.addEventListener('change', load);
  main.append(heading(t('nav.grants')), h('p', {}, t('grants.intro')),
    group(t('grants.show'), radios.map((radio) => choice(label('grantStatus', radio.value), radio))), list);
  await load();
}

function scope(grant) {
  return [grant.professionalId && t('audit.scopeProfessional', { id: grant.professionalId }), grant.teamId && t('audit.scopeTeam', { id: grant.teamId }),
    grant.organisationId && t('audit.scopeOrganisation', { id: grant.organisationId })].filter(Boolean).join(', ') || '–';
}

function item(grant) {
  const article = h('article', { class: 'item', dataset: { grantId: grant.id }, 'aria-labelledby': `grant-${grant.id}` });
  const message = h('div', { class: 'grant-message', 'aria-live': 'polite' });
  const decide = async (operation, done, button) => {
    button.disabled = true;
    try {
      const data = await graphql(`mutation($input: AccountGrantDecisionInput!) { ${operation}(input: $input) {
        grant { ${FIELDS} } errors { field code message } } }`, { input: { grantId: grant.id } });
      const answer = data[operation];
      if (answer.errors.length) {
        clear(message, notice('error', h('p', {}, answer.errors.map(errorText).join(' '))));
        return;
      }
      const next = item(answer.grant);
      article.replaceWith(next);
      const text = t(done, { account: grant.account });
      next.querySelector('.grant-message').append(notice('ok', h('p', {}, text)));
      announce(text);
      next.querySelector('h2').focus();
    } catch (error) {
      clear(message, failure(error));
    } finally {
      button.disabled = false;
    }
  };
  const approve = h('button', { type: 'button', class: 'approve', onclick: () => decide('approveAccountGrant', 'grants.approved', approve) }, t('grants.approve'));
  const reject = h('button', { type: 'button', class: 'danger reject', onclick: () => decide('rejectAccountGrant', 'grants.rejected', reject) }, t('grants.reject'));
  append(article, [
    h('h2', { id: `grant-${grant.id}`, tabindex: '-1' }, grant.account),
    h('p', { class: 'grant-status' }, h('strong', {}, label('grantStatus', grant.status))),
    h('ul', { class: 'list' },
      h('li', {}, t('grants.what', { what: `${label('grantKind', grant.kind)}: ${label('role', grant.role)}` })),
      h('li', {}, t('grants.scope', { scope: scope(grant) })),
      h('li', {}, t('grants.requested', { who: grant.requestedBy, at: formatDateTime(grant.requestedAt) })),
      grant.decidedBy ? h('li', {}, t('grants.decided', { who: grant.decidedBy, at: formatDateTime(grant.decidedAt) })) : null),
    message,
    grant.status === 'PENDING' ? h('div', { class: 'actions' }, approve, reject) : null]);
  return article;
}
