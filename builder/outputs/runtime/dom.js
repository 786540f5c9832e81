// DOM helpers. Every element is built with h() and text goes in through textContent, never innerHTML, so no course
// text is ever parsed as markup.

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

// h('p', {class: 'x', text: 'Hei'}, [child, 'text']): attributes that are null or false are left out.
export function h(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const k in attrs) {
    if (k === 'text') { node.textContent = attrs[k]; } else if (attrs[k] !== null && attrs[k] !== false) { node.setAttribute(k, attrs[k]); }
  }
  node.append(...children.filter(Boolean));
  return node;
}

// fill('Leksjon {n} av {total}', {n: 1, total: 7}); an unknown {name} stays as it is.
export const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
