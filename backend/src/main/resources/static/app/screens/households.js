// Betrokkenen: find a household by address and see who is involved, as an ecogram, a plan and a timeline; register,
// end and hand over from here.
import { graphql } from '../api.js';
import { announce, append, busy, choice, clear, facts, field, h, notice, showErrors, table, today } from '../dom.js';
import { drawEcogram, ORGANISATION_COLOURS, showUnlinked } from '../graph.js';
import { formatDate, label, t } from '../i18n.js';
import { failure, heading } from '../screen.js';

const DOMAINS = ['WMO', 'YOUTH', 'PARTICIPATION', 'ZVW', 'WLZ', 'DEBT', 'EDUCATION', 'SAFETY'];
const END_REASONS = ['GOAL_REACHED', 'REFERRED', 'MOVED', 'DECLINED', 'NO_LONGER_NEEDED'];

const VIEW = `id address { postcode houseNumber houseNumberAddition } neighbourhood { code name }
  members { id displayName birthYear role }
  coordinator { id name }
  active: involvements { id professional { id name discipline collaborators { id } } organisation { id name } }
  history: involvements(activeOnly: false) { id domain since until status endReason expiresOn
    professional { id name } organisation { name } team { name } resident { displayName } }
  overlap { professionalCount organisationCount uncoordinatedPairCount uncoordinatedPairs { first { id } second { id } } }
  plan { id title status owner { name } startsOn dueOn }
  regieFlags { rule since explanation }`;

export async function render(main, { params, user }) {
  const postcode = h('input', { type: 'text', name: 'postcode', autocomplete: 'postal-code', required: true, value: params.get('postcode') ?? '', maxlength: '7' });
  const number = h('input', { type: 'number', name: 'number', min: '1', inputmode: 'numeric', required: true, value: params.get('number') ?? '' });
  const addition = h('input', { type: 'text', name: 'addition', value: params.get('addition') ?? '', maxlength: '10' });
  const results = h('div', { id: 'household-results' });
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
  main.append(heading(t('nav.households')), h('p', {}, t('households.intro')), form, results);
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
      results.append(notice('warn', h('p', {}, t('households.none'))));
    }
    for (const household of data.householdsAtAddress) results.append(showHousehold(household, user));
    results.querySelector('h2')?.focus();
  } catch (error) {
    clear(results, failure(error));
  }
}

async function open(results, user, id) {
  clear(results, busy(t('households.searching')));
  try {
    const data = await graphql(`query($id: ID!) { household(id: $id) { ${VIEW} } }`, { id });
    clear(results, data.household ? showHousehold(data.household, user) : notice('warn', h('p', {}, t('households.none'))));
  } catch (error) {
    clear(results, failure(error));
  }
}

function address(household) {
  const { postcode, houseNumber, houseNumberAddition } = household.address;
  return `${postcode.slice(0, 4)} ${postcode.slice(4)} ${houseNumber}${houseNumberAddition ? ` ${houseNumberAddition}` : ''}`;
}

function showHousehold(household, user) {
  const section = h('section', { class: 'household', 'aria-labelledby': `household-${household.id}` });
  const reload = async (message) => {
    const data = await graphql(`query($id: ID!) { household(id: $id) { ${VIEW} } }`, { id: household.id });
    const fresh = showHousehold(data.household, user);
    section.replaceWith(fresh);
    fresh.querySelector('.action-message').append(notice('ok', h('p', {}, message)));
    announce(message);
  };
  const { overlap } = household;
  const adults = household.members.filter((member) => member.role === 'ADULT').length;
  append(section, [
    h('h2', { id: `household-${household.id}`, tabindex: '-1' }, t('households.household', { address: address(household), neighbourhood: household.neighbourhood.name })),
    facts([
      [t('households.professionals'), overlap.professionalCount, { id: 'professional-count' }],
      [t('households.organisations'), overlap.organisationCount],
      [t('households.unlinkedPairs'), overlap.uncoordinatedPairCount],
      [t('households.coordinator'), household.coordinator?.name ?? t('households.noCoordinator')],
    ]),
    household.regieFlags.map((flag) => notice('warn', h('p', {}, h('strong', {}, label('regie', flag.rule)),
      flag.since ? ` (${t('households.since', { date: formatDate(flag.since) })})` : ''),
    h('p', { lang: 'en', class: 'muted' }, flag.explanation))),
    ecogram(household, adults),
    h('div', { class: 'two-columns' },
      h('div', {}, plan(household), timeline(household)),
      h('div', {}, members(household), h('h2', {}, t('households.actions')), h('div', { class: 'action-message' }),
        registerForm(household, reload), endForm(household, user, reload), coordinationForm(household, reload)))]);
  return section;
}

function ecogram(household, adults) {
  const professionals = new Map();
  for (const involvement of household.active) {
    professionals.set(involvement.professional.id, { ...involvement.professional, organisation: involvement.organisation });
  }
  const organisations = [...new Set([...professionals.values()].map((p) => p.organisation.name))].sort();
  const colour = new Map(organisations.map((name, index) => [name, ORGANISATION_COLOURS[index % ORGANISATION_COLOURS.length]]));
  const collaborations = new Map();
  for (const professional of professionals.values()) {
    for (const other of professional.collaborators) {
      if (professionals.has(other.id)) {
        const pair = [professional.id, other.id].sort();
        collaborations.set(pair.join(), pair);
      }
    }
  }
  const unlinked = household.overlap.uncoordinatedPairs.map((pair) => [pair.first.id, pair.second.id]);
  const coordinatorId = household.coordinator?.id;
  const summary = t('ecogram.summary', {
    professionals: professionals.size, organisations: organisations.length,
    together: collaborations.size, apart: unlinked.length,
    coordinator: household.coordinator?.name ?? t('households.noCoordinator'),
  });
  const container = h('div', { class: 'graph', role: 'img', 'aria-label': summary });
  const toggle = h('input', { type: 'checkbox', checked: true });
  const sorted = [...professionals.values()].sort((a, b) => a.name.localeCompare(b.name));
  const figure = h('figure', { class: 'ecogram' },
    choice(t('ecogram.showUnlinked'), toggle),
    container,
    h('figcaption', {}, h('p', {}, summary),
      h('ul', { class: 'legend', 'aria-label': t('ecogram.legend') },
        h('li', {}, h('span', { class: 'swatch', dataset: { colour: '#00703c' } }), t('ecogram.together')),
        h('li', {}, h('span', { class: 'swatch', dataset: { colour: '#a4001c' } }), t('ecogram.apart')),
        h('li', {}, '★ ', t('ecogram.coordinator')),
        organisations.map((name) => h('li', {}, h('span', { class: 'swatch', dataset: { colour: colour.get(name) } }), name)))));
  for (const swatch of figure.querySelectorAll('.swatch')) swatch.style.backgroundColor = swatch.dataset.colour;
  const list = h('ul', { id: 'circle', class: 'list' }, sorted.map((professional) => h('li', { dataset: { professionalId: professional.id } },
    h('strong', {}, professional.name), ` – ${label('discipline', professional.discipline)}, ${professional.organisation.name}`,
    professional.id === coordinatorId ? ` (${t('ecogram.coordinator')})` : '')));
  const section = h('div', {},
    h('h3', {}, t('ecogram.title')),
    figure,
    h('h3', { id: 'circle-heading' }, t('ecogram.circle', { count: professionals.size })),
    list);
  // Drawn once the element is in the page, so Cytoscape can measure it.
  requestAnimationFrame(async () => {
    const graph = await drawEcogram(container, {
      household: t('ecogram.household', { adults, children: household.members.length - adults }),
      professionals: sorted.map((professional) => ({
        id: professional.id,
        label: `${professional.id === coordinatorId ? '★ ' : ''}${professional.name}\n${professional.organisation.name}`,
        colour: colour.get(professional.organisation.name),
        coordinator: professional.id === coordinatorId,
      })),
      collaborations: [...collaborations.values()],
      unlinkedPairs: unlinked,
    });
    container.dataset.drawn = 'true';
    toggle.addEventListener('change', () => showUnlinked(graph, toggle.checked));
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

function mutationForm(title, controls, submitText, run) {
  const summary = h('div', { class: 'notice error', role: 'alert', tabindex: '-1', hidden: true });
  const submit = h('button', { type: 'submit' }, submitText);
  const form = h('form', { class: 'panel', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const errors = await run(form);
      showErrors(form, summary, errors ?? []);
    } catch (error) {
      summary.hidden = false;
      clear(summary, failure(error));
      summary.focus();
    } finally {
      submit.disabled = false;
    }
  } }, h('h3', {}, title), summary, controls, h('div', { class: 'actions' }, submit));
  return form;
}

function registerForm(household, reload) {
  const domain = select('domain', DOMAINS.map((value) => [value, label('domain', value)]));
  const since = h('input', { type: 'date', name: 'since', value: today(), max: today(), required: true });
  const throughTeam = h('input', { type: 'checkbox', name: 'throughTeam' });
  return mutationForm(t('register.title'), [
    field(t('register.domain'), domain, { name: 'domain' }),
    field(t('register.since'), since, { name: 'since' }),
    choice(t('register.throughTeam'), throughTeam, { name: 'throughTeam' }),
  ], t('register.submit'), async () => {
    if (!domain.value) return [{ field: 'domain', code: 'REQUIRED', message: 'required' }];
    const data = await graphql(`mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) {
      created involvement { id } errors { field code message } } }`, { input: {
      householdId: household.id, domain: domain.value, since: since.value, throughTeam: throughTeam.checked, clientMutationId: clientId(),
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
      .map(([, name]) => ({ field: name, code: 'REQUIRED', message: 'required' }));
    if (missing.length) return missing;
    const data = await graphql(`mutation($input: EndInvolvementInput!) { endInvolvement(input: $input) {
      involvement { id status } errors { field code message } } }`, { input: { involvementId: involvement.value, until: until.value, reason: reason.value } });
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
  return mutationForm(current ? t('coordination.handOver', { name: current.name }) : t('coordination.assign'), [
    field(t('coordination.professional'), professional, { name: 'professionalId', hint: t('coordination.hint') }),
  ], current ? t('coordination.handOverSubmit') : t('coordination.assignSubmit'), async () => {
    if (!professional.value) return [{ field: 'professionalId', code: 'REQUIRED', message: 'required' }];
    const data = await graphql(`mutation($input: CoordinatorInput!) { ${operation}(input: $input) {
      coordinator { name } errors { field code message } } }`, { input: { householdId: household.id, professionalId: professional.value } });
    const result = data[operation];
    if (!result.errors.length) await reload(t('coordination.done', { name: result.coordinator.name }));
    return result.errors;
  });
}
