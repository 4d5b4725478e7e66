// Signal Desk dashboard, risk panel: feed warnings (a refused feed, positions another market's prices do not
// mark), the kill switch, safe mode and the governor's limits from the state
// pushed on /ws/dashboard (dashboard.js calls window.signalDeskRisk on each one); acts through the REST API.
(function () {
  'use strict';
  var LABELS = {
    maxPositionPct: ['Max position', '% of equity'], maxOpenPositions: ['Max open positions', ''],
    maxGrossExposurePct: ['Max gross exposure', '% of equity'], dailyLossLimitPct: ['Daily loss limit', '% of initial equity (UTC day)'],
    lossCooldownSeconds: ['Cooldown after a loss', 's'], maxEntriesPerHour: ['Max entries', 'per hour'],
    safeModeAfterFailures: ['Safe mode after', 'model failures in a row'], maxSlippagePct: ['Max price move at confirm', '%']
  };
  var halted = false;

  function byId(id) { return document.getElementById(id); }
  function time(iso) { return iso ? new Date(iso).toLocaleTimeString() : '–'; }

  function act(method, url, body) {
    var headers = { 'Content-Type': 'application/json' };
    var key = byId('api-key').value;
    if (key) { headers['X-Api-Key'] = key; }
    var err = byId('risk-error');
    err.textContent = '';
    return fetch(url, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) {
        if (!r.ok) {
          return r.json().catch(function () { return {}; })
            .then(function (json) { err.textContent = r.status + ': ' + (json.error || 'failed'); });
        }
      })
      .catch(function (e) { err.textContent = 'request failed: ' + e; });
  }

  window.signalDeskRisk = function (s) {
    var warnings = ((s.feed && s.feed.warnings) || []).slice();
    if (s.ledger && !s.ledger.ok) {
      warnings.unshift('LEDGER ' + s.ledger.fault + ' since ' + time(s.ledger.since) + ': ' + s.ledger.error +
        '; changes are refused (503) until it recovers');
    }
    byId('feed-warnings').textContent = warnings.map(function (w) { return '⚠ ' + w; }).join(' · ');
    var risk = s.risk;
    if (!risk) { return; }
    halted = risk.halt.halted;
    var badge = byId('risk-state');
    badge.textContent = halted ? 'HALTED' : (risk.safeMode.on ? 'SAFE MODE' : 'trading on');
    badge.className = 'badge ' + (halted ? 'bad' : (risk.safeMode.on ? 'warn' : 'ok'));
    byId('halt-line').textContent = halted
      ? 'New entries halted since ' + time(risk.halt.since) + (risk.halt.reason ? ' (' + risk.halt.reason + ')' : '') +
        '; exits and stops go on.' + (risk.halt.durable === false ? ' Not yet written to the ledger (retrying).' : '')
      : 'Trading on: entries pass the limits below.' +
        (risk.halt.durable === false ? ' The resume is not yet written to the ledger (retrying).' : '');
    byId('halt-btn').textContent = halted ? 'Resume trading' : 'HALT new entries';
    byId('halt-btn').className = halted ? 'confirm' : 'reject';
    var safe = risk.safeMode;
    byId('safe-line').textContent = safe.on
      ? 'Safe mode ON since ' + time(safe.since) + ' (' + safe.cameOnBecause + '): ' + safe.consecutiveFailures +
        ' failures in a row of the engine\'s own questions (last: ' + safe.lastFailure + '); AI and HYBRID entries are blocked.'
      : 'Safe mode off (' + safe.consecutiveFailures + ' failures in a row)' + (safe.clearedAt
        ? '; last on ' + time(safe.since) + ' (' + safe.cameOnBecause + '), cleared ' + time(safe.clearedAt) + ': ' +
          safe.clearedBecause + '.' : '.');
    byId('safe-btn').hidden = !risk.safeMode.on;
    var body = byId('risk-limits').querySelector('tbody');
    body.replaceChildren.apply(body, Object.keys(LABELS).map(function (k) {
      var tr = document.createElement('tr');
      [LABELS[k][0], String(risk.limits[k]), LABELS[k][1]].forEach(function (text) {
        var td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      return tr;
    }));
  };

  byId('halt-btn').addEventListener('click', function () {
    if (halted) {
      act('DELETE', '/api/decision/halt');
    } else {
      var reason = byId('halt-reason').value.trim();
      act('POST', '/api/decision/halt', reason ? { reason: reason } : undefined);
    }
  });
  byId('safe-btn').addEventListener('click', function () { act('DELETE', '/api/decision/safe-mode'); });
}());
