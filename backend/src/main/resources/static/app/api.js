// Talking to Nabij's GraphQL API. The app signs in once, with a built-in account's password or the identity provider's
// access token, and the server answers with a session cookie the app cannot read (HttpOnly). Neither the password nor
// the token is kept. The app keeps only who is signed in, for this tab (sessionStorage), to choose its screens. A
// change sent with the session cookie must carry the XSRF-TOKEN cookie's value in X-XSRF-TOKEN; the app sends it on
// every call.
const SESSION = 'nabij.session';

export class ApiError extends Error {
  /** kind: unauthorized, forbidden, throttled, busy, bad-request, network or failed; code: the API's, when it gave one. */
  constructor(kind, message = kind, field = null, code = null) {
    super(message);
    this.kind = kind;
    this.field = field;
    this.code = code;
  }
}

export function session() {
  const stored = sessionStorage.getItem(SESSION);
  return stored ? JSON.parse(stored) : null;
}

/** Signs in with a built-in account; throws ApiError('unauthorized'), or 'throttled' with retryAfter in seconds. */
export function signIn(username, password) {
  return startSession({ 'Content-Type': 'application/json' }, JSON.stringify({ username, password }));
}

/** The same with an access token from the identity provider, exchanged once for a session. */
export function signInWithToken(accessToken) {
  return startSession({ Authorization: `Bearer ${accessToken}` });
}

async function startSession(extraHeaders, body) {
  let response;
  try {
    response = await fetch('/session', { method: 'POST', headers: { ...headers(), ...extraHeaders }, body });
  } catch (unreachable) {
    throw new ApiError('network', unreachable.message);
  }
  refused(response);
  if (!response.ok) throw new ApiError('failed', `HTTP ${response.status}`);
  const signedIn = await response.json();
  sessionStorage.setItem(SESSION, JSON.stringify(signedIn));
  return signedIn;
}

/** Ends the session at the server, and forgets who was signed in. */
export async function signOut() {
  const wasSignedIn = session();
  forget();
  if (!wasSignedIn) return;
  try {
    await fetch('/session', { method: 'DELETE', headers: headers() });
  } catch (unreachable) {
    // The server ends an unused session by itself.
  }
}

/** Forgets who was signed in, when the server already said the session has ended. */
export function forget() {
  sessionStorage.removeItem(SESSION);
}

/** Told when the server no longer knows the session this tab signed in with: it ended or expired. */
export const sessionEvents = new EventTarget();

function expired() {
  if (session()) {
    forget();
    sessionEvents.dispatchEvent(new Event('expired'));
  }
}

function refused(response) {
  if (response.status === 401) {
    expired();
    throw new ApiError('unauthorized');
  }
  if (response.status === 403) throw new ApiError('forbidden');
  if (response.status === 429 || response.status === 503) {
    const error = new ApiError(response.status === 429 ? 'throttled' : 'busy');
    error.retryAfter = Number(response.headers.get('Retry-After')) || 1;
    throw error;
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((entry) => entry.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : null;
}

function headers() {
  const all = {
    Accept: 'application/graphql-response+json, application/json',
    // Spring Security answers such a request's 401 without WWW-Authenticate: no browser sign-in dialog.
    'X-Requested-With': 'XMLHttpRequest',
  };
  const token = csrfToken();
  if (token) all['X-XSRF-TOKEN'] = token;
  return all;
}

/** A query or mutation as the signed-in user. */
export function graphql(query, variables = {}) {
  return call('/graphql', query, variables);
}

/** A query or mutation on the public endpoint, without signing in (the volunteer's registration). */
export function publicGraphql(query, variables = {}) {
  return call('/public/graphql', query, variables);
}

async function call(path, query, variables = {}) {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { ...headers(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (unreachable) {
    throw new ApiError('network', unreachable.message);
  }
  refused(response);
  let body;
  try {
    body = await response.json();
  } catch (notJson) {
    throw new ApiError('failed', `HTTP ${response.status}`);
  }
  const error = body.errors?.[0];
  if (error) {
    const classification = error.extensions?.classification;
    if (classification === 'FORBIDDEN') throw new ApiError('forbidden', error.message);
    if (classification === 'UNAUTHORIZED') {
      expired();
      throw new ApiError('unauthorized', error.message);
    }
    if (classification === 'BAD_REQUEST') {
      throw new ApiError('bad-request', error.message, error.extensions?.field, error.extensions?.code);
    }
    throw new ApiError('failed', error.message);
  }
  return body.data;
}

/**
 * Downloads a file as the signed-in user, reporting progress as (received bytes, total bytes or 0 when unknown), and
 * hands it to the browser to save.
 */
export async function download(path, filename, onProgress) {
  let response;
  try {
    response = await fetch(path, { headers: headers() });
  } catch (unreachable) {
    throw new ApiError('network', unreachable.message);
  }
  refused(response);
  if (!response.ok) throw new ApiError('failed', `HTTP ${response.status}`);
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  save(new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }), filename);
  return received;
}

export function save(blob, filename) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
