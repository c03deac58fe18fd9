// The graphql-http server audit against a running Nabij, signed in with the given Authorization header.
// Usage: node audit.mjs <url> <authorization>. Prints one JSON line per audit: {id, name, status, reason}.
import { auditServer } from 'graphql-http';

const [url, authorization] = process.argv.slice(2);

const signedIn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', authorization);
  return fetch(input, { ...init, headers });
};

for (const result of await auditServer({ url, fetchFn: signedIn })) {
  console.log(JSON.stringify({
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.status === 'ok' ? undefined : result.reason,
  }));
}
