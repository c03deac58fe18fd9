// Talking to Nabij's GraphQL API. Built-in accounts sign in with HTTP Basic, users of the identity provider with its
// access token as a bearer token: the app keeps the Authorization header for this browser tab only (sessionStorage,
// gone when the tab closes) and sends it with every call.
const SESSION = 'nabij.session';

export class ApiError extends Error {
  /** kind: unauthorized, forbidden, bad-request, network or failed. */
  constructor(kind, message = kind, field = null) {
    super(message);
    this.kind = kind;
    this.field = field;
  }
}

export function session() {
  const stored = sessionStorage.getItem(SESSION);
  return stored ? JSON.parse(stored) : null;
}

export function basic(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** Checks the credentials with the API and keeps them with who the user is; throws ApiError('unauthorized'). */
export function signIn(username, password) {
  return remember(basic(username, password));
}

/** The same for an access token from the identity provider. */
export function signInWithToken(accessToken) {
  return remember(`Bearer ${accessToken}`);
}

async function remember(authorization) {
  const data = await call('/graphql', authorization, '{ me { username role professionalId } }');
  const signedIn = { authorization, ...data.me };
  sessionStorage.setItem(SESSION, JSON.stringify(signedIn));
  return signedIn;
}

export function signOut() {
  sessionStorage.removeItem(SESSION);
}

function headers(authorization) {
  const all = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
    // Spring Security answers such a request's 401 without WWW-Authenticate: no browser sign-in dialog.
    'X-Requested-With': 'XMLHttpRequest',
  };
  if (authorization) all.Authorization = authorization;
  return all;
}

/** A query or mutation as the signed-in user. */
export function graphql(query, variables = {}) {
  return call('/graphql', session()?.authorization, query, variables);
}

/** A query or mutation on the public endpoint, without signing in (the volunteer's registration). */
export function publicGraphql(query, variables = {}) {
  return call('/public/graphql', null, query, variables);
}

async function call(path, authorization, query, variables = {}) {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: headers(authorization),
      body: JSON.stringify({ query, variables }),
    });
  } catch (unreachable) {
    throw new ApiError('network', unreachable.message);
  }
  if (response.status === 401) throw new ApiError('unauthorized');
  if (response.status === 403) throw new ApiError('forbidden');
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
    if (classification === 'UNAUTHORIZED') throw new ApiError('unauthorized', error.message);
    if (classification === 'BAD_REQUEST') throw new ApiError('bad-request', error.message, error.extensions?.field);
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
    response = await fetch(path, { headers: headers(session()?.authorization) });
  } catch (unreachable) {
    throw new ApiError('network', unreachable.message);
  }
  if (response.status === 401) throw new ApiError('unauthorized');
  if (response.status === 403) throw new ApiError('forbidden');
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
