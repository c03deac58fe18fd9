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

/**
 * The ecogram: the household in the middle, its professionals around it coloured by organisation, collaborating pairs
 * in green, pairs without collaboration dashed red (shown or hidden), the coordinator with a thick ring and a star.
 */
export async function drawEcogram(container, { household, professionals, collaborations, unlinkedPairs }) {
  const Cytoscape = await loadCytoscape();
  const elements = [
    { data: { id: 'household', label: household, kind: 'household' } },
    ...professionals.map((professional) => ({
      data: { id: professional.id, label: professional.label, colour: professional.colour, kind: 'professional' },
      classes: professional.coordinator ? 'coordinator' : '',
    })),
    ...professionals.map((professional) => ({
      data: { id: `h-${professional.id}`, source: 'household', target: professional.id }, classes: 'spoke',
    })),
    ...collaborations.map(([first, second]) => ({
      data: { id: `c-${first}-${second}`, source: first, target: second }, classes: 'collaboration',
    })),
    ...unlinkedPairs.map(([first, second]) => ({
      data: { id: `u-${first}-${second}`, source: first, target: second }, classes: 'unlinked',
    })),
  ];
  const graph = Cytoscape({
    container,
    elements,
    layout: { name: 'preset' },
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
    style: [
      { selector: 'node', style: { ...LABEL, 'background-color': 'data(colour)', 'border-width': 2, 'border-color': '#1a1a1a', width: 30, height: 30 } },
      { selector: 'node[kind = "household"]', style: { shape: 'round-rectangle', 'background-color': '#1d3b53', width: 74, height: 48, 'font-weight': 700, 'text-valign': 'center', 'text-margin-y': 0, color: '#ffffff', 'text-outline-width': 0, 'text-max-width': 70, 'font-size': 10 } },
      { selector: 'node.coordinator', style: { 'border-width': 6, shape: 'star', width: 44, height: 44, 'font-weight': 700 } },
      { selector: 'edge', style: { 'curve-style': 'straight', width: 1 } },
      { selector: 'edge.spoke', style: { 'line-color': '#b9bec4', width: 1.5 } },
      { selector: 'edge.collaboration', style: { 'line-color': '#00703c', width: 4 } },
      { selector: 'edge.unlinked', style: { 'line-color': '#a4001c', 'line-style': 'dashed', width: 1, opacity: 0.45 } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });
  await run(graph, {
    name: 'concentric',
    concentric: (node) => (node.data('kind') === 'household' ? 2 : 1),
    levelWidth: () => 1,
    minNodeSpacing: 40,
    padding: 30,
    animate: false,
  });
  return graph;
}

/** Runs a layout and settles when it stops, whether the layout works at once or over several frames. */
function run(graph, options) {
  const layout = graph.layout(options);
  const stopped = layout.promiseOn('layoutstop');
  layout.run();
  return stopped;
}

export function showUnlinked(graph, shown) {
  graph.edges('.unlinked').toggleClass('hidden', !shown);
}
