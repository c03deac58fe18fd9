// The network pictures, drawn with Cytoscape.js from its WebJar. It is loaded when a picture is first needed, so the
// screens without one do not wait for it.
let library;

async function cytoscape() {
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
  const Cytoscape = await cytoscape();
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

const KIND_STYLE = {
  TEAM: { colour: '#1d3b53', shape: 'round-rectangle' },
  ORGANISATION: { colour: '#d95f02', shape: 'diamond' },
  VINDPLAATS: { colour: '#1b9e77', shape: 'triangle' },
  PROFESSIONAL: { colour: '#7570b3', shape: 'ellipse' },
};

export function kindColour(kind) {
  return KIND_STYLE[kind].colour;
}

/**
 * An area's network with nodes sized by a metric. The force-directed layout of a district can take a few seconds
 * on a slow machine: the returned promise settles when it is done, so the caller can show progress meanwhile.
 */
export async function drawNetwork(container, network, metric) {
  const Cytoscape = await cytoscape();
  const largest = Math.max(...network.nodes.map((node) => node[metric]), 0);
  const elements = [
    ...network.nodes.map((node) => ({
      data: {
        id: node.id,
        label: node.kind === 'PROFESSIONAL' ? '' : node.label,
        colour: KIND_STYLE[node.kind].colour,
        shape: KIND_STYLE[node.kind].shape,
        size: nodeSize(node[metric], largest),
      },
    })),
    ...network.edges.map((edge, index) => ({
      data: { id: `e${index}`, source: edge.source, target: edge.target, weight: edge.weight },
      classes: edge.kind.toLowerCase(),
    })),
  ];
  const graph = Cytoscape({
    container,
    elements,
    layout: { name: 'preset' },
    boxSelectionEnabled: false,
    style: [
      { selector: 'node', style: { ...LABEL, 'font-size': 10, 'background-color': 'data(colour)', shape: 'data(shape)', width: 'data(size)', height: 'data(size)', 'border-width': 1.5, 'border-color': '#1a1a1a' } },
      { selector: 'edge', style: { 'curve-style': 'straight', 'line-color': '#9aa1a9', width: 1 } },
      { selector: 'edge.collaboration', style: { 'line-color': '#00703c', width: 'mapData(weight, 1, 10, 1.5, 6)' } },
      { selector: 'edge.referral', style: { 'line-color': '#d95f02', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#d95f02', 'curve-style': 'bezier' } },
      { selector: 'edge.contact', style: { 'line-color': '#1b9e77', 'line-style': 'dashed' } },
    ],
  });
  await run(graph, { name: 'cose', animate: false, randomize: true, padding: 20, nodeRepulsion: () => 9000, idealEdgeLength: () => 60, numIter: 1200 });
  return graph;
}

/** Sizes the nodes of a drawn network by another metric, keeping the layout. */
export function sizeBy(graph, network, metric) {
  const largest = Math.max(...network.nodes.map((node) => node[metric]), 0);
  for (const node of network.nodes) {
    graph.getElementById(node.id).data('size', nodeSize(node[metric], largest));
  }
}

function nodeSize(value, largest) {
  return largest > 0 ? 14 + 56 * Math.sqrt(value / largest) : 20;
}
