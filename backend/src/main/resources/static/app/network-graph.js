// The area network picture for Wijknetwerk: nodes sized by a metric, labels that never overlap at the zoom it opens
// at, a professional named on hover or when chosen in the table beside it, and zoom by wheel or buttons.
import { loadCytoscape } from './graph.js';

/** Colour and shape per kind of node; the legend draws the same shapes (see legendShape). */
export const KIND_STYLE = {
  TEAM: { colour: '#1d3b53', shape: 'round-rectangle' },
  ORGANISATION: { colour: '#d95f02', shape: 'diamond' },
  VINDPLAATS: { colour: '#1b9e77', shape: 'triangle' },
  PROFESSIONAL: { colour: '#7570b3', shape: 'ellipse' },
};

/** The smallest label text, in CSS pixels at the zoom the picture opens at. */
export const LABEL_SIZE = 12;

const SVG = 'http://www.w3.org/2000/svg';

/** A small SVG of a kind's shape and colour, as the map draws it, for the legend and the table. */
export function legendShape(kind) {
  const { colour, shape } = KIND_STYLE[kind];
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('viewBox', '0 0 18 18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'shape');
  const outline = {
    'round-rectangle': ['rect', { x: 2, y: 3, width: 14, height: 12, rx: 3 }],
    diamond: ['polygon', { points: '9,1 17,9 9,17 1,9' }],
    triangle: ['polygon', { points: '9,2 17,16 1,16' }],
    ellipse: ['circle', { cx: 9, cy: 9, r: 7 }],
  }[shape];
  const element = document.createElementNS(SVG, outline[0]);
  for (const [name, value] of Object.entries(outline[1])) element.setAttribute(name, value);
  element.setAttribute('fill', colour);
  element.setAttribute('stroke', '#1a1a1a');
  element.setAttribute('stroke-width', '1.5');
  svg.append(element);
  return svg;
}

function nodeSize(value, largest) {
  return largest > 0 ? 16 + 48 * Math.sqrt(value / largest) : 22;
}

/**
 * Draws the network; the promise settles when the layout is done. Professionals carry no label on the map (there are
 * many); their name shows on hover and when chosen. Other labels are 12 px at the opening zoom, and where two would
 * overlap the smaller node's is hidden until it is hovered or chosen: the table beside the map names every node.
 */
export async function drawNetwork(container, network, metric, { onHover } = {}) {
  const Cytoscape = await loadCytoscape();
  const largest = Math.max(...network.nodes.map((node) => node[metric]), 0);
  const graph = Cytoscape({
    container,
    elements: [
      ...network.nodes.map((node) => ({
        data: {
          id: node.id,
          name: node.label,
          label: node.kind === 'PROFESSIONAL' ? '' : node.label,
          colour: KIND_STYLE[node.kind].colour,
          shape: KIND_STYLE[node.kind].shape,
          size: nodeSize(node[metric], largest),
          fontSize: LABEL_SIZE,
        },
      })),
      ...network.edges.map((edge, index) => ({
        data: { id: `e${index}`, source: edge.source, target: edge.target, weight: edge.weight },
        classes: edge.kind.toLowerCase(),
      })),
    ],
    layout: { name: 'preset' },
    boxSelectionEnabled: false,
    // One wheel step zooms by about a fifth; Cytoscape's default step is too small to notice.
    wheelSensitivity: 2,
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      // Label sizes are in model units: data(fontSize) is 12 over the zoom, so it stays 12 px on screen.
      { selector: 'node', style: { label: 'data(label)', 'font-size': 'data(fontSize)', color: '#1a1a1a', 'text-wrap': 'none', 'text-valign': 'bottom', 'text-margin-y': 3, 'text-outline-color': '#ffffff', 'text-outline-width': 2, 'background-color': 'data(colour)', shape: 'data(shape)', width: 'data(size)', height: 'data(size)', 'border-width': 1.5, 'border-color': '#1a1a1a' } },
      { selector: 'node.quiet', style: { 'text-opacity': 0 } },
      { selector: 'node.named', style: { label: 'data(name)', 'text-opacity': 1, 'font-weight': 700, 'z-index': 20, 'border-width': 4 } },
      { selector: 'node.faded', style: { opacity: 0.25 } },
      { selector: 'edge', style: { 'curve-style': 'straight', 'line-color': '#9aa1a9', width: 1 } },
      { selector: 'edge.collaboration', style: { 'line-color': '#00703c', width: 'mapData(weight, 1, 10, 1.5, 6)' } },
      { selector: 'edge.referral', style: { 'line-color': '#d95f02', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#d95f02', 'curve-style': 'bezier' } },
      { selector: 'edge.contact', style: { 'line-color': '#1b9e77', 'line-style': 'dashed' } },
      { selector: 'edge.faded', style: { opacity: 0.15 } },
    ],
  });
  const layout = graph.layout({
    name: 'cose', animate: false, randomize: true, padding: 24, nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 16000, idealEdgeLength: () => 80, nodeOverlap: 20, numIter: 1500,
  });
  const stopped = layout.promiseOn('layoutstop');
  layout.run();
  await stopped;
  // The whole network fits the picture; labels keep 12 px on screen at any zoom (their size in the model is 12 over
  // the zoom), and which of them would overlap is decided again after each zoom.
  graph.fit(undefined, 24);
  readableLabels(graph);
  let pending = false;
  graph.on('zoom', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      readableLabels(graph);
    });
  });
  graph.on('mouseover', 'node', (event) => {
    name(graph, event.target.id());
    onHover?.(event.target.id());
  });
  graph.on('mouseout', 'node', () => {
    name(graph, null);
    onHover?.(null);
  });
  graph.on('tap', 'node', (event) => {
    name(graph, event.target.id());
    onHover?.(event.target.id());
  });
  return graph;
}

/** Sets the labels to 12 px on screen at the current zoom, then hides those that would overlap. */
function readableLabels(graph) {
  graph.nodes().data('fontSize', LABEL_SIZE / graph.zoom());
  // The labels are measured below: their style must hold the new size first.
  graph.nodes().updateStyle();
  hideOverlappingLabels(graph);
}

/**
 * Hides the labels that would overlap another at the current zoom, keeping those of the larger nodes; what is hidden
 * shows again when its node is named. Returns how many labels stay visible.
 */
export function hideOverlappingLabels(graph) {
  const kept = [];
  graph.nodes().removeClass('quiet');
  const labelled = graph.nodes().filter((node) => node.data('label'))
    .sort((a, b) => b.data('size') - a.data('size'));
  labelled.forEach((node) => {
    const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, useCache: false });
    const overlaps = kept.some((other) => box.x1 < other.x2 && other.x1 < box.x2 && box.y1 < other.y2 && other.y1 < box.y2);
    if (overlaps) node.addClass('quiet');
    else kept.push(box);
  });
  return kept.length;
}

/** Names one node (its label shown, bold, its neighbourhood in front, the rest faded), or none. */
export function name(graph, id) {
  graph.elements().removeClass('named faded');
  if (!id) return;
  const node = graph.getElementById(id);
  if (node.empty()) return;
  const around = node.closedNeighborhood();
  graph.elements().not(around).addClass('faded');
  node.addClass('named');
}

/** Zooms by a factor around the middle of the picture; 0 fits the whole network. */
export function zoom(graph, factor) {
  if (!factor) {
    graph.fit(undefined, 24);
    return;
  }
  graph.zoom({ level: graph.zoom() * factor, renderedPosition: { x: graph.width() / 2, y: graph.height() / 2 } });
}

/** Sizes the nodes of a drawn network by another metric, keeping the layout. */
export function sizeBy(graph, network, metric) {
  const largest = Math.max(...network.nodes.map((node) => node[metric]), 0);
  for (const node of network.nodes) {
    graph.getElementById(node.id).data('size', nodeSize(node[metric], largest));
  }
  hideOverlappingLabels(graph);
}
