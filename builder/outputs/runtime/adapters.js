// The standards the runtime speaks, each by its runtime adapter, in the order their APIs are looked for (an LMS may
// offer both; 2004 says more). A new standard is its adapter module and a line here.
import { findApi, Lms } from './lms.js';
import { SCORM12 } from './scorm12.js';
import { SCORM2004 } from './scorm2004.js';

export const ADAPTERS = [SCORM2004, SCORM12];

// The first standard whose API the LMS offers; without an LMS (the zip opened directly) the adapter that can stand
// in alone, answering from the browser's storage under `storageKey`.
export function connectLms(storageKey) {
  for (const a of ADAPTERS) {
    const api = findApi(a.api);
    if (api) { return new Lms(api, a).start(); }
  }
  const a = ADAPTERS.find((x) => x.localApi), local = new Lms(a.localApi(storageKey), a).start();
  local.standalone = true;
  return local;
}
