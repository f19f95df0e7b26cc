// A wallet's DID Authentication presentation, signed by Digital Bazaar's
// libraries (DataIntegrityProof, eddsa-rdfc-2022, a fresh did:key), for the
// test of the VC-API exchange. No network: bundled npm contexts only.
//
//   node did_auth_vp.mjs <challenge> <domain>  -> {"did": ..., "presentation": {...}}
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';

const [challenge, domain] = process.argv.slice(2);
const documents = new Map([
  ...credentialsContext.contexts, ...dataIntegrityContext.contexts
]);
const documentLoader = async url => {
  if(!documents.has(url)) {
    throw new Error(`Refused to load ${url}: not a bundled document.`);
  }
  return {contextUrl: null, documentUrl: url, document: documents.get(url)};
};

const keyPair = await Ed25519Multikey.generate();
const did = `did:key:${keyPair.publicKeyMultibase}`;
keyPair.controller = did;
keyPair.id = `${did}#${keyPair.publicKeyMultibase}`;
const suite = new DataIntegrityProof({
  signer: keyPair.signer(), cryptosuite: eddsaRdfc2022CryptoSuite
});
const presentation = await vc.signPresentation({
  presentation: vc.createPresentation({holder: did}),
  suite, challenge, domain, documentLoader
});
process.stdout.write(JSON.stringify({did, presentation}) + '\n');
