// The network pictures, drawn with Cytoscape.js from its WebJar. It is loaded when a picture is first needed, so the
// screens without one do not wait for it.
let library;

export async function loadCytoscape() {
  library ??= (await import('/webjars/cytoscape/dist/cytoscape.esm.min.mjs')).default;
  return library;
}

/** Colours for organisations, the same as docs/ecogram.py's; every node also has a dark border and a text label. */
export const ORGANISATION_COLOURS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d',
  '#666666', '#1f78b4', '#b2df8a', '#fb9a99', '#cab2d6', '#ff7f00', '#6a3d9a'];

const LABEL = {
  label: 'data(label)', 'font-size': 11, color: '#1a1a1a', 'text-wrap': 'wrap', 'text-max-width': 130,
  'text-valign': 'bottom', 'text-margin-y': 4, 'text-outline-color': '#ffffff', 'text-outline-width': 2,
};

/** Below this width the ecogram is drawn as two columns rather than a ring, so its labels keep their size. */
const NARROW = 600;
const ECOGRAM_FONT = 13;

/**
 * Where each node of the ecogram goes, at zoom 1 so every label keeps its 13 px: on a wide screen the professionals
 * on an ellipse around the household, as wide as the container; on a narrow one the household on top and the
 * professionals in two columns under it. Returns the positions and the height the container needs.
 */
function ecogramPlaces(width, count) {
  const places = new Map();
  if (width < NARROW) {
    const rowHeight = 84;
    places.set('household', { x: width / 2, y: 40 });
    for (let index = 0; index < count; index += 1) {
      places.set(index, { x: width * (index % 2 === 0 ? 0.25 : 0.75), y: 120 + Math.floor(index / 2) * rowHeight });
    }
    return { places, height: 120 + Math.ceil(count / 2) * rowHeight, narrow: true };
  }
  const rx = Math.max(160, width / 2 - 110);
  const ry = Math.max(130, Math.min(260, count * 18));
  const height = 2 * ry + 110;
  places.set('household', { x: width / 2, y: height / 2 - 10 });
  for (let index = 0; index < count; index += 1) {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(count, 1);
    places.set(index, { x: width / 2 + rx * Math.cos(angle), y: height / 2 - 10 + ry * Math.sin(angle) });
  }
  return { places, height, narrow: false };
}

/**
 * The ecogram: the household in the middle, its professionals around it coloured by organisation, collaborating pairs
 * in green, the coordinator with a thick ring and a star. Pairs without collaboration are drawn only when asked
 * (showUnlinked) or for the one person highlighted, so the picture never turns into a mesh. Labels stay at 13 px: the
 * picture is as tall as it needs, never zoomed out.
 */
export async function drawEcogram(container, { household, professionals, collaborations, unlinkedPairs }) {
  const Cytoscape = await loadCytoscape();
  const width = container.clientWidth || 360;
  const { places, height, narrow } = ecogramPlaces(width, professionals.length);
  container.style.height = `${height}px`;
  const labelWidth = narrow ? Math.max(120, width / 2 - 16) : 170;
  const elements = [
    { data: { id: 'household', label: household, kind: 'household' }, position: places.get('household') },
    ...professionals.map((professional, index) => ({
      data: { id: professional.id, label: professional.label, colour: professional.colour, kind: 'professional' },
      classes: professional.coordinator ? 'coordinator' : '',
      position: places.get(index),
    })),
    ...professionals.map((professional) => ({
      data: { id: `h-${professional.id}`, source: 'household', target: professional.id },
      classes: narrow ? 'spoke hidden' : 'spoke',
    })),
    ...collaborations.map(([first, second]) => ({
      data: { id: `c-${first}-${second}`, source: first, target: second }, classes: 'collaboration',
    })),
    ...unlinkedPairs.map(([first, second]) => ({
      data: { id: `u-${first}-${second}`, source: first, target: second }, classes: 'unlinked hidden',
    })),
  ];
  const graph = Cytoscape({
    container,
    elements,
    layout: { name: 'preset', fit: false },
    zoom: 1,
    pan: { x: 0, y: 0 },
    userZoomingEnabled: false,
    userPanningEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: true,
    style: [
      { selector: 'node', style: { ...LABEL, 'font-size': ECOGRAM_FONT, 'text-max-width': labelWidth, 'background-color': 'data(colour)', 'border-width': 2, 'border-color': '#1a1a1a', width: 28, height: 28 } },
      { selector: 'node[kind = "household"]', style: { shape: 'round-rectangle', 'background-color': '#1d3b53', width: 120, height: 54, 'font-weight': 700, 'text-valign': 'center', 'text-margin-y': 0, color: '#ffffff', 'text-outline-width': 0, 'text-max-width': 112, 'font-size': ECOGRAM_FONT } },
      { selector: 'node.coordinator', style: { 'border-width': 5, shape: 'star', width: 40, height: 40, 'font-weight': 700 } },
      { selector: 'edge', style: { 'curve-style': 'straight', width: 1 } },
      { selector: 'edge.spoke', style: { 'line-color': '#c9cdd2', width: 1.5 } },
      { selector: 'edge.collaboration', style: { 'line-color': '#00703c', width: 4 } },
      { selector: 'edge.unlinked', style: { 'line-color': '#a4001c', 'line-style': 'dashed', width: 1.5, opacity: 0.6 } },
      { selector: '.faded', style: { opacity: 0.15 } },
      { selector: 'edge.unlinked.linked', style: { opacity: 1, width: 2.5 } },
      { selector: 'node.focused', style: { 'border-width': 5, 'border-color': '#ffbf47', 'font-weight': 700 } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });
  return graph;
}

/** Shows a person's own links and fades the rest, their missing links included; null shows everyone again. */
export function highlight(graph, id) {
  graph.batch(() => {
    graph.elements().removeClass('faded focused linked');
    graph.edges('.unlinked').addClass('hidden');
    if (graph.scratch('unlinkedShown')) graph.edges('.unlinked').removeClass('hidden');
    if (!id) return;
    const node = graph.getElementById(id);
    const own = node.connectedEdges();
    own.filter('.unlinked').removeClass('hidden').addClass('linked');
    const near = own.union(own.connectedNodes()).union(graph.getElementById('household'));
    graph.elements().difference(near).addClass('faded');
    node.addClass('focused');
  });
}

/** Runs a layout and settles when it stops, whether the layout works at once or over several frames. */
function run(graph, options) {
  const layout = graph.layout(options);
  const stopped = layout.promiseOn('layoutstop');
  layout.run();
  return stopped;
}

export function showUnlinked(graph, shown) {
  graph.scratch('unlinkedShown', shown);
  graph.edges('.unlinked').toggleClass('hidden', !shown);
}
