// Betrokkenen: find a household by address and see who is involved: first the people as a list, then an ecogram, a
// plan and a timeline; register (also with a household one is not yet in, by BSN or by address and member) on a
// legal basis, end, and hand over or end coordination from here.
import { graphql } from '../api.js';
import { announce, append, busy, choice, clear, facts, field, group, h, notice, showErrors, table, today } from '../dom.js';
import { drawEcogram, highlight, loadCytoscape, ORGANISATION_COLOURS, showUnlinked } from '../graph.js';
import { formatDate, label, t } from '../i18n.js';
import { failure, heading } from '../screen.js';

const DOMAINS = ['WMO', 'YOUTH', 'PARTICIPATION', 'ZVW', 'WLZ', 'DEBT', 'EDUCATION', 'SAFETY'];
const LEGAL_BASES = ['PUBLIC_TASK', 'CONSENT', 'LEGAL_OBLIGATION', 'VITAL_INTEREST'];
const END_REASONS = ['GOAL_REACHED', 'REFERRED', 'MOVED', 'DECLINED', 'NO_LONGER_NEEDED'];

const VIEW = `id address { postcode houseNumber houseNumberAddition } neighbourhood { code name }
  members { id displayName birthYear role }
  coordinator { id name }
  active: involvements { id since legalBasis resident { displayName }
    professional { id name discipline collaborators { id } } organisation { id name } }
  history: involvements(activeOnly: false) { id domain legalBasis since until status endReason expiresOn
    professional { id name } organisation { name } team { name } resident { displayName } }
  overlap { professionalCount organisationCount uncoordinatedPairCount uncoordinatedPairs { first { id } second { id } } }
  plan { id title status owner { name } startsOn dueOn }
  regieFlags { rule since organisationCount daysToCoordinator coordinator organisationKind organisations }`;

export async function render(main, { params, user }) {
  const postcode = h('input', { type: 'text', name: 'postcode', autocomplete: 'postal-code', required: true, value: params.get('postcode') ?? '', maxlength: '7' });
  const number = h('input', { type: 'number', name: 'number', min: '1', inputmode: 'numeric', required: true, value: params.get('number') ?? '' });
  const addition = h('input', { type: 'text', name: 'addition', value: params.get('addition') ?? '', maxlength: '10' });
  const results = h('div', { id: 'household-results', tabindex: '-1' });
  const opening = Boolean(params.get('id') || (params.get('postcode') && params.get('number')));
  // The graph library downloads while the circle is asked for, rather than after it; a failure shows at drawing.
  if (opening) loadCytoscape().catch(() => null);
  const form = h('form', { class: 'panel', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const query = new URLSearchParams({ postcode: postcode.value.trim(), number: number.value.trim() });
    if (addition.value.trim()) query.set('addition', addition.value.trim());
    history.pushState(null, '', `/households?${query}`);
    search(results, user, { postcode: postcode.value, number: number.value, addition: addition.value });
  } },
  h('div', { class: 'row' },
    field(t('households.postcode'), postcode, { hint: t('households.postcodeHint') }),
    field(t('households.number'), number),
    field(t('households.addition'), addition)),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('households.search'))));
  // With a household open the search folds away, so the people involved are on the first screen.
  const finder = h('details', { class: 'finder', open: !opening },
    h('summary', {}, t('households.findOther')), h('p', {}, t('households.intro')), form, joinForm(results, user));
  main.append(heading(t('nav.households')), finder, results);
  if (params.get('id')) await open(results, user, params.get('id'));
  else if (params.get('postcode') && params.get('number')) {
    await search(results, user, { postcode: params.get('postcode'), number: params.get('number'), addition: params.get('addition') });
  }
}

async function search(results, user, { postcode, number, addition }) {
  clear(results, busy(t('households.searching')));
  try {
    const data = await graphql(`query($postcode: String!, $number: Int!, $addition: String) {
      householdsAtAddress(postcode: $postcode, houseNumber: $number, houseNumberAddition: $addition) { ${VIEW} } }`,
    { postcode: postcode.trim(), number: Number(number), addition: addition?.trim() || null });
    clear(results);
    if (!data.householdsAtAddress.length) {
      results.append(notice('warn', h('p', {}, t('households.none')), h('p', {}, t('households.noneJoin'))));
      results.focus();
    }
    for (const household of data.householdsAtAddress) results.append(showHousehold(household, user));
    results.querySelector('h2')?.focus();
  } catch (error) {
    clear(results, failure(error, () => search(results, user, { postcode, number, addition })));
  }
}

async function open(results, user, id) {
  clear(results, busy(t('households.searching')));
  try {
    const data = await graphql(`query($id: ID!) { household(id: $id) { ${VIEW} } }`, { id });
    clear(results, data.household ? showHousehold(data.household, user) : notice('warn', h('p', {}, t('households.none'))));
  } catch (error) {
    clear(results, failure(error, () => open(results, user, id)));
  }
}

/**
 * Registering with a household one is not yet in, as the Verwijsindex starts: with the resident's BSN, or with the
 * address and a member's name and birth year as the referral gives them. Nabij never lists who lives at an address:
 * the member is matched by the server, and anything but one match is one error. The answer is the circle just joined,
 * which the professional may see from now on.
 */
function joinForm(results, user) {
  const ways = ['bsn', 'address'].map((value) => h('input', { type: 'radio', name: 'way', value, checked: value === 'bsn' }));
  const bsn = h('input', { type: 'text', name: 'bsn', inputmode: 'numeric', autocomplete: 'off', maxlength: '9', pattern: '[0-9]{8,9}' });
  const postcode = h('input', { type: 'text', name: 'postcode', autocomplete: 'off', maxlength: '7' });
  const number = h('input', { type: 'number', name: 'number', min: '1', inputmode: 'numeric' });
  const addition = h('input', { type: 'text', name: 'addition', maxlength: '10' });
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'off', maxlength: '100' });
  const birthYear = h('input', { type: 'number', name: 'birthYear', min: '1900', max: today().slice(0, 4), inputmode: 'numeric' });
  const wholeHousehold = h('input', { type: 'checkbox', name: 'wholeHousehold' });
  const domain = select('domain', DOMAINS.map((value) => [value, label('domain', value)]));
  const legalBasis = select('legalBasis', LEGAL_BASES.map((value) => [value, label('legalBasis.long', value)]));
  const since = h('input', { type: 'date', name: 'since', value: today(), max: today(), required: true });
  const throughTeam = h('input', { type: 'checkbox', name: 'throughTeam' });
  const byBsn = field(t('join.bsn'), bsn, { name: 'bsn', hint: t('join.bsnHint') });
  const byAddress = group(t('join.byAddress'), [
    h('div', { class: 'row' },
      field(t('households.postcode'), postcode, { name: 'addressAndMember.postcode', hint: t('households.postcodeHint') }),
      field(t('households.number'), number, { name: 'addressAndMember.houseNumber' }),
      field(t('households.addition'), addition, { name: 'addressAndMember.houseNumberAddition' })),
    field(t('join.name'), name, { name: 'addressAndMember.name', hint: t('join.nameHint') }),
    field(t('join.birthYear'), birthYear, { name: 'addressAndMember.birthYear' }),
    choice(t('join.wholeHousehold'), wholeHousehold),
  ], { name: 'addressAndMember', className: 'fields' });
  const byAddressChosen = () => ways[1].checked;
  const show = () => {
    byBsn.hidden = byAddressChosen();
    byAddress.hidden = !byAddressChosen();
  };
  for (const way of ways) way.addEventListener('change', show);
  show();
  const form = mutationForm(t('join.title'), [
    h('p', {}, t('join.intro')),
    group(t('join.way'), [choice(t('join.byBsn'), ways[0]), choice(t('join.byAddress'), ways[1])]),
    byBsn,
    byAddress,
    field(t('register.domain'), domain, { name: 'domain', hint: t('register.domainHint') }),
    field(t('register.legalBasis'), legalBasis, { name: 'legalBasis', hint: t('register.legalBasisHint') }),
    field(t('register.since'), since, { name: 'since' }),
    choice(t('register.throughTeam'), throughTeam, { name: 'throughTeam' }),
  ], t('join.submit'), async () => {
    const needed = byAddressChosen()
      ? [[postcode, 'addressAndMember.postcode'], [number, 'addressAndMember.houseNumber'], [name, 'addressAndMember.name'],
        [birthYear, 'addressAndMember.birthYear']]
      : [[bsn, 'bsn']];
    const missing = [...needed, [domain, 'domain'], [legalBasis, 'legalBasis']].filter(([control]) => !control.value.trim())
      .map(([, key]) => ({ field: key, code: 'REQUIRED' }));
    if (missing.length) return missing;
    const target = byAddressChosen()
      ? { addressAndMember: {
        postcode: postcode.value.trim(), houseNumber: Number(number.value), houseNumberAddition: addition.value.trim() || null,
        name: name.value, birthYear: Number(birthYear.value), wholeHousehold: wholeHousehold.checked,
      } }
      : { bsn: bsn.value.trim() };
    const data = await graphql(`mutation($input: RegisterInvolvementInput!) {
      registerInvolvement(input: $input) { created involvement { resident { id } } errors { field code } } }`, { input: {
      ...target, domain: domain.value, legalBasis: legalBasis.value, since: since.value, throughTeam: throughTeam.checked,
      clientMutationId: clientId(),
    } });
    const result = data.registerInvolvement;
    if (result.errors.length) return result.errors;
    const household = byAddressChosen()
      ? await joinedAtAddress(target.addressAndMember, result.involvement.resident?.id, name.value)
      : (await graphql(`query($bsn: String!) { householdOfResident(bsn: $bsn) { ${VIEW} } }`, { bsn: bsn.value.trim() })).householdOfResident;
    for (const control of [bsn, name, birthYear]) control.value = '';
    const message = t(result.created ? 'join.done' : 'register.already');
    clear(results, showHousehold(household, user, message));
    form.closest('details').open = false;
    history.pushState(null, '', `/households?id=${encodeURIComponent(household.id)}`);
    results.querySelector('.action-message')?.focus();
    announce(message);
    return [];
  }, { id: 'join-form' });
  return form;
}

/**
 * The household just joined by address: of those at the address the professional may now see, the one of the member
 * (or, for the household as a whole, the one whose members include the name given).
 */
async function joinedAtAddress({ postcode, houseNumber, houseNumberAddition }, residentId, name) {
  const data = await graphql(`query($postcode: String!, $number: Int!, $addition: String) {
    householdsAtAddress(postcode: $postcode, houseNumber: $number, houseNumberAddition: $addition) { ${VIEW} } }`,
  { postcode, number: houseNumber, addition: houseNumberAddition });
  const plain = (text) => text.normalize('NFKD').replace(/\p{M}|\s/gu, '').toLowerCase();
  const households = data.householdsAtAddress;
  return households.find((household) => household.members.some((member) => (residentId
    ? member.id === residentId : plain(member.displayName) === plain(name)))) ?? households[0];
}

export function address(household) {
  const { postcode, houseNumber, houseNumberAddition } = household.address;
  return `${postcode.slice(0, 4)} ${postcode.slice(4)} ${houseNumber}${houseNumberAddition ? ` ${houseNumberAddition}` : ''}`;
}

/** A regie flag in words, from its rule and the facts it weighed. */
function regieText(flag) {
  const values = {
    organisations: flag.organisationCount,
    days: flag.daysToCoordinator,
    coordinator: flag.coordinator,
    kind: label('organisationKind', flag.organisationKind),
    names: flag.organisations.join(', '),
  };
  return t(`regie.text.${flag.rule}`, values);
}

function showHousehold(household, user, message) {
  const section = h('section', { class: 'household', 'aria-labelledby': `household-${household.id}` });
  const reload = async (done) => {
    const data = await graphql(`query($id: ID!) { household(id: $id) { ${VIEW} } }`, { id: household.id });
    const fresh = showHousehold(data.household, user, done);
    section.replaceWith(fresh);
    fresh.querySelector('.action-message').focus();
    announce(done);
  };
  const { overlap } = household;
  const adults = household.members.filter((member) => member.role === 'ADULT').length;
  const people = circle(household);
  append(section, [
    h('h2', { id: `household-${household.id}`, tabindex: '-1' }, t('households.household', { address: address(household), neighbourhood: household.neighbourhood.name })),
    h('div', { class: 'action-message', tabindex: '-1' }, message ? notice('ok', h('p', {}, message)) : null),
    facts([
      [t('households.professionals'), overlap.professionalCount, { id: 'professional-count' }],
      [t('households.organisations'), overlap.organisationCount],
      [t('households.unlinkedPairs'), overlap.uncoordinatedPairCount],
      [t('households.coordinator'), household.coordinator?.name ?? t('households.noCoordinator')],
    ], { small: true }),
    peopleList(people, household),
    household.regieFlags.length
      ? h('div', { id: 'regie-flags' }, household.regieFlags.map((flag) => notice('warn', h('p', {}, h('strong', {}, label('regie', flag.rule)),
        flag.since ? ` (${t('households.since', { date: formatDate(flag.since) })})` : '', ': ', regieText(flag)))))
      : null,
    ecogram(household, people, adults),
    h('div', { class: 'two-columns' },
      h('div', {}, plan(household), timeline(household)),
      h('div', {}, members(household), h('h2', {}, t('households.actions')),
        registerForm(household, reload), endForm(household, user, reload), coordinationForm(household, reload)))]);
  return section;
}

/** The people around the household: each professional once, with their organisation, since when, for whom, and links. */
function circle(household) {
  const people = new Map();
  for (const involvement of household.active) {
    const { professional } = involvement;
    const person = people.get(professional.id) ?? {
      ...professional, organisation: involvement.organisation, since: involvement.since, forWhom: new Set(),
      together: [], apart: [], coordinator: professional.id === household.coordinator?.id,
    };
    if (involvement.since < person.since) person.since = involvement.since;
    // The legal basis only where it is not the usual public task, so a row stays one line on a laptop.
    const basis = involvement.legalBasis === 'PUBLIC_TASK' ? '' : ` (${label('legalBasis', involvement.legalBasis)})`;
    person.forWhom.add(`${involvement.resident?.displayName ?? t('circle.wholeHousehold')}${basis}`);
    people.set(professional.id, person);
  }
  for (const person of people.values()) {
    person.together = person.collaborators.map((other) => people.get(other.id)).filter(Boolean);
  }
  for (const pair of household.overlap.uncoordinatedPairs) {
    const [first, second] = [people.get(pair.first.id), people.get(pair.second.id)];
    if (first && second) {
      first.apart.push(second);
      second.apart.push(first);
    }
  }
  const organisations = [...new Set([...people.values()].map((p) => p.organisation.name))].sort();
  const colour = new Map(organisations.map((name, index) => [name, ORGANISATION_COLOURS[index % ORGANISATION_COLOURS.length]]));
  for (const person of people.values()) person.colour = colour.get(person.organisation.name);
  return { people, organisations, colour };
}

function names(people) {
  return people.map((person) => person.name).sort((a, b) => a.localeCompare(b)).join(', ');
}

/** One or two names as they are; more behind a count that opens, so a row stays one line on a laptop. */
function someNames(people) {
  if (!people.length) return t('circle.nobody');
  if (people.length <= 2) return names(people);
  return h('details', {}, h('summary', {}, t('circle.count', { count: people.length })), names(people));
}

const COLUMNS = ['name', 'discipline', 'organisation', 'since', 'forWhom', 'together', 'apart'];

function sorted(people, by, descending = false) {
  const text = (person) => ({
    name: person.name,
    discipline: label('discipline', person.discipline),
    organisation: person.organisation.name,
    since: person.since,
    forWhom: [...person.forWhom].sort().join(', '),
  }[by]);
  const compare = ['together', 'apart'].includes(by)
    ? (a, b) => a[by].length - b[by].length || a.name.localeCompare(b.name)
    : (a, b) => text(a).localeCompare(text(b)) || a.name.localeCompare(b.name);
  const list = [...people.values()].sort(compare);
  return descending ? list.reverse() : list;
}

/**
 * The circle as a table, one line per person on a laptop and a card per person on a phone: who, for whom since when,
 * and with whom they work or have no contact. Each column heading sorts; a second press reverses.
 */
function peopleList({ people }, household) {
  let by = 'name';
  let descending = false;
  const body = h('tbody');
  const headings = COLUMNS.map((column) => h('th', { scope: 'col' },
    h('button', { type: 'button', class: 'sort', dataset: { column } }, t(`circle.column.${column}`))));
  const fill = () => {
    headings.forEach((th, index) => {
      if (COLUMNS[index] === by) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
    clear(body, sorted(people, by, descending).map((person) => {
      const cell = (column, ...content) => h('td', { 'data-label': t(`circle.column.${column}`), class: column }, h('span', {}, content));
      return h('tr', { dataset: { professionalId: person.id } },
        cell('name', h('button', { type: 'button', class: 'person', dataset: { professionalId: person.id } },
          person.coordinator ? '★ ' : '', person.name),
        person.coordinator ? ` (${t('ecogram.coordinator')})` : ''),
        cell('discipline', label('discipline', person.discipline)),
        cell('organisation', person.organisation.name),
        cell('since', formatDate(person.since)),
        cell('forWhom', [...person.forWhom].sort().join(', ')),
        cell('together', someNames(person.together)),
        cell('apart', someNames(person.apart)));
    }));
  };
  const head = h('thead', { onclick: (event) => {
    const button = event.target.closest('button.sort');
    if (!button) return;
    descending = by === button.dataset.column ? !descending : ['together', 'apart'].includes(button.dataset.column);
    by = button.dataset.column;
    fill();
    announce(t('circle.sorted', { order: t(`circle.column.${by}`) }));
  } }, h('tr', {}, headings));
  fill();
  return h('div', { class: 'circle' },
    h('h3', { id: 'circle-heading' }, t('ecogram.circle', { count: people.size })),
    people.size
      ? h('div', { class: 'table-wrap' }, h('table', { id: 'circle', class: 'people stack', 'aria-labelledby': 'circle-heading' }, head, body))
      : h('p', {}, t('households.noInvolvements')),
    household.overlap.uncoordinatedPairCount ? h('p', { class: 'muted' }, t('circle.apartHint')) : null);
}

function ecogram(household, { people, organisations, colour }, adults) {
  const collaborations = new Map();
  for (const person of people.values()) {
    for (const other of person.together) {
      const pair = [person.id, other.id].sort();
      collaborations.set(pair.join(), pair);
    }
  }
  const unlinked = household.overlap.uncoordinatedPairs.map((pair) => [pair.first.id, pair.second.id]);
  const summary = t('ecogram.summary', {
    professionals: people.size, organisations: organisations.length,
    together: collaborations.size, apart: unlinked.length,
    coordinator: household.coordinator?.name ?? t('households.noCoordinator'),
  });
  const container = h('div', { class: 'graph', role: 'img', 'aria-label': summary });
  const toggle = h('input', { type: 'checkbox', name: 'showUnlinked' });
  const focusText = h('p', { id: 'ecogram-focus', class: 'focus-text', 'aria-live': 'polite' }, t('ecogram.hint'));
  const figure = h('figure', { class: 'ecogram' },
    choice(t('ecogram.showUnlinked'), toggle),
    focusText,
    container,
    h('figcaption', {}, h('p', {}, summary),
      h('ul', { class: 'legend', 'aria-label': t('ecogram.legend') },
        h('li', {}, h('span', { class: 'swatch line', dataset: { colour: '#00703c' } }), t('ecogram.together')),
        h('li', {}, h('span', { class: 'swatch line dashed', dataset: { colour: '#a4001c' } }), t('ecogram.apart')),
        h('li', {}, '★ ', t('ecogram.coordinator')),
        organisations.map((name) => h('li', {}, h('span', { class: 'swatch', dataset: { colour: colour.get(name) } }), name)))));
  for (const swatch of figure.querySelectorAll('.swatch')) swatch.style.backgroundColor = swatch.dataset.colour;
  const section = h('div', {}, h('h3', { id: 'ecogram-title' }, t('ecogram.title')), figure);
  const sortedPeople = sorted(people, 'name');
  // Drawn once the element is in the page, so Cytoscape can measure it; the library was asked for when the screen opened.
  requestAnimationFrame(async () => {
    const graph = await drawEcogram(container, {
      household: t('ecogram.household', { adults, children: household.members.length - adults }),
      professionals: sortedPeople.map((person) => ({
        id: person.id,
        label: `${person.coordinator ? '★ ' : ''}${person.name}\n${person.organisation.name}`,
        colour: person.colour,
        coordinator: person.coordinator,
      })),
      collaborations: [...collaborations.values()],
      unlinkedPairs: unlinked,
    });
    container.dataset.drawn = 'true';
    toggle.addEventListener('change', () => showUnlinked(graph, toggle.checked));
    const show = (id) => {
      highlight(graph, id);
      const person = people.get(id);
      focusText.textContent = person
        ? t('ecogram.focus', { name: person.name, together: person.together.length ? names(person.together) : t('circle.nobody'),
          apart: person.apart.length ? names(person.apart) : t('circle.nobody') })
        : t('ecogram.hint');
    };
    graph.on('mouseover tap', 'node[kind = "professional"]', (event) => show(event.target.id()));
    graph.on('tap', (event) => { if (event.target === graph) show(null); });
    const list = section.closest('.household')?.querySelector('#circle');
    for (const event of ['mouseover', 'focusin']) {
      list?.addEventListener(event, (e) => {
        const item = e.target.closest('[data-professional-id]');
        if (item) show(item.dataset.professionalId);
      });
    }
    list?.addEventListener('click', (e) => {
      const button = e.target.closest('button.person');
      if (!button) return;
      show(button.dataset.professionalId);
      container.scrollIntoView({ block: 'nearest' });
    });
  });
  return section;
}

function members(household) {
  return h('div', {}, h('h2', {}, t('households.members')),
    h('ul', { class: 'list' }, household.members.map((member) => h('li', {},
      `${member.displayName} (${member.birthYear}, ${label('memberRole', member.role)})`))));
}

function plan(household) {
  return h('div', {}, h('h2', {}, t('households.plan')),
    household.plan.length
      ? table(t('households.planCaption'), [t('plan.goal'), t('plan.status'), t('plan.owner'), t('plan.due')],
        household.plan.map((goal) => ({ cells: [goal.title, label('goal', goal.status), goal.owner.name, formatDate(goal.dueOn)] })))
      : h('p', {}, t('households.noPlan')));
}

function timeline(household) {
  const involvements = [...household.history].sort((a, b) => a.since.localeCompare(b.since));
  if (!involvements.length) return h('div', {}, h('h2', {}, t('households.timeline')), h('p', {}, t('households.noInvolvements')));
  const day = (iso) => new Date(`${iso}T00:00:00`).getTime();
  const start = day(involvements[0].since);
  const end = Math.max(day(today()), ...involvements.map((i) => (i.until ? day(i.until) : 0)));
  const span = Math.max(end - start, 1);
  return h('div', {}, h('h2', {}, t('households.timeline')),
    h('div', { class: 'axis', 'aria-hidden': 'true' }, h('span', {}, formatDate(involvements[0].since)), h('span', {}, formatDate(today()))),
    h('ol', { class: 'timeline', id: 'timeline' }, involvements.map((involvement) => {
      const bar = h('span', { class: `bar${involvement.status === 'ENDED' ? ' ended' : ''}` });
      const from = day(involvement.since);
      const to = involvement.until ? day(involvement.until) : day(today());
      bar.style.left = `${((from - start) / span) * 100}%`;
      bar.style.width = `${((to - from) / span) * 100}%`;
      return h('li', {},
        h('div', {},
          h('strong', {}, involvement.professional.name), ` (${involvement.organisation.name}) – ${label('domain', involvement.domain)}`,
          `, ${t('timeline.legalBasis', { basis: label('legalBasis', involvement.legalBasis) })}`,
          involvement.resident ? `, ${involvement.resident.displayName}` : '',
          h('br'),
          h('span', { class: 'muted' }, involvement.until
            ? t('timeline.ended', { since: formatDate(involvement.since), until: formatDate(involvement.until) })
            : t('timeline.active', { since: formatDate(involvement.since) }),
          involvement.endReason ? ` (${label('endReason', involvement.endReason)})` : '')),
        h('div', { class: 'track', 'aria-hidden': 'true' }, bar));
    })));
}

function select(name, options, { required = true } = {}) {
  return h('select', { name, required }, h('option', { value: '' }, t('form.choose')),
    options.map(([value, text]) => h('option', { value }, text)));
}

function clientId() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function mutationForm(title, controls, submitText, run, { id } = {}) {
  const summary = h('div', { class: 'notice error', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit' }, submitText);
  const form = h('form', { class: 'panel', id, novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const errors = await run(form);
      showErrors(form, summary, errors ?? []);
    } catch (error) {
      summary.hidden = false;
      clear(summary, failure(error, () => form.requestSubmit()));
      summary.focus();
    } finally {
      submit.disabled = false;
    }
  } }, h('h3', {}, title), summary, controls, h('div', { class: 'actions' }, submit));
  return form;
}

function registerForm(household, reload) {
  const domain = select('domain', DOMAINS.map((value) => [value, label('domain', value)]));
  const legalBasis = select('legalBasis', LEGAL_BASES.map((value) => [value, label('legalBasis.long', value)]));
  const since = h('input', { type: 'date', name: 'since', value: today(), max: today(), required: true });
  const throughTeam = h('input', { type: 'checkbox', name: 'throughTeam' });
  return mutationForm(t('register.title'), [
    field(t('register.domain'), domain, { name: 'domain' }),
    field(t('register.legalBasis'), legalBasis, { name: 'legalBasis', hint: t('register.legalBasisHint') }),
    field(t('register.since'), since, { name: 'since' }),
    choice(t('register.throughTeam'), throughTeam, { name: 'throughTeam' }),
  ], t('register.submit'), async () => {
    const missing = [[domain, 'domain'], [legalBasis, 'legalBasis']].filter(([control]) => !control.value)
      .map(([, key]) => ({ field: key, code: 'REQUIRED' }));
    if (missing.length) return missing;
    const data = await graphql(`mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) {
      created involvement { id } errors { field code } } }`, { input: {
      householdId: household.id, domain: domain.value, legalBasis: legalBasis.value, since: since.value, throughTeam: throughTeam.checked,
      clientMutationId: clientId(),
    } });
    const result = data.registerInvolvement;
    if (!result.errors.length) await reload(t(result.created ? 'register.done' : 'register.already'));
    return result.errors;
  });
}

function endForm(household, user, reload) {
  const own = household.history.filter((involvement) => involvement.status === 'ACTIVE' && involvement.professional.id === user.professionalId);
  if (!own.length) return h('div', { class: 'panel' }, h('h3', {}, t('end.title')), h('p', {}, t('end.none')));
  const involvement = select('involvementId', own.map((i) => [i.id, `${label('domain', i.domain)} – ${t('timeline.active', { since: formatDate(i.since) })}`]));
  const until = h('input', { type: 'date', name: 'until', value: today(), max: today(), required: true });
  const reason = select('reason', END_REASONS.map((value) => [value, label('endReason', value)]));
  return mutationForm(t('end.title'), [
    field(t('end.involvement'), involvement, { name: 'involvementId' }),
    field(t('end.until'), until, { name: 'until' }),
    field(t('end.reason'), reason, { name: 'reason' }),
  ], t('end.submit'), async () => {
    const missing = [[involvement, 'involvementId'], [reason, 'reason']].filter(([control]) => !control.value)
      .map(([, name]) => ({ field: name, code: 'REQUIRED' }));
    if (missing.length) return missing;
    const data = await graphql(`mutation($input: EndInvolvementInput!) { endInvolvement(input: $input) {
      involvement { id status } errors { field code } } }`, { input: { involvementId: involvement.value, until: until.value, reason: reason.value } });
    if (!data.endInvolvement.errors.length) await reload(t('end.done'));
    return data.endInvolvement.errors;
  });
}

function coordinationForm(household, reload) {
  const current = household.coordinator;
  const candidates = new Map(household.active.map((i) => [i.professional.id, i.professional.name]));
  if (current) candidates.delete(current.id);
  const professional = select('professionalId', [...candidates].sort((a, b) => a[1].localeCompare(b[1])));
  const operation = current ? 'handOverCoordination' : 'assignCoordinator';
  const assign = mutationForm(current ? t('coordination.handOver', { name: current.name }) : t('coordination.assign'), [
    field(t('coordination.professional'), professional, { name: 'professionalId', hint: t('coordination.hint') }),
  ], current ? t('coordination.handOverSubmit') : t('coordination.assignSubmit'), async () => {
    if (!professional.value) return [{ field: 'professionalId', code: 'REQUIRED' }];
    const data = await graphql(`mutation($input: CoordinatorInput!) { ${operation}(input: $input) {
      coordinator { name } errors { field code } } }`, { input: { householdId: household.id, professionalId: professional.value } });
    const result = data[operation];
    if (!result.errors.length) await reload(t('coordination.done', { name: result.coordinator.name }));
    return result.errors;
  });
  if (!current) return assign;
  const end = mutationForm(t('coordination.end', { name: current.name }), [
    h('p', {}, t('coordination.endText')),
  ], t('coordination.endSubmit'), async () => {
    const data = await graphql(`mutation($input: EndCoordinationInput!) { endCoordination(input: $input) {
      errors { field code } } }`, { input: { householdId: household.id } });
    if (!data.endCoordination.errors.length) await reload(t('coordination.ended', { name: current.name }));
    return data.endCoordination.errors;
  }, { id: 'end-coordination' });
  return [assign, end];
}
