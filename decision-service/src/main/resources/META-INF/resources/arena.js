// Signal Desk dashboard, Model arena panel: the model in use and the shadow model (ANALYZER_SHADOW_MODEL) scored on
// the same questions, from GET /api/ai/arena every 30 s: counts beside every rate, 95 % intervals, the verdict.
(function () {
  'use strict';
  // a number and its unit (or "12 of 25") stay on one line when a cell wraps
  var NB = '\u00a0';
  function byId(id) { return document.getElementById(id); }
  function cell(text, title) {
    var td = document.createElement('td');
    td.textContent = text;
    if (title) { td.title = title; }
    return td;
  }
  function rate(r) {
    if (!r || r.rate === null || r.rate === undefined) { return 'none scored'; }
    return Math.round(r.rate * 100) + NB + '% (' + Math.round(r.low * 100) + '-' + Math.round(r.high * 100) + NB + '%), ' + r.hits + NB + 'of' + NB + r.calls;
  }
  function signed(v) { return v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + v.toFixed(2) + NB + '%'; }
  function net(m) {
    if (m.netExpectancyPct === null || m.netExpectancyPct === undefined) { return 'no acted answers'; }
    return signed(m.netExpectancyPct) + (m.netLowPct === null || m.netLowPct === undefined ? '' :
      ' (' + signed(m.netLowPct) + ' to ' + signed(m.netHighPct) + ')') + ' on ' + m.acted;
  }
  function measured(f, pick) { return f ? pick(f) : 'not measured'; }
  function seconds(ms) { return ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(2) + NB + 's'; }
  function render(a) {
    var body = byId('arena-models').querySelector('tbody');
    body.innerHTML = '';
    a.models.forEach(function (m) {
      var tr = document.createElement('tr');
      var f = m.measured;
      [cell(m.model + (m.role === 'SHADOW' ? ' (shadow)' : m.role === 'PROBE' ? ' (probes)' : '')), cell(String(m.right.calls)), cell(rate(m.right)), cell(net(m)),
        cell(measured(f, function (x) { return x.validOutputRate === null ? '–' : Math.round(x.validOutputRate * 100) + NB + '% of' + NB + (x.answered + x.invalid); })),
        cell(measured(f, function (x) { return seconds(x.decisionMsP50) + ' / ' + seconds(x.decisionMsP95); })),
        cell(measured(f, function (x) { return (x.promptTokensMean === null ? '–' : Math.round(x.promptTokensMean)) + ' / ' + (x.outputTokensMean === null ? '–' : Math.round(x.outputTokensMean)); })),
        cell(measured(f, function (x) { return x.ramBytes ? (x.ramBytes / 1e9).toFixed(1) + NB + 'GB' : 'not loaded'; })),
        cell(m.verdict)].forEach(function (td) { tr.appendChild(td); });
      body.appendChild(tr);
    });
    var s = a.shadow || {};
    // the answers scored on the market the desk trades now only; other markets' are kept apart
    var others = Object.keys(a.markets || {}).filter(function (m) { return m !== a.market; })
      .map(function (m) { return m + ' ' + a.markets[m]; });
    var line = 'Scored ' + a.horizon + ' after each answer, after the ' + a.roundTripPct + ' % round trip, on ' + a.market +
      ' only (the market the desk trades now)' + (others.length ? '; kept apart, not counted: ' + others.join(', ') + ' answers' : '') +
      '. Shadow: ' + (s.state || 'unknown');
    if (s.reason) { line += ' (' + s.reason + ')'; }
    byId('arena-line').textContent = line;
    var notes = [];
    if (s.asked !== undefined) {
      notes.push('shadow coverage ' + s.answered + ' of ' + s.asked + ' questions' + (s.asked ? ' (' + Math.round(s.coverage * 100) + ' %)' : '') +
        ', skipped ' + JSON.stringify(s.skipped || {}) + ', put back ' + s.preempted + ' times for the desk');
    }
    (a.primaryOnSharedQuestions || []).forEach(function (p) {
      notes.push('on the ' + p.right.calls + ' questions ' + p.sharedWith + ' answered, ' + p.model + ' was right ' + rate(p.right) + ', net ' + net(p));
    });
    byId('arena-note').textContent = notes.join(' · ');
  }
  function load() {
    fetch('/api/ai/arena').then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(render).catch(function (e) { byId('arena-line').textContent = 'Arena unavailable (' + e + ')'; });
  }
  load();
  setInterval(load, 30000);
})();
