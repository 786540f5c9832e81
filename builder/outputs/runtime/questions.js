// One entry per question type: everything the runtime does that depends on the type. A new type is one entry here
// (plus its Python side and tests). A response is the learner's answer in the tracking model's terms:
//   single, multiple: {options: [option indexes in source order, ascending]}
//   true-false:       {value: true | false}
//   sort:             {placed: [category index per item]}
// (Whether a response is right is grading.js's rule, over `code` and `correct`.) Each entry has:
//   kind            the SCORM interaction type
//   hint            the strings key of the instruction under the question
//   code(q, r)      the response as a short string for suspend_data (suspend.js writes '' for unanswered)
//   decode(q, code) that string back as a response, or null when it is not a valid one
//   correct(q)      the right response
//   scorm12(q, r), scorm2004(q, r)   the response in each version's interaction format (docs/design.md)
//   inputs(q, name, saved, w, order) the form controls, with `saved` (a response or null) checked
//   read(fs, q)     the response the controls in fieldset `fs` hold, or null while incomplete
//   describe(q, r, w)  the response in words, for the result page
//   feedback(q, r)  the feedback texts the response earns (the player skips empty ones)
import { $$, h } from './dom.js';

const letters = 'abcdefghijklmnopqrstuvwxyz';
const ids = (list) => list.map((x) => x.id);

function choice(type, group, value, label, checked, id) {
  return h('div', { class: 'option' }, [
    h('input', { type, name: group, value, id, checked: checked ? '' : null }), h('label', { for: id, text: label })]);
}

// Single and multiple choice differ only in how many options an answer may hold.
const chooseOptions = (multiple) => ({
  kind: 'choice',
  hint: multiple ? 'choose_many' : 'choose_one',
  // Option indexes as base-36 digits: up to 26 options (the checker's limit) fit one character each.
  code: (q, r) => r.options.map((i) => i.toString(36)).join(''),
  decode(q, code) {
    const options = code.split('').map((c) => parseInt(c, 36));
    const valid = options.length > 0 && options.every((i) => i >= 0 && i < q.options.length);
    return valid && (multiple || options.length === 1) ? { options: options.sort((a, b) => a - b) } : null;
  },
  correct: (q) => ({ options: q.options.map((o, i) => (o.correct ? i : -1)).filter((i) => i >= 0) }),
  scorm12: (q, r) => r.options.map((i) => letters[i]).join(','),
  scorm2004: (q, r) => r.options.map((i) => q.options[i].id).join('[,]'),
  inputs: (q, name, saved, w, order) => order.map((oi) => choice(multiple ? 'checkbox' : 'radio', name, q.options[oi].id,
    q.options[oi].text, saved && saved.options.includes(oi), name + '-' + q.options[oi].id)),
  read(fs, q) {
    const options = $$('input:checked', fs).map((x) => ids(q.options).indexOf(x.value)).sort((a, b) => a - b);
    return options.length ? { options } : null;
  },
  describe: (q, r) => r.options.map((i) => q.options[i].text).join('; '),
  feedback: (q, r) => r.options.map((i) => q.options[i].feedback)
});

const TYPES = {
  single: chooseOptions(false),
  multiple: chooseOptions(true),
  'true-false': {
    kind: 'true-false',
    hint: 'choose_one',
    code: (q, r) => (r.value ? 't' : 'f'),
    decode: (q, code) => (code === 't' || code === 'f' ? { value: code === 't' } : null),
    correct: (q) => ({ value: q.answer }),
    scorm12: (q, r) => (r.value ? 't' : 'f'),
    scorm2004: (q, r) => String(r.value),
    inputs: (q, name, saved, w) => [true, false].map((v) =>
      choice('radio', name, String(v), w[v], saved && saved.value === v, name + '-' + v)),
    read(fs) {
      const checked = $$('input:checked', fs);
      return checked.length ? { value: checked[0].value === 'true' } : null;
    },
    describe: (q, r, w) => w[r.value],
    feedback: (q, r) => [r.value ? q.feedbackTrue : q.feedbackFalse]
  },
  sort: {
    kind: 'matching',
    hint: 'sort_into',
    // One category digit per item: the checker allows at most nine categories.
    code: (q, r) => r.placed.join(''),
    decode(q, code) {
      if (code.length !== q.items.length || /[^0-9]/.test(code)) { return null; }
      const placed = code.split('').map(Number);
      return placed.every((c) => c < q.categories.length) ? { placed } : null;
    },
    correct: (q) => ({ placed: q.items.map((item) => ids(q.categories).indexOf(item.category)) }),
    scorm12: (q, r) => r.placed.map((c, i) => letters[i] + '.' + (c + 1)).join(','),
    scorm2004: (q, r) => r.placed.map((c, i) => q.items[i].id + '[.]' + q.categories[c].id).join('[,]'),
    inputs: (q, name, saved) => q.items.map((it, i) => h('fieldset', { class: 'sort-item', 'data-item': it.id },
      [h('legend', { text: it.text })].concat(q.categories.map((c, ci) => choice('radio', name + '-' + it.id, c.id, c.text,
        saved && saved.placed[i] === ci, name + '-' + it.id + '-' + c.id))))),
    read(fs, q) {
      const placed = q.items.map((it) => {
        const input = $$('[data-item="' + it.id + '"] input:checked', fs)[0];
        return input ? ids(q.categories).indexOf(input.value) : -1;
      });
      return placed.includes(-1) ? null : { placed };
    },
    describe: (q, r) => r.placed.map((c, i) => q.items[i].text + ': ' + q.categories[c].text).join('; '),
    feedback: () => []
  }
};

export const typeOf = (q) => TYPES[q.type];
