// Signal Desk dashboard, backtest panel: runs the live engine on the candles or captures of the service's data
// directory (GET /api/backtest/files; deploy/run-local.sh copies the repository's samples there) as a job
// (POST /api/backtest/jobs), follows it (GET /api/backtest/jobs/{id}) and shows its verdict and account; or, as a
// walk-forward, its out-of-sample windows (each measured only on test hours its engine had not learned on).
(function () {
  'use strict';
  var POLL_MS = 1000;
  var job = null;
  var timer = null;

  function byId(id) { return document.getElementById(id); }
  function text(id, value) { byId(id).textContent = value; }
  function cents(v) {
    return v === null || v === undefined ? '–'
      : Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function pct(v) { return v === null || v === undefined ? '–' : Number(v).toFixed(2) + ' %'; }

  function running() { return job !== null && (job.state === 'QUEUED' || job.state === 'RUNNING'); }

  function headers() {
    var h = { 'Content-Type': 'application/json' };
    var key = byId('api-key').value;
    if (key) { h['X-Api-Key'] = key; }
    return h;
  }

  // one option per folder and kind: the candle CSVs of a folder run together (the coin from each file name), the
  // captures of a folder likewise
  function load() {
    fetch('/api/backtest/files').then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (files) {
        var groups = {};
        files.forEach(function (f) {
          var slash = f.name.lastIndexOf('/');
          var folder = slash < 0 ? '.' : f.name.substring(0, slash);
          var kind = /\.csv$/.test(f.name) ? 'paths' : 'captures';
          var key = kind + ' ' + folder;
          (groups[key] = groups[key] || { kind: kind, folder: folder, names: [] }).names.push(f.name);
        });
        var select = byId('bt-data');
        select.innerHTML = '';
        function add(kind, label, names) {
          var option = document.createElement('option');
          option.value = kind + ' ' + names.join(',');
          option.textContent = (kind === 'paths' ? '1-minute candles: ' : 'Binance captures: ') + label;
          option.dataset.kind = kind;
          option.dataset.names = JSON.stringify(names);
          select.appendChild(option);
        }
        Object.keys(groups).sort().forEach(function (key) {
          var g = groups[key];
          if (g.names.length > 1) {
            add(g.kind, 'all ' + g.names.length + ' of ' + g.folder + '/', g.names);
          }
          g.names.forEach(function (n) { add(g.kind, n, [n]); });
        });
        byId('bt-run').disabled = select.options.length === 0 || running();
        if (job) { return; }
        text('bt-state', select.options.length === 0
          ? 'No candles or captures in the data directory (SIGNAL_DATA_DIR); deploy/run-local.sh copies the samples there.'
          : 'Runs the live engine with the desk\'s settings on a scratch account; the live account is not touched.');
      })
      .catch(function (e) { text('bt-state', 'could not list the data directory: ' + e); });
  }

  function body() {
    var option = byId('bt-data').selectedOptions[0];
    var request = {};
    request[option.dataset.kind] = JSON.parse(option.dataset.names);
    var from = byId('bt-from').value.trim();
    var to = byId('bt-to').value.trim();
    if (option.dataset.kind === 'paths') {
      if (from) { request.from = from; }
      if (to) { request.to = to; }
    }
    if (byId('bt-mode').value) { request.mode = byId('bt-mode').value; }
    if (byId('bt-edge').value) { request.edgeMode = byId('bt-edge').value; }
    if (option.dataset.kind === 'paths' && byId('bt-kind').value === 'walk-forward') {
      request.walkForward = {};
      hours(request.walkForward, 'trainHours', 'bt-wf-train');
      hours(request.walkForward, 'testHours', 'bt-wf-test');
      hours(request.walkForward, 'stepHours', 'bt-wf-step');
      hours(request.walkForward, 'holdoutHours', 'bt-wf-holdout');
    }
    return request;
  }

  // a whole number as a number; anything else as typed, for the service's 400 to name the field
  function hours(into, field, id) {
    var v = byId(id).value.trim();
    if (v) { into[field] = /^[0-9]{1,6}$/.test(v) ? Number(v) : v; }
  }

  function run() {
    text('bt-error', '');
    byId('bt-result').hidden = true;
    byId('bt-wf-result').hidden = true;
    fetch('/api/backtest/jobs', { method: 'POST', headers: headers(), body: JSON.stringify(body()) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (json) {
          if (!r.ok) {
            text('bt-error', r.status + ': ' + (json.error || 'refused') + (json.field ? ' (' + json.field + ')' : ''));
            return;
          }
          follow(json);
        });
      })
      .catch(function (e) { text('bt-error', 'request failed: ' + e); });
  }

  function follow(state) {
    job = state;
    show(state);
    clearTimeout(timer);
    if (state.state === 'QUEUED' || state.state === 'RUNNING') {
      timer = setTimeout(function () {
        fetch('/api/backtest/jobs/' + encodeURIComponent(job.id))
          .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
          .then(follow)
          .catch(function (e) { text('bt-error', 'lost the job: ' + e); });
      }, POLL_MS);
    }
  }

  function show(state) {
    byId('bt-run').disabled = running();
    byId('bt-cancel').hidden = !running();
    text('bt-state', 'Job ' + state.id + ': ' + state.state +
      (state.progressPct !== null && state.progressPct !== undefined ? ', ' + state.progressPct.toFixed(0) + ' %' : '') +
      (state.frames ? ', ' + state.frames.toLocaleString('en-US') + ' frames' : '') +
      (state.marketTime ? ', market time ' + state.marketTime : '') +
      (state.error ? ': ' + state.error : ''));
    var r = state.report;
    if (!r) { return; }
    if (r.windows) {
      byId('bt-result').hidden = true;
      walkForward(r);
      return;
    }
    byId('bt-wf-result').hidden = true;
    var p = r.paper;
    text('bt-verdict', r.verdict);
    notes(r.dataNotes);
    // in-sample (the period overlaps the data the defaults were tuned on: the figures flatter them) or held out
    text('bt-sample', r.sample ? r.sample.note : '');
    byId('bt-sample').className = r.sample && r.sample.kind === 'IN_SAMPLE' ? 'error' : 'muted';
    text('bt-trades', p.trades + ' closed: ' + p.wins + ' won, ' + p.losses + ' lost (' + r.from + ' → ' + r.to + ')');
    text('bt-return', pct(p.returnPct) + ' (' + cents(p.initialEquity) + ' → ' + cents(p.finalEquity) + ' USDT), fees ' +
      cents(p.fees));
    text('bt-drawdown', cents(p.maxDrawdown) + ' USDT (' + pct(p.maxDrawdownPct) + ')');
    text('bt-run-settings', runSettings(r));
    text('bt-baselines', baselines(r));
    text('bt-report', r.output && r.output.markdown ? r.output.markdown : '–');
    byId('bt-result').hidden = false;
  }

  // what the data could not show (no order book in a capture, no trade flow in candles...), as text, under the
  // verdict: the reason a run measured nothing; the first 20 as the Markdown lists them
  function notes(list) {
    var ul = byId('bt-notes');
    ul.replaceChildren();
    (list || []).slice(0, 20).forEach(function (note) {
      var li = document.createElement('li');
      li.textContent = note;
      ul.appendChild(li);
    });
    if (list && list.length > 20) {
      var more = document.createElement('li');
      more.textContent = (list.length - 20) + ' more in the report';
      ul.appendChild(more);
    }
  }

  // what ran: the mode (and HYBRID's policy), the edge gate, and the model questions asked on the way
  function runSettings(r) {
    var s = r.settings || {};
    var mode = (s.mode || r.mode) + (s.mode === 'HYBRID' ? ' ' + s.policy : '');
    var gate = s.edge ? ', edge gate ' + s.edge.mode : '';
    var ai = r.ai ? ', ' + r.ai.calls.toLocaleString('en-US') + ' model questions (' + r.ai.failures + ' failed' +
      (r.ai.averageLatencyMs === null ? '' : ', ' + Math.round(r.ai.averageLatencyMs) + ' ms on average') + ')'
      : ', no model questions';
    return mode + gate + ai + '; fee ' + s.feePct + ' % + slippage ' + s.slippagePct + ' % a fill';
  }

  // a per-trade figure after costs, signed: "-0.293 %"
  function perTrade(v) { return v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + Number(v).toFixed(3) + ' %'; }

  // the sceptic's baselines at the same costs: never trading, holding, the same entries on one side, random entries
  function baselines(r) {
    var parts = ['always-WAIT 0.00 %'];
    if (r.buyAndHold) { parts.push('buy-and-hold ' + pct(r.buyAndHold.returnPct)); }
    var o = r.evaluation && r.evaluation.overall;
    if (o && o.expectancy && o.expectancy.trades > 0) {
      parts.push('a trade after costs: this run ' + perTrade(o.expectancy.meanPct) + ', always-long ' +
        perTrade(o.alwaysLong.meanPct) + ', always-short ' + perTrade(o.alwaysShort.meanPct) + ' (the same entries and exits)');
    }
    var rnd = r.randomEntries;
    if (rnd && rnd.draws && rnd.medianPct !== null) {
      parts.push('random entries (same count and holding time) ' + perTrade(rnd.medianPct) + ' a trade, 5-95 % [' +
        perTrade(rnd.p5Pct) + ', ' + perTrade(rnd.p95Pct) + ']' + (rnd.strategyRank === null ? ''
          : ': this run beats ' + Math.round(rnd.strategyRank * 100) + ' % of ' + rnd.draws + ' draws'));
    }
    return parts.join('; ');
  }

  function signed(v) { return v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + Number(v).toFixed(2) + ' %'; }

  // a trade after costs with its 95 % interval, or why there is none: "-0.281 % [-0.335, -0.244]"
  function expectancy(e) {
    if (!e || !e.trades) { return '–'; }
    return perTrade(e.meanPct) + (e.lowPct !== null && e.lowPct !== undefined
      ? ' [' + perTrade(e.lowPct) + ', ' + perTrade(e.highPct) + ']'
      : e.days <= 1 ? ' (one UTC day: no interval)' : ' (' + e.days + ' UTC days, 5 needed: no interval)');
  }

  function utc(t) { return t ? t.replace('T', ' ').replace(/:00Z$/, '') : '–'; }

  // a walk-forward's report: the verdict on its test hours (said plainly when the edge is not positive), each window's
  // figures after costs with their hours and interval, the baselines over the same hours
  function walkForward(r) {
    var verdict = byId('bt-wf-verdict');
    verdict.textContent = (r.edge ? 'Out of sample, after costs: ' : 'No positive out-of-sample edge after costs: ') + r.verdict;
    verdict.className = r.edge ? 'verdict' : 'verdict error';
    text('bt-wf-sample', r.sample ? r.sample.note : '');
    byId('bt-wf-sample').className = r.sample && r.sample.kind === 'IN_SAMPLE' ? 'error' : 'muted';
    var body = byId('bt-wf-windows').tBodies[0];
    body.replaceChildren();
    r.windows.forEach(function (w) {
      var tr = document.createElement('tr');
      [String(w.index), utc(w.testFrom) + ' → ' + utc(w.testTo), signed(w.returnPct) + ' (' + cents(w.netPnl) + ' USDT)',
        expectancy(w.expectancy), w.roundTrips + ' (' + w.wins + ')', cents(w.fees), String(w.entriesStoppedByGate),
        signed(w.buyAndHoldReturnPct) + ' · 0.00 %'].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      tr.className = Number(w.returnPct) < 0 ? 'doubtful' : '';
      body.appendChild(tr);
    });
    text('bt-wf-total', signed(r.returnPct) + ' compounded over ' + r.windows.length + (r.windows.length === 1 ? ' window (' : ' windows (') + r.windowsBelowZero +
      ' below zero), ' + cents(r.netPnl) + ' USDT, ' + r.roundTrips + ' round trips, fees ' + cents(r.fees) +
      ' USDT; a trade after costs ' + expectancy(r.expectancy));
    text('bt-wf-baselines', 'always-WAIT 0.00 % in every window; buy-and-hold per window above' +
      (r.expectancy && r.expectancy.trades ? '; the same entries and exits always long ' + expectancy(r.alwaysLong) +
        ', always short ' + expectancy(r.alwaysShort) : ''));
    text('bt-wf-held', r.holdout || 'none: the holdout was included');
    var s = r.settings || {};
    // the walk-forward's report does not count its model questions: none claimed either way
    text('bt-wf-settings', (s.mode || r.mode) + (s.mode === 'HYBRID' ? ' ' + s.policy : '') +
      (s.edge ? ', edge gate ' + s.edge.mode : '') + '; fee ' + s.feePct + ' % + slippage ' + s.slippagePct +
      ' % a fill; train ' + r.plan.trainHours + ' h, test ' + r.plan.testHours + ' h, step ' +
      r.plan.stepHours + ' h');
    text('bt-wf-report', r.output && r.output.markdown ? r.output.markdown : '–');
    text('bt-wf-notes', (r.notes || []).join(' · ')); // what was measured, and where a cap stopped the windows
    byId('bt-wf-result').hidden = false;
  }

  byId('bt-run').addEventListener('click', run);
  byId('bt-kind').addEventListener('change', function () {
    byId('bt-wf').hidden = byId('bt-kind').value !== 'walk-forward';
  });
  byId('bt-cancel').addEventListener('click', function () {
    if (!job) { return; }
    fetch('/api/backtest/jobs/' + encodeURIComponent(job.id), { method: 'DELETE', headers: headers() })
      .catch(function (e) { text('bt-error', 'request failed: ' + e); });
  });
  byId('bt-data').addEventListener('change', function () {
    var candles = byId('bt-data').selectedOptions[0].dataset.kind === 'paths';
    byId('bt-from').disabled = !candles;
    byId('bt-to').disabled = !candles;
    byId('bt-kind').disabled = !candles; // walk-forward windows are cut from candles
  });
  // a page opened (or reloaded) while a job runs follows it; otherwise it shows the newest finished job the service
  // keeps (the last 10, in the ledger: there after a restart)
  function latest() {
    fetch('/api/backtest/jobs').then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (jobs) {
        if (!jobs.length || job) { return; }
        jobs.sort(function (a, b) { return a.submittedAt < b.submittedAt ? 1 : -1; });
        return fetch('/api/backtest/jobs/' + encodeURIComponent(jobs[0].id))
          .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
          .then(function (state) { if (!job) { follow(state); } });
      })
      .catch(function (e) { text('bt-error', 'could not read the backtest jobs: ' + e); });
  }

  load();
  latest();
})();
