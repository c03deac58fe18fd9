// Overlap: the households of the team's area where many helpers from many organisations work, the most severe first,
// each with the professional suggested as coordinator.
import { graphql } from '../api.js';
import { busy, choice, clear, field, h, notice } from '../dom.js';
import { formatDate, label, t } from '../i18n.js';
import { failure, heading } from '../screen.js';

export async function render(main, { user }) {
  const data = await graphql(`query($id: ID!) { professional(id: $id) { teams { id name } }
    municipality { code name districts { name neighbourhoods { code name } } } }`, { id: user.professionalId });
  const scope = h('select', { name: 'scope' },
    h('optgroup', { label: t('overlap.myTeams') }, (data.professional?.teams ?? []).map((team) => h('option', { value: `teamId:${team.id}` }, team.name))),
    data.municipality ? h('optgroup', { label: t('overlap.municipality') }, h('option', { value: `municipalityCode:${data.municipality.code}` }, data.municipality.name)) : null,
    (data.municipality?.districts ?? []).map((district) => h('optgroup', { label: district.name },
      district.neighbourhoods.map((n) => h('option', { value: `neighbourhoodCode:${n.code}` }, `${n.name} (${n.code})`)))));
  const professionals = h('input', { type: 'number', name: 'minimumProfessionals', min: '1', max: '100', value: '3' });
  const organisations = h('input', { type: 'number', name: 'minimumOrganisations', min: '1', max: '100', value: '3' });
  const withoutCoordinator = h('input', { type: 'checkbox', name: 'withoutCoordinatorOnly' });
  const results = h('div', { id: 'overlap-results' });
  let rows = [];
  let largest = 1;

  const load = async (after) => {
    if (!after) {
      rows = [];
      clear(results, busy(t('overlap.searching')));
    }
    const [kind, value] = scope.value.split(/:(.*)/s);
    try {
      const answer = await graphql(`query($scope: OverlapScopeInput!, $p: Int!, $o: Int!, $w: Boolean!, $after: String) {
        overlaps(scope: $scope, minimumProfessionals: $p, minimumOrganisations: $o, withoutCoordinatorOnly: $w, first: 20, after: $after) {
          edges { node { household { id address { postcode houseNumber houseNumberAddition } neighbourhood { name } }
            professionalCount organisationCount unlinkedPairCount severity hasCoordinator
            suggestedCoordinator { professional { name discipline } ruleCode since wijkteam collaborationLinks othersInvolved } } }
          pageInfo { hasNextPage endCursor } } }`,
      { scope: { [kind]: value }, p: Number(professionals.value), o: Number(organisations.value), w: withoutCoordinator.checked, after });
      const page = answer.overlaps;
      rows.push(...page.edges.map((edge) => edge.node));
      largest = Math.max(1, ...rows.map((row) => row.severity));
      clear(results, rows.length ? list(rows, largest) : notice('warn', h('p', {}, t('overlap.none'))),
        page.pageInfo.hasNextPage
          ? h('button', { type: 'button', class: 'secondary', onclick: (event) => {
            event.target.disabled = true;
            load(page.pageInfo.endCursor);
          } }, t('overlap.more'))
          : null);
    } catch (error) {
      clear(results, failure(error, () => load(after)));
    }
  };

  main.append(heading(t('nav.overlap')), h('p', {}, t('overlap.intro')),
    h('form', { class: 'panel', onsubmit: (event) => {
      event.preventDefault();
      load(null);
    } },
    h('div', { class: 'row' },
      field(t('overlap.scope'), scope),
      field(t('overlap.minimumProfessionals'), professionals),
      field(t('overlap.minimumOrganisations'), organisations)),
    choice(t('overlap.withoutCoordinator'), withoutCoordinator),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('overlap.search')))),
    results);
  await load(null);
}

/** The table; on a phone each household becomes a card whose cells name their column (class stack, data-label). */
function list(rows, largest) {
  const headers = [t('overlap.rank'), t('overlap.address'), t('households.professionals'), t('households.organisations'),
    t('households.unlinkedPairs'), t('overlap.severity'), t('households.coordinator'), t('overlap.suggested')];
  const cell = (index, attributes, ...content) => h('td', { ...attributes, 'data-label': headers[index] }, content);
  return h('div', { class: 'table-wrap' }, h('table', { id: 'overlap-table', class: 'stack' },
    h('caption', {}, t('overlap.caption', { count: rows.length })),
    h('thead', {}, h('tr', {},
      headers.map((text, index) => h('th', { scope: 'col', class: index >= 2 && index <= 5 ? 'number' : null }, text)))),
    h('tbody', {}, rows.map((row, index) => {
      const bar = h('span', { class: 'severity', 'aria-hidden': 'true' });
      bar.style.width = `${Math.round((row.severity / largest) * 6)}rem`;
      const { postcode, houseNumber, houseNumberAddition } = row.household.address;
      return h('tr', {},
        cell(0, { class: 'number' }, index + 1),
        cell(1, {}, h('span', {}, h('a', { href: `/households?id=${encodeURIComponent(row.household.id)}`, 'data-route': true },
          `${postcode} ${houseNumber}${houseNumberAddition ? ` ${houseNumberAddition}` : ''}`), h('br'),
        h('span', { class: 'muted' }, row.household.neighbourhood.name))),
        cell(2, { class: 'number' }, row.professionalCount),
        cell(3, { class: 'number' }, row.organisationCount),
        cell(4, { class: 'number' }, row.unlinkedPairCount),
        cell(5, { class: 'number' }, h('span', {}, h('strong', {}, row.severity), ' ', bar)),
        cell(6, {}, h('span', {}, row.hasCoordinator ? h('span', { class: 'tag ok' }, t('overlap.yes')) : h('span', { class: 'tag stop' }, t('overlap.no')))),
        cell(7, {}, h('span', {}, h('strong', {}, row.suggestedCoordinator.professional.name),
          ` (${label('discipline', row.suggestedCoordinator.professional.discipline)})`, h('br'),
          h('span', { class: 'muted' }, rule(row.suggestedCoordinator)))));
    }))));
}

/** Why this person is suggested, in words, from the rule's code and what it weighed. */
function rule(suggestion) {
  return t(`coordinatorRule.${suggestion.ruleCode}`, {
    since: formatDate(suggestion.since), wijkteam: suggestion.wijkteam ?? '',
    links: suggestion.collaborationLinks, others: suggestion.othersInvolved,
  });
}
