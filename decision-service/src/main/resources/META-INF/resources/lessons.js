// Signal Desk dashboard, Lessons panel: one-line lessons the model drafted from its scored answers (GET /api/lessons
// every 15 s), each with the evidence the desk computed; the trader accepts or rejects a proposal, removes an accepted
// lesson. Only accepted lessons are in the model's system message; the panel says which version the analyzer has.
(function () {
  'use strict';
  function byId(id) { return document.getElementById(id); }
  function cell(text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    return td;
  }
  function signed(v) { return v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + Number(v).toFixed(2) + ' %'; }
  function horizon(seconds) { return seconds % 60 === 0 ? seconds / 60 + ' m' : seconds + ' s'; }
  function interval(low, high) {
    return low === null || low === undefined ? '' : ' (95 %: ' + signed(low) + ' to ' + signed(high) + ')';
  }
  function evidence(e, s) {
    var net = e.netPct === null || e.netPct === undefined ? '' : ', net ' + signed(e.netPct) +
      interval(e.netLowPct, e.netHighPct) + ' a call after costs at ' + horizon(s.horizonSeconds);
    var judged = e.decisions < s.minSample ? ': too few to judge (' + e.decisions + ' of the ' + s.minSample +
      ' answers the edge gate needs)' : '';
    return e.setups.join(', ') + ': ' + e.decisions + ' answers, ' + e.right + ' right' + net + judged;
  }
  function act(method, url) {
    var headers = {};
    var key = byId('api-key').value;
    if (key) { headers['X-Api-Key'] = key; }
    byId('lessons-error').textContent = '';
    return fetch(url, { method: method, headers: headers }).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; })
          .then(function (json) { byId('lessons-error').textContent = r.status + ': ' + (json.error || 'failed'); });
      }
    }).catch(function (e) { byId('lessons-error').textContent = 'request failed: ' + e; }).then(load);
  }
  function button(label, cls, method, url) {
    var b = document.createElement('button');
    b.textContent = label;
    if (cls) { b.className = cls; }
    b.addEventListener('click', function () { act(method, url); });
    return b;
  }
  function rows(tableId, lessons, withTokens, buttons, s) {
    var body = byId(tableId).querySelector('tbody');
    body.innerHTML = '';
    lessons.forEach(function (l) {
      var tr = document.createElement('tr');
      [cell(String(l.id)), cell(l.line, 'lesson'), cell(evidence(l.evidence, s), 'evidence')].forEach(function (td) { tr.appendChild(td); });
      if (withTokens) { tr.appendChild(cell('~' + l.tokens)); }
      var actions = document.createElement('td');
      buttons(l).forEach(function (b) { actions.appendChild(b); });
      tr.appendChild(actions);
      body.appendChild(tr);
    });
    if (!lessons.length) {
      var empty = document.createElement('tr');
      var td = cell(tableId === 'lessons-proposed' ? 'No proposals waiting.' : 'None: the system message has no lessons.', 'muted');
      td.colSpan = withTokens ? 5 : 4;
      empty.appendChild(td);
      body.appendChild(empty);
    }
  }
  function render(s) {
    rows('lessons-proposed', s.proposed, false, function (l) {
      return [button('Accept', 'confirm', 'POST', '/api/lessons/' + l.id + '/accept'),
        button('Reject', 'reject', 'POST', '/api/lessons/' + l.id + '/reject')];
    }, s);
    rows('lessons-accepted', s.accepted, true, function (l) {
      return [button('Remove', 'reject', 'DELETE', '/api/lessons/' + l.id)];
    }, s);
    var inPrompt = s.inPrompt === null || s.inPrompt === undefined ? 'the analyzer has not said which version it has'
      : s.inPrompt === s.version ? 'version ' + s.version + ' is in the model\'s system message'
        : 'the analyzer has version ' + s.inPrompt + ', the desk ' + s.version + ' (sending it)';
    var d = s.drafting;
    var next = !d.on ? 'drafting off (decision.lessons.draft)' : d.running ? 'a draft is being written (on the model\'s idle time)'
      : d.waitingFor === null ? 'no draft while ' + s.proposed.length + ' proposals wait'
        : d.waitingFor === 0 ? 'a draft is due' : 'next draft after ' + d.waitingFor + ' more scored answers';
    byId('lessons-line').textContent = 'Lesson set version ' + s.version + ': ' + inPrompt + ' · ' + s.accepted.length + ' of ' +
      s.limits.maxAccepted + ' lessons, about ' + s.acceptedTokens + ' of ' + s.limits.maxTokens + ' tokens · ' + next;
    var notes = [];
    if (d.recent.length) {
      var last = d.recent[0];
      notes.push('last draft ' + new Date(last.at).toLocaleString() + ': ' + last.outcome + (last.proposals ? ', ' + last.proposals + ' proposed' : '') +
        (last.detail ? ' (' + last.detail + ')' : ''));
    }
    var by = (s.byVersion || []).map(function (v) {
      return (v.version === null ? 'before lessons' : 'v' + v.version) + ': ' + v.right + ' of ' + v.answers + ' right' +
        (v.acted ? ', acted ' + v.acted + ' net ' + signed(v.actedNetPct) + interval(v.actedNetLowPct, v.actedNetHighPct) +
          ' a call at ' + horizon(s.horizonSeconds) : '');
    });
    if (by.length) { notes.push('the model\'s scored answers on ' + s.market + ' by lesson version: ' + by.join('; ')); }
    byId('lessons-note').textContent = notes.join(' · ');
  }
  function load() {
    return fetch('/api/lessons').then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(render).catch(function (e) { byId('lessons-line').textContent = 'Lessons unavailable (' + e + ')'; });
  }
  byId('lessons-draft').addEventListener('click', function () { act('POST', '/api/lessons/drafts'); });
  load();
  setInterval(load, 15000);
})();
