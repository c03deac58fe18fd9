// Stuurinformatie: cliëntisme and waiting against the statutory terms for an area and a period, and two areas or two
// periods side by side. Every chart is an SVG with a text alternative and the same figures as a table; a cell the
// disclosure control suppressed says so in words.
import { graphql } from '../api.js';
import { busy, clear, facts as factList, field, h, table } from '../dom.js';
import { formatDate, label, language, t } from '../i18n.js';
import { failure, heading } from '../screen.js';

const SVG = 'http://www.w3.org/2000/svg';
const FIGURES = 'referrals toOwnEmployer ownEmployerShare expectedShare difference';
const WAITING = 'submitted decided open overdue overdueShare medianWaitingDays medianOpenDays';
/** The comparison's figures that are shares (0 to 1), shown as percentages. */
const SHARES = ['ownEmployerShare', 'expectedOwnEmployerShare', 'overdueShare'];

function locale() {
  return language() === 'nl' ? 'nl-NL' : 'en-GB';
}

/** A count or a number of days in the user's language: 19, 12,5. Null is a suppressed cell. */
export function number(value, digits = 1) {
  if (value === null || value === undefined) return suppressed();
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

/** A share (0 to 1) as a percentage: 0,5 is 50%. */
export function percent(value) {
  if (value === null || value === undefined) return suppressed();
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/**
 * Analysts and administrators read under disclosure control, where a missing value was suppressed; for others it is
 * one that cannot be computed (a share of nothing).
 */
let suppressing = true;

function suppressed() {
  return suppressing ? t('steering.suppressed') : t('steering.noValue');
}

/** The key figures; a suppressed one in plain type, so its words fit where a number would stand. */
function facts(pairs) {
  return factList(pairs.map(([term, value]) => [term, value === suppressed() ? h('span', { class: 'suppressed' }, value) : value]));
}

/** The months, weeks or days of an ISO-8601 period as Dutch words: P56D is "8 weken". */
function term(iso) {
  const days = Number(/^P(\d+)D$/.exec(iso)?.[1]);
  const weeks = Number(/^P(\d+)W$/.exec(iso)?.[1]);
  if (weeks || (days && days % 7 === 0)) return t('steering.weeks', { count: weeks || days / 7 });
  if (days) return t('steering.days', { count: days });
  return iso;
}

export async function render(main, { params, user }) {
  suppressing = ['ANALYST', 'ADMINISTRATOR'].includes(user.role);
  const areas = await graphql('{ municipality { districts { code name neighbourhoods { code name } } } }');
  const districts = areas.municipality?.districts ?? [];
  const area = areaSelect('code', districts, params.get('code') ?? districts[0]?.code);
  const from = h('input', { type: 'date', name: 'from', value: params.get('from') ?? '' });
  const to = h('input', { type: 'date', name: 'to', value: params.get('to') ?? '' });
  const result = h('div', { id: 'steering-result' });
  const form = h('form', { class: 'panel', onsubmit: (event) => {
    event.preventDefault();
    const query = new URLSearchParams({ code: area.value });
    if (from.value) query.set('from', from.value);
    if (to.value) query.set('to', to.value);
    history.pushState(null, '', `/steering?${query}`);
    show(result, area.value, from.value || null, to.value || null);
  } },
  h('div', { class: 'row' },
    field(t('steering.area'), area),
    field(t('steering.from'), from, { hint: t('steering.fromHint') }),
    field(t('steering.to'), to, { hint: t('steering.toHint') })),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('steering.show'))));
  main.append(heading(t('nav.steering')), h('p', {}, t('steering.intro')), form, result, comparison(districts));
  if (area.value) await show(result, area.value, params.get('from'), params.get('to'));
}

function areaSelect(name, districts, selected) {
  return h('select', { name }, districts.map((district) => h('optgroup', { label: district.name },
    h('option', { value: district.code, selected: district.code === selected }, t('steering.district', { name: district.name })),
    district.neighbourhoods.map((n) => h('option', { value: n.code, selected: n.code === selected }, n.name)))));
}

async function show(result, code, from, to) {
  clear(result, busy(t('steering.loading')));
  let data;
  try {
    data = await graphql(`query($code: String!, $from: Date, $to: Date) {
      clientism(code: $code, from: $from, to: $to) {
        scope { name from to } smallCellsSuppressed minimumCellSize referrals
        teamMembers { ${FIGURES} } teams { team figures { ${FIGURES} } } }
      applicationWaiting(code: $code, from: $from, to: $to) {
        scope { name from to } asOf smallCellsSuppressed minimumCellSize statutoryTerms { law term }
        total { ${WAITING} } teams { team figures { ${WAITING} } } neighbourhoods { name figures { ${WAITING} } } } }`, { code, from, to });
  } catch (error) {
    clear(result, failure(error));
    return;
  }
  const { clientism, applicationWaiting: waiting } = data;
  clear(result,
    h('h2', { id: 'steering-title', tabindex: '-1' }, t('steering.title', {
      name: clientism.scope.name, from: formatDate(clientism.scope.from), to: formatDate(clientism.scope.to) })),
    clientism.smallCellsSuppressed || waiting.smallCellsSuppressed
      ? h('p', { class: 'notice info', id: 'suppression-note' }, t('steering.suppressionNote', { minimum: clientism.minimumCellSize }))
      : null,
    clientismSection(clientism),
    waitingSection(waiting));
  result.querySelector('h2').focus();
}

function clientismSection(clientism) {
  const rows = [
    { name: t('steering.allTeamMembers'), figures: clientism.teamMembers },
    ...clientism.teams.map((team) => ({ name: team.team, figures: team.figures })),
  ];
  return h('section', { id: 'clientism', 'aria-labelledby': 'clientism-title' },
    h('h3', { id: 'clientism-title' }, t('steering.clientismTitle')),
    h('p', {}, t('steering.clientismIntro')),
    facts([
      [t('steering.referrals'), number(clientism.referrals, 0)],
      [t('steering.ownEmployerShare'), percent(clientism.teamMembers.ownEmployerShare)],
      [t('steering.expectedShare'), percent(clientism.teamMembers.expectedShare)],
      [t('steering.difference'), points(clientism.teamMembers.difference)],
    ]),
    barChart({
      id: 'clientism-chart',
      title: t('steering.clientismChart'),
      rows: rows.map((row) => ({ name: row.name, values: [row.figures.ownEmployerShare, row.figures.expectedShare] })),
      series: [t('steering.ownEmployerShare'), t('steering.expectedShare')],
      format: percent,
      maximum: 1,
    }),
    table(t('steering.clientismCaption'),
      [t('steering.group'), t('steering.referrals'), t('steering.toOwnEmployer'), t('steering.ownEmployerShare'), t('steering.expectedShare'), t('steering.difference')],
      rows.map((row) => ({ cells: [row.name, number(row.figures.referrals, 0), number(row.figures.toOwnEmployer, 0),
        percent(row.figures.ownEmployerShare), percent(row.figures.expectedShare), points(row.figures.difference)] })),
      { numeric: [1, 2, 3, 4, 5] }));
}

/** A difference of two shares in percentage points: +5,2 procentpunt. */
function points(value) {
  if (value === null || value === undefined) return suppressed();
  const sign = value > 0 ? '+' : '';
  return t('steering.points', { value: `${sign}${number(value * 100, 1)}` });
}

function waitingSection(waiting) {
  const rows = [
    { name: t('steering.wholeArea'), figures: waiting.total },
    ...waiting.teams.map((team) => ({ name: team.team, figures: team.figures })),
    ...waiting.neighbourhoods.map((n) => ({ name: t('steering.neighbourhood', { name: n.name }), figures: n.figures })),
  ];
  return h('section', { id: 'waiting', 'aria-labelledby': 'waiting-title' },
    h('h3', { id: 'waiting-title' }, t('steering.waitingTitle')),
    h('p', {}, t('steering.waitingIntro', { date: formatDate(waiting.asOf) })),
    h('ul', { id: 'statutory-terms', class: 'list' }, waiting.statutoryTerms.map((statutory) =>
      h('li', {}, t('steering.term', { law: label('law', statutory.law), term: term(statutory.term) })))),
    facts([
      [t('steering.submitted'), number(waiting.total.submitted, 0)],
      [t('steering.open'), number(waiting.total.open, 0)],
      [t('steering.overdue'), number(waiting.total.overdue, 0)],
      [t('steering.overdueShare'), percent(waiting.total.overdueShare)],
      [t('steering.medianWaitingDays'), days(waiting.total.medianWaitingDays)],
    ]),
    barChart({
      id: 'waiting-chart',
      title: t('steering.waitingChart'),
      rows: rows.map((row) => ({ name: row.name, values: [row.figures.overdueShare] })),
      series: [t('steering.overdueShare')],
      format: percent,
      maximum: 1,
    }),
    table(t('steering.waitingCaption'),
      [t('steering.group'), t('steering.submitted'), t('steering.decided'), t('steering.open'), t('steering.overdue'),
        t('steering.overdueShare'), t('steering.medianWaitingDays'), t('steering.medianOpenDays')],
      rows.map((row) => ({ cells: [row.name, number(row.figures.submitted, 0), number(row.figures.decided, 0), number(row.figures.open, 0),
        number(row.figures.overdue, 0), percent(row.figures.overdueShare), days(row.figures.medianWaitingDays), days(row.figures.medianOpenDays)] })),
      { numeric: [1, 2, 3, 4, 5, 6, 7] }));
}

function days(value) {
  if (value === null || value === undefined) return suppressed();
  return t('steering.daysValue', { value: number(value, 1) });
}

/**
 * A horizontal bar chart as SVG: one group of bars per row, a bar per series. Its text alternative names every value,
 * and a suppressed value is drawn as no bar with the word for it; the table beside it holds the same figures.
 */
function barChart({ id, title, rows, series, format, maximum }) {
  const colours = ['#1d3b53', '#d95f02'];
  const labelWidth = 150;
  const barHeight = 16;
  const groupHeight = series.length * barHeight + 14;
  const width = 560;
  const plot = width - labelWidth - 70;
  const height = rows.length * groupHeight + 30;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('id', id);
  svg.setAttribute('class', 'chart');
  const description = rows.map((row) => `${row.name}: ${row.values.map((value, index) => `${series[index]} ${format(value)}`).join(', ')}`).join('; ');
  svg.setAttribute('aria-label', `${title}. ${description}.`);
  const add = (tag, attributes, text) => {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    svg.append(element);
    return element;
  };
  rows.forEach((row, rowIndex) => {
    const top = rowIndex * groupHeight + 4;
    add('text', { x: labelWidth - 8, y: top + groupHeight / 2 - 2, 'text-anchor': 'end', 'font-size': 13, fill: '#1a1a1a' }, short(row.name));
    row.values.forEach((value, index) => {
      const y = top + index * barHeight;
      if (value === null || value === undefined) {
        add('text', { x: labelWidth + 4, y: y + barHeight - 4, 'font-size': 12, fill: '#4a4a4a', 'font-style': 'italic' }, suppressed());
        return;
      }
      const length = Math.max(1, (Math.min(value, maximum) / maximum) * plot);
      add('rect', { x: labelWidth, y, width: length, height: barHeight - 3, fill: colours[index % colours.length] });
      add('text', { x: labelWidth + length + 4, y: y + barHeight - 4, 'font-size': 12, fill: '#1a1a1a' }, format(value));
    });
  });
  add('line', { x1: labelWidth, y1: 0, x2: labelWidth, y2: height - 26, stroke: '#1a1a1a' });
  return h('figure', { class: 'chart-figure' }, svg,
    h('figcaption', {}, h('strong', {}, title),
      series.length > 1
        ? h('ul', { class: 'legend' }, series.map((name, index) => {
          const swatch = h('span', { class: 'swatch' });
          swatch.style.backgroundColor = colours[index];
          return h('li', {}, swatch, name);
        }))
        : null));
}

function short(name) {
  return name.length > 22 ? `${name.slice(0, 21)}…` : name;
}

function comparison(districts) {
  const side = (prefix, selected) => ({
    area: areaSelect(`${prefix}Code`, districts, selected),
    from: h('input', { type: 'date', name: `${prefix}From` }),
    to: h('input', { type: 'date', name: `${prefix}To` }),
  });
  const first = side('first', districts[0]?.code);
  const second = side('second', districts[1]?.code ?? districts[0]?.code);
  const result = h('div', { id: 'steering-comparison' });
  const input = (chosen) => ({ code: chosen.area.value, from: chosen.from.value || null, to: chosen.to.value || null });
  return h('section', { 'aria-labelledby': 'steering-compare-title' },
    h('h2', { id: 'steering-compare-title' }, t('steering.compareTitle')),
    h('p', {}, t('steering.compareIntro')),
    h('form', { class: 'panel', onsubmit: async (event) => {
      event.preventDefault();
      clear(result, busy(t('steering.loading')));
      try {
        const answer = (await graphql(`query($first: SteeringPeriodInput!, $second: SteeringPeriodInput!) {
          compareSteering(first: $first, second: $second) { first { name from to } second { name from to }
            figures { name first second difference } } }`, { first: input(first), second: input(second) })).compareSteering;
        const name = (scope) => t('steering.scope', { name: scope.name, from: formatDate(scope.from), to: formatDate(scope.to) });
        const value = (figure, raw) => (SHARES.includes(figure.name) ? percent(raw) : number(raw, 1));
        const difference = (figure) => {
          if (figure.difference === null || figure.difference === undefined) return suppressed();
          if (SHARES.includes(figure.name)) return points(figure.difference);
          return `${figure.difference > 0 ? '+' : ''}${number(figure.difference, 1)}`;
        };
        clear(result, table(t('steering.compareCaption', { first: name(answer.first), second: name(answer.second) }),
          [t('steering.figure'), name(answer.first), name(answer.second), t('steering.change')],
          answer.figures.map((figure) => ({ cells: [label('steeringFigure', figure.name), value(figure, figure.first),
            value(figure, figure.second), difference(figure)] })), { numeric: [1, 2, 3] }));
        result.querySelector('caption').tabIndex = -1;
        result.querySelector('caption').focus();
      } catch (error) {
        clear(result, failure(error));
      }
    } },
    h('div', { class: 'row' }, field(t('steering.firstArea'), first.area), field(t('steering.from'), first.from), field(t('steering.to'), first.to)),
    h('div', { class: 'row' }, field(t('steering.secondArea'), second.area), field(t('steering.from'), second.from), field(t('steering.to'), second.to)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('steering.compare')))),
    result);
}
