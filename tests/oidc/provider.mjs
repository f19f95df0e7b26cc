// A real OpenID Connect provider for the tests (npm oidc-provider), standing in
// for itsme or CSAM/FAS. Started by tests/oidc/conftest.py on 127.0.0.1:
//
//   node tests/oidc/provider.mjs '<json config>'
//
// config: {port, issuer, clients: [{client_id, client_secret, redirect_uris}],
//          accounts: {<login>: {given_name, family_name, email, ...}},
//          mode: "normal" | "expired" | "foreign-keys"}
//
// Sign-in uses oidc-provider's development interactions: a login form (any
// password) and a consent form. Modes make the provider misbehave as a
// test needs:
//   expired       its clock runs two hours behind while it signs ID tokens, so
//                 every ID token has already expired when it arrives;
//   foreign-keys  it publishes other keys under the same key ids than the ones
//                 it signs with, so no signature checks out.
// Prints "READY <issuer>" on stdout once it listens.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(process.argv[2]);
const mode = config.mode || 'normal';

function rsaJwk(kid) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}

const signingKey = rsaJwk('test-key-1');
const accounts = config.accounts || {};

const provider = new Provider(config.issuer, {
  clients: config.clients.map((c) => ({
    client_id: c.client_id,
    client_secret: c.client_secret,
    redirect_uris: c.redirect_uris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  })),
  jwks: { keys: [signingKey] },
  cookies: { keys: ['tests-only-cookie-key'] },
  claims: {
    openid: ['sub'],
    profile: ['given_name', 'family_name', 'name', 'birthdate'],
    email: ['email', 'email_verified'],
  },
  // PKCE is required of every client, as itsme and CSAM do.
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...claims }; } };
  },
});
provider.proxy = false;

if (mode === 'expired') {
  const { issue } = provider.IdToken.prototype;
  provider.IdToken.prototype.issue = async function skewedIssue(...args) {
    const realNow = Date.now;
    Date.now = () => realNow() - 2 * 3600 * 1000;
    try {
      return await issue.apply(this, args);
    } finally {
      Date.now = realNow;
    }
  };
}

const callback = provider.callback();
const foreign = { keys: [(({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use }))(rsaJwk('test-key-1'))] };

http
  .createServer((req, res) => {
    if (mode === 'foreign-keys' && req.url.startsWith('/jwks')) {
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(JSON.stringify(foreign));
      return;
    }
    callback(req, res);
  })
  .listen(config.port, '127.0.0.1', () => {
    process.stdout.write(`READY ${config.issuer}\n`);
  });
