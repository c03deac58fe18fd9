// Signing in at the municipality's identity provider with OpenID Connect: the authorization code flow with PKCE
// (S256), run by the app itself as a public client, so there is no secret to keep. What the app needs between leaving
// for the provider and coming back (state, nonce, the PKCE verifier) stays in this tab's sessionStorage and is used
// once. The access token it gets is what the app then sends to the API, as it sends a built-in account's credentials.
const PENDING = 'nabij.oidc.pending';
export const CALLBACK = '/sign-in/callback';

export class OidcError extends Error {
  /** kind: unreachable, denied, refused, state, token. */
  constructor(kind, detail = kind) {
    super(detail);
    this.kind = kind;
  }
}

/** The provider the operator configured ({ issuer, clientId, name, scope }), or null when there is none. */
export async function identityProvider() {
  try {
    const response = await fetch('/app/settings.json');
    return response.ok ? (await response.json()).oidc ?? null : null;
  } catch (unreachable) {
    return null;
  }
}

/** Fetches the discovery document, then leaves for the provider's login page; `next` is where to go afterwards. */
export async function startSignIn(provider, next) {
  const discovery = await discover(provider);
  const pending = { state: randomText(), nonce: randomText(), verifier: randomText(), next, tokenEndpoint: discovery.token_endpoint };
  const authorize = new URL(discovery.authorization_endpoint);
  const query = {
    response_type: 'code',
    client_id: provider.clientId,
    redirect_uri: redirectUri(),
    scope: provider.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challengeFor(pending.verifier),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(query)) authorize.searchParams.set(name, value);
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  location.assign(authorize);
}

/**
 * Back from the provider: checks that the answer belongs to the attempt this tab started, exchanges the code for
 * tokens and checks the ID token. Returns the access token and where to go next; throws OidcError.
 */
export async function finishSignIn(provider, params) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  // Another state means someone else's answer: taking its code would sign this user in as someone else.
  if (!pending || params.get('state') !== pending.state) throw new OidcError('state');
  const error = params.get('error');
  if (error) throw new OidcError(error === 'access_denied' ? 'denied' : 'refused', error);
  if (!params.get('code')) throw new OidcError('refused', 'no code');
  let tokens;
  try {
    const response = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.get('code'),
        redirect_uri: redirectUri(),
        client_id: provider.clientId,
        code_verifier: pending.verifier,
      }),
    });
    tokens = response.ok ? await response.json() : null;
  } catch (unreachable) {
    throw new OidcError('unreachable', unreachable.message);
  }
  if (!tokens?.access_token || !tokens.id_token) throw new OidcError('token', 'no tokens');
  checkIdToken(tokens.id_token, provider, pending.nonce);
  return { accessToken: tokens.access_token, next: pending.next };
}

async function discover(provider) {
  let discovery;
  try {
    const response = await fetch(`${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!response.ok) throw new OidcError('unreachable', `discovery: HTTP ${response.status}`);
    discovery = await response.json();
  } catch (failed) {
    throw failed instanceof OidcError ? failed : new OidcError('unreachable', failed.message);
  }
  // A document that names another issuer describes someone else's provider (OpenID Connect Discovery 4.3).
  const fits = discovery.issuer === provider.issuer && discovery.authorization_endpoint && discovery.token_endpoint
    && (!discovery.code_challenge_methods_supported || discovery.code_challenge_methods_supported.includes('S256'));
  if (!fits) throw new OidcError('unreachable', 'discovery document does not fit');
  return discovery;
}

/**
 * The ID token says whom the provider signed in, for this client, in this attempt. Its signature is not checked: it
 * came straight from the token endpoint over the connection the app opened, which OpenID Connect Core 3.1.3.7 allows
 * in place of the signature. The API checks the access token's signature on every call.
 */
function checkIdToken(idToken, provider, nonce) {
  let claims;
  try {
    const payload = idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  } catch (malformed) {
    throw new OidcError('token', 'malformed ID token');
  }
  const audiences = [claims.aud].flat();
  if (claims.iss !== provider.issuer || !audiences.includes(provider.clientId)
    || claims.nonce !== nonce || !(claims.exp * 1000 > Date.now())) {
    throw new OidcError('token', 'ID token not for this attempt');
  }
}

function redirectUri() {
  return `${location.origin}${CALLBACK}`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function challengeFor(verifier) {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
