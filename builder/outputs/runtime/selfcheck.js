// "Tell til tre": turns the static self-check list (readable without JavaScript) into one question at a time with
// Yes/No buttons and the matching advice. Ungraded and not tracked: it is a thinking aid.
import { $$, h } from './dom.js';

const button = (text, onClick) => {
  const b = h('button', { type: 'button', text });
  b.addEventListener('click', onClick);
  return b;
};

export function enhanceSelfChecks(w) {
  for (const box of $$('[data-selfcheck]')) {
    const steps = $$('[data-step]', box), end = box.querySelector('[data-end]');
    const live = h('div', { 'aria-live': 'polite', class: 'selfcheck-live' });
    const restart = button(w.selfcheck_restart, () => { restart.hidden = true; const q = showStep(0); if (q) { q.focus(); } });
    box.append(live);
    box.classList.add('enhanced');

    const showStep = (i) => {
      live.textContent = '';
      steps.forEach((s, k) => { s.hidden = k !== i; });
      end.hidden = i < steps.length;
      if (i >= steps.length) { return; }
      const step = steps[i], q = step.querySelector('.selfcheck-question'), old = step.querySelector('.selfcheck-buttons');
      q.setAttribute('tabindex', '-1');
      step.querySelector('dl').hidden = true;
      if (old) { old.remove(); }
      step.append(h('div', { class: 'selfcheck-buttons' }, [button(w.yes, () => answer(i, 'yes')), button(w.no, () => answer(i, 'no'))]));
      return q;
    };

    const answer = (i, which) => {
      const next = button(w.next, () => {
        const q = showStep(i + 1);
        if (q) { q.focus(); } else { end.setAttribute('tabindex', '-1'); end.focus(); restart.hidden = false; }
      });
      live.textContent = '';
      live.append(h('p', { text: steps[i].querySelector('[data-if="' + which + '"]').textContent }));
      const buttons = steps[i].querySelector('.selfcheck-buttons');
      buttons.textContent = '';
      buttons.append(next);
      next.focus();
    };

    restart.hidden = true;
    box.append(restart);
    showStep(0);
  }
}
