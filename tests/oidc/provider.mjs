// A real OpenID provider for Gatehouse's OIDC tests: oidc-provider (OpenID Certified), pinned in package-lock.json.
//
//   node tests/oidc/provider.mjs --cert server.pem --key server.key
//
// Listens on 127.0.0.1 on an ephemeral port over HTTPS (the test makes the CA and the server certificate), and prints
// one JSON line on stdout when ready: {"issuer": "https://127.0.0.1:<port>", "port": <port>, "clients": [...]}.
// Ends on SIGTERM or when stdin closes (so it never outlives the test that started it).
//
// Sign-in clients (secret "<id>-secret", PKCE S256 required, redirect URIs http://127.0.0.1/callback on any port as
// RFC 8252 allows native clients): gatehouse-rs256, gatehouse-es256, gatehouse-eddsa, named after the ID token's alg.
// A machine client, gatehouse-machine (secret "gatehouse-machine-secret"), has the client_credentials grant only: asked
// with resource=https://gatehouse.test/api (or https://other.test/api, another resource server) it gets a JWT access
// token (RFC 9068, ES256, typ at+jwt) whose aud is that resource and whose sub is its client id; the ten-minute
// lifetime of every access token applies. Token exchange in Gatehouse takes such tokens.
// Users sign in through a plain HTML form (GET /interaction/<uid>, POST username to /interaction/<uid>/login).
// Control routes, for the tests only:
//   POST /control/rotate           a new RSA signing key (new kid) signs from now on; the old one is still published
//   POST /control/drop-old         only the newest RSA key is published
//   POST /control/users/<id>       JSON body merged into the user's claims (e.g. {"groups": [...], "amr": [...]})
//   GET  /control/keys             {"rsa": ["<newest kid>", ...]}
// And an integration, gatehouse-integration (secret gatehouse-integration-secret): client credentials for the
// resource https://gatehouse.test/api, access tokens as ES256-signed JWTs (typ at+jwt), for token exchange.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { parseArgs } from 'node:util';

import Provider, { errors } from 'oidc-provider';

const { values: args } = parseArgs({ options: { cert: { type: 'string' }, key: { type: 'string' } } });
if (!args.cert || !args.key) {
  console.error('usage: provider.mjs --cert <server certificate PEM> --key <server key PEM>');
  process.exit(2);
}

// Test users. `amr` and `acr` are what the login reports for them (the MFA tests need a user who used a second factor).
const users = new Map([
  ['alice', {
    sub: 'alice', preferred_username: 'alice', email: 'alice@example.test', email_verified: true, name: 'Alice Admin',
    groups: ['gatehouse-admins', 'auditors'], org: { groups: ['platform'] }, amr: ['pwd', 'otp'], acr: 'mfa',
  }],
  ['bob', {
    sub: 'bob', preferred_username: 'bob', email: 'bob@example.test', email_verified: true, name: 'Bob Builder',
    groups: ['developers'], org: { groups: ['apps'] }, amr: ['pwd'], acr: 'pwd',
  }],
]);
const claimNames = ['preferred_username', 'email', 'email_verified', 'name', 'groups', 'org', 'amr', 'acr', 'auth_time'];

function newKey(type, options) {
  const { privateKey } = generateKeyPairSync(type, options);
  return { ...privateKey.export({ format: 'jwk' }), kid: `${type}-${randomUUID()}`, use: 'sig' };
}

const newRsaKey = () => newKey('rsa', { modulusLength: 2048 });
let rsaKeys = [newRsaKey()]; // newest first: the first key of a type is the one that signs
const otherKeys = [newKey('ec', { namedCurve: 'P-256' }), newKey('ed25519')];

const server = createServer({ cert: readFileSync(args.cert), key: readFileSync(args.key) });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const issuer = `https://127.0.0.1:${port}`;

const clients = [['gatehouse-rs256', 'RS256'], ['gatehouse-es256', 'ES256'], ['gatehouse-eddsa', 'EdDSA']].map(
  ([id, alg]) => ({
    client_id: id,
    client_secret: `${id}-secret`,
    application_type: 'native',
    redirect_uris: ['http://127.0.0.1/callback'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: alg,
  }),
);
// Integrations (token exchange): client credentials, access tokens as JWTs (RFC 9068) for a resource server.
const apiResource = 'https://gatehouse.test/api';
// The resource servers a machine client may ask tokens for: each gets JWT access tokens with itself as audience.
const resourceServers = [apiResource, 'https://other.test/api'];
clients.push({
  client_id: 'gatehouse-integration',
  client_secret: 'gatehouse-integration-secret',
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  token_endpoint_auth_method: 'client_secret_basic',
});
clients.push({
  client_id: 'gatehouse-machine',
  client_secret: 'gatehouse-machine-secret',
  redirect_uris: [],
  grant_types: ['client_credentials'],
  response_types: [],
  token_endpoint_auth_method: 'client_secret_basic',
});
const cookieKey = randomUUID();

// A provider over the current keys. Rotation builds a new one: the in-memory adapter is shared by every instance of
// the process, so sessions, codes and grants survive it and only the keys change.
function makeProvider() {
  const provider = new Provider(issuer, {
    clients,
    acrValues: ['pwd', 'mfa'],
    jwks: { keys: [...rsaKeys, ...otherKeys] },
    cookies: { keys: [cookieKey] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // The integration's tokens are for Gatehouse's API; the sign-in clients' stay opaque (for userinfo).
        defaultResource: async (ctx, client, oneOf) =>
          oneOf ?? (client.clientId === 'gatehouse-integration' ? apiResource : undefined),
        useGrantedResource: async () => true,
        getResourceServerInfo: async (ctx, resource) => {
          if (!resourceServers.includes(resource)) throw new errors.InvalidTarget();
          return { scope: 'api', audience: resource, accessTokenTTL: 600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } };
        },
      },
    },
    conformIdTokenClaims: false, // the claims of the scopes in the ID token itself, as the claim mapping reads them
    claims: {
      // How the user signed in, in every ID token: Gatehouse reads amr and acr for the tenant's MFA requirement.
      openid: ['sub', 'amr', 'acr', 'auth_time'], email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'], groups: ['groups', 'org'],
    },
    scopes: ['openid', 'email', 'profile', 'groups'],
    ttl: { AccessToken: 600, ClientCredentials: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    async findAccount(ctx, sub) {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        async claims() {
          const { amr, acr, ...claims } = user;
          return claims;
        },
      };
    },
  });
  provider.on('server_error', (ctx, error) => console.error('provider error:', error));
  return provider;
}
let provider = makeProvider();
let handler = provider.callback();

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
const json = (res, status, value) => send(res, status, 'application/json', JSON.stringify(value));
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'text/plain', 'not this interaction');
  if (req.method === 'GET' && !action && details.prompt.name === 'consent') {
    // First-party test clients: every scope and claim granted at once, without a consent page (oidc-provider asks
    // for consent every time a native client signs in).
    const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    grant.addOIDCScope('openid email profile groups');
    grant.addOIDCClaims(claimNames);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (req.method === 'GET' && !action) {
    return send(res, 200, 'text/html', `<!DOCTYPE html><html><head><title>Sign in</title></head><body>
<form method="post" action="/interaction/${escape(uid)}/login">
<label>User name <input type="text" name="username" autofocus></label>
<button type="submit">Sign in</button>
</form></body></html>`);
  }
  if (req.method === 'POST' && action === 'login') {
    const username = new URLSearchParams(await readBody(req)).get('username');
    const user = users.get(username);
    if (!user) {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown user' });
    }
    return provider.interactionFinished(req, res, {
      login: { accountId: user.sub, amr: user.amr, acr: user.acr, remember: false },
    }, { mergeWithLastSubmission: false });
  }
  return send(res, 404, 'text/plain', 'not found');
}

async function control(req, res, path) {
  if (req.method === 'POST' && path === '/control/rotate') {
    rsaKeys = [newRsaKey(), ...rsaKeys];
  } else if (req.method === 'POST' && path === '/control/drop-old') {
    rsaKeys = rsaKeys.slice(0, 1);
  } else if (req.method === 'POST' && path.startsWith('/control/users/')) {
    const user = users.get(decodeURIComponent(path.slice('/control/users/'.length)));
    if (!user) return json(res, 404, { error: 'no such user' });
    Object.assign(user, JSON.parse(await readBody(req)));
    return json(res, 200, user);
  } else if (req.method !== 'GET' || path !== '/control/keys') {
    return json(res, 404, { error: 'no such control' });
  }
  if (req.method === 'POST') {
    provider = makeProvider();
    handler = provider.callback();
  }
  return json(res, 200, { rsa: rsaKeys.map((key) => key.kid) });
}

server.on('request', async (req, res) => {
  try {
    const { pathname } = new URL(req.url, issuer);
    const match = pathname.match(/^\/interaction\/([^/]+)(?:\/(login))?$/);
    if (match) return await interaction(req, res, match[1], match[2]);
    if (pathname.startsWith('/control/')) return await control(req, res, pathname);
    return handler(req, res);
  } catch (error) {
    console.error('test provider:', error);
    if (!res.headersSent) json(res, 500, { error: String(error.message ?? error) });
  }
});

process.on('SIGTERM', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
console.log(JSON.stringify({ issuer, port, clients: clients.map((client) => client.client_id), apiResource }));
