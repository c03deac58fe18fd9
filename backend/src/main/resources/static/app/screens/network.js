// Wijknetwerk: an area's network on a day, nodes sized by a chosen metric, what it misses, a comparison of two areas
// or two days, and the exports.
import { ApiError, download, graphql } from '../api.js';
import { busy, clear, facts, field, h, notice, table, today } from '../dom.js';
import { formatDate, formatNumber, label, language, t } from '../i18n.js';
import { drawNetwork, legendShape, name, sizeBy, zoom } from '../network-graph.js';
import { failure, heading } from '../screen.js';

const METRICS = ['degree', 'weightedDegree', 'betweenness'];
const KINDS = ['TEAM', 'ORGANISATION', 'VINDPLAATS', 'PROFESSIONAL'];
const SHOWN_PREDICTIONS = 25;
const EXPLANATION = 'code parameters { name value }';
/** Parameters whose values are codes, each with the texts that word them. */
const CODED_PARAMETERS = { category: 'detail', discipline: 'detail', kind: 'vindplaatsKind' };
/** The picture on screen; a new one replaces it, and Cytoscape lets go of the old one's canvas and listeners. */
let drawn = null;

export async function render(main, { params }) {
  const areas = await graphql('{ municipality { code name districts { code name neighbourhoods { code name } } } }');
  const code = params.get('code') ?? areas.municipality?.districts[0]?.code ?? '';
  const area = areaSelect('code', areas, code);
  const asOf = h('input', { type: 'date', name: 'asOf', value: params.get('asOf') ?? '' });
  const metric = h('select', { name: 'metric' }, METRICS.map((value) => h('option', { value, selected: value === (params.get('metric') ?? 'degree') }, t(`metric.${value}`))));
  const result = h('div', { id: 'network-result' });
  const form = h('form', { class: 'panel', onsubmit: (event) => {
    event.preventDefault();
    const query = new URLSearchParams({ code: area.value, metric: metric.value });
    if (asOf.value) query.set('asOf', asOf.value);
    history.pushState(null, '', `/network?${query}`);
    show(result, area.value, asOf.value || null, metric);
  } },
  h('div', { class: 'row' },
    field(t('network.area'), area),
    field(t('network.asOf'), asOf, { hint: t('network.asOfHint') }),
    field(t('network.metric'), metric)),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('network.show'))));
  const areaNames = new Map((areas.municipality?.districts ?? []).flatMap((district) =>
    [[district.code, district.name], ...district.neighbourhoods.map((n) => [n.code, n.name])]));
  main.append(heading(t('nav.network')), h('p', {}, t('network.intro')), form, result, compare(areas, code), exports(area, asOf, areaNames));
  if (code) await show(result, code, params.get('asOf'), metric);
}

function areaSelect(name, areas, selected) {
  return h('select', { name }, (areas.municipality?.districts ?? []).map((district) => h('optgroup', { label: district.name },
    h('option', { value: district.code, selected: district.code === selected }, t('network.district', { name: district.name, code: district.code })),
    district.neighbourhoods.map((n) => h('option', { value: n.code, selected: n.code === selected }, `${n.name} (${n.code})`)))));
}

async function show(result, code, asOf, metricSelect) {
  clear(result, busy(t('network.loading')));
  let network;
  let missing;
  try {
    const data = await graphql(`query($code: String!, $asOf: Date) {
      neighbourhoodNetwork(code: $code, asOf: $asOf) {
        scope { code name asOf } density componentCount
        nodes { id kind label detail degree weightedDegree betweenness component isolated }
        edges { source target kind weight }
        informalVindplaatsen { total inContact } formalVindplaatsen { total inContact } }
      missingLinks(code: $code, asOf: $asOf) {
        vindplaatsContacts { team vindplaats kind category evidence { ${EXPLANATION} } suggestedAction { ${EXPLANATION} } }
        disciplines { team discipline evidence { ${EXPLANATION} } suggestedAction { ${EXPLANATION} } }
        predictedLinks { first second sharedHouseholds score evidence { ${EXPLANATION} } suggestedAction { ${EXPLANATION} } }
        unlinkedOrganisations { name households evidence { ${EXPLANATION} } suggestedAction { ${EXPLANATION} } } } }`, { code, asOf });
    network = data.neighbourhoodNetwork;
    missing = data.missingLinks;
  } catch (error) {
    clear(result, failure(error));
    return;
  }
  const names = new Map(network.nodes.map((node) => [node.id, node.label]));
  const container = h('div', { class: 'graph', role: 'img', 'aria-label': t('network.pictureLabel', { name: network.scope.name, nodes: network.nodes.length, edges: network.edges.length }) });
  const drawing = busy(t('network.drawing'));
  const hovered = h('p', { id: 'network-hover', class: 'hover-name', 'aria-live': 'polite' }, t('network.hoverHint'));
  let graph = null;
  const zoomButton = (text, factor, id) => h('button', { type: 'button', class: 'secondary', id, onclick: () => graph && zoom(graph, factor) }, text);
  const describe = (id) => {
    const node = network.nodes.find((candidate) => candidate.id === id);
    hovered.textContent = node ? t('network.hovered', { name: node.label, kind: t(`nodeKind.${node.kind}`), degree: node.degree }) : t('network.hoverHint');
  };
  const nodeTable = h('div', { id: 'network-table' });
  clear(result,
    h('h2', { id: 'network-title', tabindex: '-1' }, t('network.title', { name: network.scope.name, date: formatDate(network.scope.asOf) })),
    facts([
      [t('network.nodes'), network.nodes.length],
      [t('network.edges'), network.edges.length],
      [t('network.density'), decimal(network.density, 3)],
      [t('network.components'), network.componentCount],
      [t('network.informal'), t('network.coverage', network.informalVindplaatsen)],
      [t('network.formal'), t('network.coverage', network.formalVindplaatsen)],
    ]),
    h('div', { class: 'network-layout' },
      h('figure', { class: 'network-figure' },
        h('div', { class: 'actions zoom', role: 'group', 'aria-label': t('network.zoom') },
          zoomButton(t('network.zoomIn'), 1.5, 'zoom-in'), zoomButton(t('network.zoomOut'), 1 / 1.5, 'zoom-out'), zoomButton(t('network.zoomFit'), 0, 'zoom-fit')),
        drawing, container, hovered,
        h('figcaption', {},
          h('ul', { class: 'legend', id: 'network-legend', 'aria-label': t('ecogram.legend') }, KINDS.map((kind) =>
            h('li', { dataset: { kind } }, legendShape(kind), t(`nodeKind.${kind}`)))),
          h('p', { class: 'muted' }, t('network.sizeNote')))),
      nodeTable),
    missingLinks(missing, names));
  const showTable = () => clear(nodeTable, nodesTable(network, metricSelect.value, (id) => {
    describe(id);
    if (graph) name(graph, id);
  }));
  showTable();
  result.querySelector('h2').focus();
  // Two frames first, so the progress is painted before the layout keeps the browser busy.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  drawn?.destroy();
  graph = await drawNetwork(container, network, metricSelect.value, { onHover: describe });
  drawn = graph;
  drawing.remove();
  container.dataset.drawn = 'true';
  metricSelect.onchange = () => {
    sizeBy(graph, network, metricSelect.value);
    showTable();
  };
}

const COLUMNS = [
  { key: 'label', text: () => t('network.name') },
  { key: 'kind', text: () => t('network.kind') },
  { key: 'degree', text: () => t('metric.degree'), numeric: true },
  { key: 'weightedDegree', text: () => t('metric.weightedDegree'), numeric: true },
  { key: 'betweenness', text: () => t('metric.betweenness'), numeric: true },
];

/**
 * Every node of the map as a table, sorted by the chosen metric first; each column's heading sorts by it. Choosing a
 * name (by click, tab or keyboard) names the node on the map.
 */
function nodesTable(network, metric, onChoose) {
  let sortKey = metric;
  let descending = true;
  const wrap = h('div', { class: 'table-wrap node-table', tabindex: '0', role: 'region', 'aria-label': t('network.tableCaption', { count: network.nodes.length }) });
  const kindText = (node) => `${t(`nodeKind.${node.kind}`)} – ${label('detail', node.detail)}`;
  const value = (node, key) => (key === 'kind' ? kindText(node) : node[key]);
  const render = () => {
    const sorted = [...network.nodes].sort((a, b) => {
      const [x, y] = [value(a, sortKey), value(b, sortKey)];
      const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'nl');
      return descending ? -order : order;
    });
    clear(wrap, h('table', {},
      h('caption', {}, t('network.tableCaption', { count: network.nodes.length })),
      h('thead', {}, h('tr', {}, COLUMNS.map((column) => h('th', {
        scope: 'col', class: column.numeric ? 'number' : null,
        'aria-sort': column.key === sortKey ? (descending ? 'descending' : 'ascending') : null,
      }, h('button', { type: 'button', class: 'sort', dataset: { sort: column.key }, onclick: () => {
        descending = column.key === sortKey ? !descending : Boolean(column.numeric);
        sortKey = column.key;
        render();
        wrap.querySelector(`button[data-sort="${column.key}"]`).focus();
      } }, column.text()))))),
      h('tbody', {}, sorted.map((node) => h('tr', { dataset: { node: node.id } },
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link-button', onclick: () => onChoose(node.id), onfocus: () => onChoose(node.id) },
          legendShape(node.kind), node.label)),
        h('td', {}, kindText(node)),
        h('td', { class: 'number' }, node.degree),
        h('td', { class: 'number' }, decimal(node.weightedDegree, 1)),
        h('td', { class: 'number' }, decimal(node.betweenness, 3)))))));
  };
  render();
  return wrap;
}

/** A number in the user's language with at most `digits` decimals and no trailing zeros: 19, 0,5. */
function decimal(value, digits) {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(language() === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits }).format(value);
}

/** An explanation from the API, worded: each coded value in words, a parameter given more than once as a list. */
export function explain(explanation) {
  const values = {};
  for (const { name: key, value } of explanation.parameters) {
    const text = CODED_PARAMETERS[key] ? label(CODED_PARAMETERS[key], value) : value;
    (values[key] ??= []).push(text);
  }
  const or = new Intl.ListFormat(language(), { type: 'disjunction' });
  const and = new Intl.ListFormat(language(), { type: 'conjunction' });
  const filled = Object.fromEntries(Object.entries(values).map(([key, list]) =>
    [key, key === 'organisation' && explanation.code === 'ASK_SECONDMENT' ? or.format(list) : and.format(list)]));
  return t(`explanation.${explanation.code}`, filled);
}

function evidence(item) {
  return [h('p', { class: 'muted' }, explain(item.evidence)), h('p', {}, h('strong', {}, `→ ${explain(item.suggestedAction)}`))];
}

function missingLinks(missing, names) {
  const predictions = h('div');
  const showPredictions = (all) => {
    const rows = all ? missing.predictedLinks : missing.predictedLinks.slice(0, SHOWN_PREDICTIONS);
    clear(predictions, table(t('missing.predictedCaption', { count: missing.predictedLinks.length }),
      [t('missing.first'), t('missing.second'), t('missing.shared'), t('missing.score')],
      rows.map((link) => ({ cells: [link.first, link.second, link.sharedHouseholds, decimal(link.score, 2)] })), { numeric: [2, 3] }),
    !all && missing.predictedLinks.length > SHOWN_PREDICTIONS
      ? h('button', { type: 'button', class: 'secondary', onclick: () => showPredictions(true) }, t('missing.showAll', { count: missing.predictedLinks.length }))
      : null);
  };
  showPredictions(false);
  return h('section', { id: 'missing-links', 'aria-labelledby': 'missing-title' },
    h('h2', { id: 'missing-title' }, t('missing.title')),
    h('p', {}, t('missing.intro')),
    h('h3', {}, t('missing.vindplaatsen', { count: missing.vindplaatsContacts.length })),
    h('ul', { id: 'missing-vindplaatsen', class: 'list' }, missing.vindplaatsContacts.map((item) => h('li', {},
      h('strong', {}, t('missing.noContact', { team: names.get(item.team) ?? item.team, vindplaats: names.get(item.vindplaats) ?? item.vindplaats })),
      ` (${label('vindplaatsKind', item.kind)}, ${label('detail', item.category)})`, evidence(item)))),
    h('h3', {}, t('missing.disciplines', { count: missing.disciplines.length })),
    h('ul', { id: 'missing-disciplines', class: 'list' }, missing.disciplines.map((item) => h('li', {},
      h('strong', {}, t('missing.lacks', { team: names.get(item.team) ?? item.team, discipline: label('detail', item.discipline) })), evidence(item)))),
    h('h3', {}, t('missing.predicted', { count: missing.predictedLinks.length })),
    h('p', {}, t('missing.predictedIntro')),
    h('div', { id: 'predicted-links' }, predictions),
    h('h3', {}, t('missing.organisations', { count: missing.unlinkedOrganisations.length })),
    h('ul', { id: 'unlinked-organisations', class: 'list' }, missing.unlinkedOrganisations.map((item) => h('li', {},
      h('strong', {}, t('missing.unlinked', { name: item.name, households: item.households })), evidence(item)))));
}

function compare(areas, code) {
  const first = areaSelect('first', areas, code);
  const firstDate = h('input', { type: 'date', name: 'firstAsOf' });
  const second = areaSelect('second', areas, areas.municipality?.districts[1]?.code ?? code);
  const secondDate = h('input', { type: 'date', name: 'secondAsOf' });
  const result = h('div', { id: 'comparison' });
  return h('section', { 'aria-labelledby': 'compare-title' },
    h('h2', { id: 'compare-title' }, t('compare.title')),
    h('p', {}, t('compare.intro')),
    h('form', { class: 'panel', onsubmit: async (event) => {
      event.preventDefault();
      clear(result, busy(t('compare.loading')));
      try {
        const data = await graphql(`query($first: AreaOnDayInput!, $second: AreaOnDayInput!) { compareNetworks(first: $first, second: $second) {
          first { name asOf } second { name asOf } figures { name first second difference } } }`,
        { first: { code: first.value, asOf: firstDate.value || null }, second: { code: second.value, asOf: secondDate.value || null } });
        const comparison = data.compareNetworks;
        const firstName = `${comparison.first.name}, ${formatDate(comparison.first.asOf)}`;
        const secondName = `${comparison.second.name}, ${formatDate(comparison.second.asOf)}`;
        clear(result, table(t('compare.caption', { first: firstName, second: secondName }),
          [t('compare.figure'), firstName, secondName, t('compare.difference')],
          comparison.figures.map((figure) => ({ cells: [label('figure', figure.name), decimal(figure.first, 3), decimal(figure.second, 3),
            `${figure.difference > 0 ? '+' : ''}${decimal(figure.difference, 3)}`] })), { numeric: [1, 2, 3] }));
      } catch (error) {
        clear(result, failure(error));
      }
    } },
    h('div', { class: 'row' }, field(t('compare.first'), first), field(t('compare.firstAsOf'), firstDate)),
    h('div', { class: 'row' }, field(t('compare.second'), second), field(t('compare.secondAsOf'), secondDate)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('compare.submit')))),
    result);
}

const EXPORTS = [
  ['graphml', (code) => `${code}.graphml`],
  ['gexf', (code) => `${code}.gexf`],
  ['nodes', (code) => `${code}/nodes.csv`],
  ['edges', (code) => `${code}/edges.csv`],
];

/** A file name from an area's name, its code, the day and the extension: wijknetwerk-havenkwartier-BU99010101-2026-12-06.gexf */
function fileName(areaNames, code, day, path) {
  const slug = (areaNames.get(code) ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  // The part after the code: "graphml", or "nodes.csv" for the CSV files.
  const parts = path(code).slice(code.length + 1).split('.');
  const extension = parts.pop();
  return `${['wijknetwerk', slug, code, day, ...parts].filter(Boolean).join('-')}.${extension}`;
}

/** The export links carry their address; a click fetches it signed in and shows progress, as a file can be large. */
function exports(area, asOf, areaNames) {
  const status = h('div', { id: 'export-status', 'aria-live': 'polite' });
  const address = (path) => `/exports/networks/${path(area.value)}${asOf.value ? `?asOf=${asOf.value}` : ''}`;
  const link = (kind, path) => h('a', { class: 'button secondary', href: address(path), download: fileName(areaNames, area.value, asOf.value || today(), path), dataset: { export: kind }, onclick: async (event) => {
    event.preventDefault();
    const file = fileName(areaNames, area.value, asOf.value || today(), path);
    const progress = h('progress', { 'aria-label': t('export.progress') });
    const text = h('span', {}, t('export.busy', { file }));
    clear(status, h('div', { class: 'busy' }, progress, text));
    try {
      const bytes = await download(address(path), file, (received, total) => {
        if (total) {
          progress.max = total;
          progress.value = received;
        }
        text.textContent = t('export.received', { file, kilobytes: formatNumber(received / 1024, 0) });
      });
      clear(status, notice('ok', h('p', {}, t('export.done', { file, kilobytes: formatNumber(bytes / 1024, 0) }))));
    } catch (error) {
      clear(status, error instanceof ApiError && error.kind === 'failed' ? notice('error', h('p', {}, t('export.failed', { file }))) : failure(error));
    }
  } }, t(`export.${kind}`));
  // The addresses follow the chosen area and day, so a link can also be copied.
  const links = EXPORTS.map(([kind, path]) => link(kind, path));
  const update = () => EXPORTS.forEach(([, path], index) => {
    links[index].setAttribute('href', address(path));
    links[index].setAttribute('download', fileName(areaNames, area.value, asOf.value || today(), path));
  });
  area.addEventListener('change', update);
  asOf.addEventListener('change', update);
  return h('section', { 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title' }, t('export.title')),
    h('p', {}, t('export.intro')),
    h('div', { class: 'actions' }, links), status);
}
