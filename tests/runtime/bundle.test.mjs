// The shipped bundle (builder/outputs/runtime/dist/kurs.js) runs inside the LMS's page: it must add nothing to its window.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';

test('running the bundle adds no global name', () => {
  const js = readFileSync(new URL('../../builder/outputs/runtime/dist/kurs.js', import.meta.url), 'utf8');
  let booted = 0;
  // A page still loading: the bundle only registers its start for DOMContentLoaded.
  const page = { document: { readyState: 'loading', addEventListener: (type) => { booted += type === 'DOMContentLoaded'; } } };
  page.window = page;
  vm.createContext(page);
  const before = Object.getOwnPropertyNames(page).sort();
  vm.runInContext(js, page);
  assert.equal(booted, 1, 'the bundle did not run');
  assert.deepEqual(Object.getOwnPropertyNames(page).sort(), before);
});
