// Audit: the trail of every access to personal data, page by page or for one resident's pseudonym, the check of its
// hash chain, and the grants of roles that two administrators give (docs/explanation/separation-of-duties.md). Reading the trail
// is itself recorded.
import { graphql } from '../api.js';
import { busy, clear, field, h, notice, table } from '../dom.js';
import { formatDateTime, formatNumber, has, label, t } from '../i18n.js';
import { failure, heading } from '../screen.js';

const PAGE = 20;

export async function render(main, { params }) {
  const subject = h('input', { type: 'search', name: 'subject', value: params.get('subject') ?? '', spellcheck: 'false' });
  const events = h('div', { id: 'audit-events' });
  const chain = h('div', { id: 'chain-result', 'aria-live': 'polite' });
  const cursors = [null];
  const load = async (page) => {
    clear(events, busy(t('audit.loading')));
    try {
      const data = await graphql(`query($subject: String, $first: Int, $after: String) { auditEvents(subject: $subject, first: $first, after: $after) {
        edges { node { sequence at action outcome username role organisation purpose basis origin subjects } } pageInfo { hasNextPage endCursor } } }`,
      { subject: subject.value.trim() || null, first: PAGE, after: cursors[page] });
      const { edges, pageInfo } = data.auditEvents;
      cursors[page + 1] = pageInfo.endCursor;
      clear(events,
        table(t('audit.caption', { page: page + 1 }),
          [t('audit.sequence'), t('audit.at'), t('audit.user'), t('audit.action'), t('audit.purpose'), t('audit.basis'), t('audit.origin'), t('audit.subjects')],
          edges.map(({ node }) => ({ attributes: { class: node.outcome === 'DENIED' ? 'denied' : null }, cells: [
            node.sequence, formatDateTime(node.at), `${node.username} (${label('role', node.role)})`,
            `${label('action', node.action)} – ${label('outcome', node.outcome)}`, worded('purpose', node.purpose), worded('basis', node.basis), node.origin ?? '',
            node.subjects.length ? h('ul', { class: 'subjects' }, node.subjects.map((pseudonym) => h('li', {},
              h('button', { type: 'button', class: 'link-button code', title: pseudonym, 'aria-label': t('audit.filterOn', { pseudonym }),
                onclick: () => {
                  subject.value = pseudonym;
                  cursors.length = 1;
                  load(0);
                } }, `${pseudonym.slice(0, 12)}…`)))) : '–'] })), { numeric: [0] }),
        h('div', { class: 'actions' },
          page > 0 ? h('button', { type: 'button', class: 'secondary', onclick: () => load(page - 1) }, t('audit.previous')) : null,
          pageInfo.hasNextPage ? h('button', { type: 'button', class: 'secondary', onclick: () => load(page + 1) }, t('audit.next')) : null));
    } catch (error) {
      clear(events, failure(error));
    }
  };
  const check = h('button', { type: 'button', id: 'chain-check', onclick: async () => {
    check.disabled = true;
    clear(chain, busy(t('audit.checking')));
    try {
      const result = (await graphql('{ auditChainCheck { intact eventsChecked retainedFrom firstBrokenSequence reason } }')).auditChainCheck;
      clear(chain, result.intact
        ? notice('ok', h('p', {}, t('audit.intact', { count: formatNumber(result.eventsChecked), from: result.retainedFrom })))
        : notice('error', h('p', {}, t('audit.broken', { sequence: result.firstBrokenSequence })), h('p', { lang: 'en' }, result.reason)));
    } catch (error) {
      clear(chain, failure(error));
    } finally {
      check.disabled = false;
    }
  } }, t('audit.check'));
  const grants = h('div', { id: 'account-grants' });
  main.append(heading(t('nav.audit')), h('p', {}, t('audit.intro')),
    h('div', { class: 'panel' }, h('h2', {}, t('audit.chain')), h('p', {}, t('audit.chainIntro')), check, chain),
    h('div', { class: 'panel' }, h('h2', {}, t('audit.grants')), h('p', {}, t('audit.grantsIntro')), grants),
    h('form', { class: 'panel', role: 'search', onsubmit: (event) => {
      event.preventDefault();
      cursors.length = 1;
      load(0);
    } }, field(t('audit.subject'), subject, { hint: t('audit.subjectHint') }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('audit.filter')))),
    events);
  await Promise.all([load(0), loadGrants(grants)]);
}

async function loadGrants(grants, cursors = [null], page = 0) {
  clear(grants, busy(t('audit.loading')));
  try {
    const data = await graphql(`query($first: Int, $after: String) { accountGrants(first: $first, after: $after) { edges { node {
      account kind role professionalId teamId organisationId status requestedBy requestedAt decidedBy decidedAt } }
      pageInfo { hasNextPage endCursor } } }`,
    { first: PAGE, after: cursors[page] });
    const { edges, pageInfo } = data.accountGrants;
    cursors[page + 1] = pageInfo.endCursor;
    clear(grants, edges.length === 0 ? h('p', {}, t('audit.noGrants')) : table(t('audit.grantsCaption', { page: page + 1 }),
      [t('audit.grantAccount'), t('audit.grantWhat'), t('audit.grantScope'), t('audit.grantRequested'), t('audit.grantDecided'), t('audit.grantStatus')],
      edges.map(({ node: grant }) => ({ cells: [grant.account, `${label('grantKind', grant.kind)}: ${label('role', grant.role)}`,
        [grant.professionalId && t('audit.scopeProfessional', { id: grant.professionalId }), grant.teamId && t('audit.scopeTeam', { id: grant.teamId }),
          grant.organisationId && t('audit.scopeOrganisation', { id: grant.organisationId })].filter(Boolean).join(', ') || '–',
        t('audit.byAt', { who: grant.requestedBy, at: formatDateTime(grant.requestedAt) }),
        grant.decidedBy ? t('audit.byAt', { who: grant.decidedBy, at: formatDateTime(grant.decidedAt) }) : '–',
        label('grantStatus', grant.status)] }))),
    h('div', { class: 'actions' },
      page > 0 ? h('button', { type: 'button', class: 'secondary', onclick: () => loadGrants(grants, cursors, page - 1) }, t('audit.previous')) : null,
      pageInfo.hasNextPage ? h('button', { type: 'button', class: 'secondary', onclick: () => loadGrants(grants, cursors, page + 1) }, t('audit.next')) : null));
  } catch (error) {
    clear(grants, failure(error));
  }
}

/** A purpose or basis in words; one the app has no words for is named as a data request, with its code for the auditor. */
function worded(kind, code) {
  if (!code) return '';
  const key = `${kind}.${code}`;
  return has(key) ? t(key) : h('span', {}, t('audit.otherPurpose'), ' ', h('span', { class: 'code muted' }, code));
}
