// How long a team lead on a slow mobile connection waits for the circle and the ecogram of the demo's documented
// household (1311 HV 15): Chromium throttled over the DevTools protocol (Network.emulateNetworkConditions) to
// Lighthouse's mobile profile, 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, at a phone's 390×844.
// A benchmark, not a test: it reports figures for docs/explanation/web-app.md and fails nothing.
//
// Against a running Nabij with the demo data (README: ./mvnw -DskipTests package spring-boot:run):
//   node --experimental-websocket benchmarks/web/ecogram-on-a-slow-connection.mjs [http://localhost:8080] [runs]
// Needs /usr/bin/chromium (Debian's chromium package), as the browser tests do. Node 22 needs no flag.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = process.argv[2] ?? 'http://localhost:8080';
const RUNS = Number(process.argv[3] ?? 5);
const PORT = 9333;
const CIRCLE = `${BASE}/households?postcode=1311HV&number=15`;
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };

const profile = mkdtempSync(join(tmpdir(), 'nabij-bench-'));
const chromium = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  `--remote-debugging-port=${PORT}`, `--user-data-dir=${profile}`, '--lang=nl-NL', 'about:blank'], { stdio: 'ignore' });

async function pageSocket() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${PORT}/json/list`)).json();
      const page = targets.find((target) => target.type === 'page');
      if (page) return page.webSocketDebuggerUrl;
    } catch (notYet) {
      // Chromium is still starting.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Chromium did not open its DevTools port');
}

const socket = new WebSocket(await pageSocket());
await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
let nextId = 0;
const waiting = new Map();
const listeners = [];
socket.addEventListener('message', (event) => {
  const message = JSON.parse(event.data);
  if (message.id && waiting.has(message.id)) {
    const { resolve, reject } = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error) reject(new Error(message.error.message));
    else resolve(message.result);
  } else if (message.method) {
    for (const listener of listeners) listener(message);
  }
});
function send(method, params = {}) {
  const id = ++nextId;
  socket.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}
async function evaluate(expression) {
  const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}
function loaded() {
  return new Promise((resolve) => {
    const listener = (message) => {
      if (message.method === 'Page.loadEventFired') {
        listeners.splice(listeners.indexOf(listener), 1);
        resolve();
      }
    };
    listeners.push(listener);
  });
}

let bytes = 0;
listeners.push((message) => {
  if (message.method === 'Network.loadingFinished') bytes += message.params.encodedDataLength;
});
await send('Page.enable');
await send('Network.enable');
await send('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });

// Signing in is not what is measured: at full speed, as the sign-in screen does it.
let page = loaded();
await send('Page.navigate', { url: `${BASE}/sign-in` });
await page;
const status = await evaluate(`(async () => {
  const token = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.slice(11);
  const response = await fetch('/session', { method: 'POST', headers: { 'Content-Type': 'application/json',
    'X-Requested-With': 'XMLHttpRequest', ...(token ? { 'X-XSRF-TOKEN': decodeURIComponent(token) } : {}) },
    body: JSON.stringify({ username: 'teamlead', password: 'nabij-demo' }) });
  sessionStorage.setItem('nabij.session', JSON.stringify(await response.json()));
  return response.status;
})()`);
if (status !== 200) throw new Error(`signing in answered ${status}`);
await send('Network.emulateNetworkConditions', SLOW);

/** One visit: milliseconds from the start of the navigation until the names, and until the drawn ecogram. */
async function visit() {
  bytes = 0;
  page = loaded();
  await send('Page.navigate', { url: CIRCLE });
  await page;
  const times = await evaluate(`new Promise((resolve) => {
    let names = null;
    const check = () => {
      names ??= document.querySelector('#circle tbody tr') ? performance.now() : null;
      if (document.querySelector('.graph[data-drawn]')) resolve({ names, ecogram: performance.now() });
      else setTimeout(check, 20);
    };
    check();
  })`);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { ...times, kilobytes: bytes / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = { cold: [], warm: [] };
for (let run = 0; run < RUNS; run += 1) {
  await send('Network.clearBrowserCache');
  results.cold.push(await visit());
  results.warm.push(await visit());
}
for (const [kind, visits] of Object.entries(results)) {
  console.log(`${kind} cache, ${RUNS} runs, median: names ${Math.round(median(visits.map((v) => v.names)))} ms, `
    + `ecogram ${Math.round(median(visits.map((v) => v.ecogram)))} ms, `
    + `${Math.round(median(visits.map((v) => v.kilobytes)))} KiB transferred`);
}
socket.close();
chromium.kill();
rmSync(profile, { recursive: true, force: true });
