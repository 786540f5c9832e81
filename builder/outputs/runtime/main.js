// The runtime's entry: reads the course data, connects to the LMS and starts the tracker, the player and the
// self-checks. tools/bundle-runtime bundles this file and what it imports into one private function.
import { connectLms } from './adapters.js';
import { Player } from './player.js';
import { enhanceSelfChecks } from './selfcheck.js';
import { Tracker } from './tracking.js';

function boot() {
  const data = JSON.parse(document.getElementById('kurs-data').textContent);
  const lms = connectLms('kursbygger:' + data.course.id + ':' + data.course.version);
  const tracker = new Tracker(data, lms).start();
  new Player(data, tracker).start();
  enhanceSelfChecks(data.strings);
  // pagehide, not unload: Chrome forbids unload in Moodle's frame, and iOS never fires beforeunload.
  window.addEventListener('pagehide', () => tracker.finish());
  // A hidden page may be frozen or killed (phones) without pagehide, and its timers wait: send everything now.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') { tracker.save(); lms.drain(); }
  });
}

if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', boot); } else { boot(); }
