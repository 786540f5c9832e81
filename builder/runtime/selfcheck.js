// "Tell til tre": turns the static self-check list (readable without JavaScript) into one question at a time
// with Yes/No buttons and the matching advice. Ungraded and not tracked: it is a thinking aid.

function enhanceSelfChecks(w) {
  Array.prototype.forEach.call(document.querySelectorAll('[data-selfcheck]'), function (box) {
    var steps = Array.prototype.slice.call(box.querySelectorAll('[data-step]'));
    var end = box.querySelector('[data-end]');
    var live = document.createElement('div');
    live.setAttribute('aria-live', 'polite');
    live.className = 'selfcheck-live';
    box.appendChild(live);
    box.classList.add('enhanced');

    function showStep(i) {
      live.textContent = '';
      steps.forEach(function (s, k) { s.hidden = k !== i; });
      end.hidden = i < steps.length;
      if (i >= steps.length) { return; }
      var step = steps[i], q = step.querySelector('.selfcheck-question');
      q.setAttribute('tabindex', '-1');
      step.querySelector('dl').hidden = true;
      var old = step.querySelector('.selfcheck-buttons');
      if (old) { old.parentNode.removeChild(old); }
      var buttons = document.createElement('div');
      buttons.className = 'selfcheck-buttons';
      [['yes', w.yes], ['no', w.no]].forEach(function (pair) {
        var b = document.createElement('button');
        b.type = 'button'; b.textContent = pair[1];
        b.addEventListener('click', function () { answer(i, pair[0]); });
        buttons.appendChild(b);
      });
      step.appendChild(buttons);
      return q;
    }

    function answer(i, which) {
      var advice = steps[i].querySelector('[data-if="' + which + '"]').textContent;
      var next = document.createElement('button');
      next.type = 'button';
      next.textContent = w.next;
      live.textContent = '';
      var p = document.createElement('p');
      p.textContent = advice;
      live.appendChild(p);
      var buttons = steps[i].querySelector('.selfcheck-buttons');
      buttons.textContent = '';
      buttons.appendChild(next);
      next.addEventListener('click', function () {
        var q = showStep(i + 1);
        if (q) { q.focus(); } else { end.setAttribute('tabindex', '-1'); end.focus(); restart.hidden = false; }
      });
      next.focus();
    }

    var restart = document.createElement('button');
    restart.type = 'button'; restart.textContent = w.selfcheck_restart; restart.hidden = true;
    restart.addEventListener('click', function () { restart.hidden = true; var q = showStep(0); if (q) { q.focus(); } });
    box.appendChild(restart);
    showStep(0);
  });
}
