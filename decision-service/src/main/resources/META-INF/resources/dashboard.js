// Signal Desk dashboard: renders the state pushed on /ws/dashboard; acts through the REST API.
(function () {
  'use strict';
  var state = null;
  var socket = null;
  var keyInput = document.getElementById('api-key');
  keyInput.value = localStorage.getItem('signalDeskApiKey') || '';
  keyInput.addEventListener('change', function () { localStorage.setItem('signalDeskApiKey', keyInput.value); });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function num(v, digits) {
    if (v === null || v === undefined || v === '') { return '–'; }
    var n = Number(v);
    if (!isFinite(n)) { return String(v); }
    return n.toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 2 : digits });
  }
  // money to the cent: 0.2 shows as 0.20
  function cents(v) {
    if (v === null || v === undefined || v === '' || !isFinite(Number(v))) { return '–'; }
    return Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function pct(v) { return v === null || v === undefined ? '–' : (Number(v) * 100).toFixed(1) + '%'; }
  function time(iso) { return iso ? new Date(iso).toLocaleTimeString() : '–'; }
  // The venue's time of the newest data. A replay (or data more than a minute old) shows its own date and time in
  // UTC, so a 2024 capture reads as 2024, not as now.
  function marketTime(iso) {
    if (!iso) { return ''; }
    var at = new Date(iso);
    if (Math.abs(Date.now() - at.getTime()) <= 60000) { return 'market time ' + at.toLocaleTimeString() + ' · '; }
    return 'market time ' + at.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') + ' (replay or delayed data) · ';
  }
  // A decision's time; when its market data is from another time (a replay), that market time too.
  function decisionTime(d) {
    var cell = el('td', time(d.at));
    if (d.marketAt && Math.abs(new Date(d.marketAt).getTime() - new Date(d.at).getTime()) > 60000) {
      cell.textContent = new Date(d.marketAt).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
      cell.title = 'market time of the data it was decided on; decided at ' + time(d.at);
    }
    return cell;
  }
  function signed(td, v) { td.className = Number(v) >= 0 ? 'up' : 'down-txt'; return td; }
  function fill(tbodyParent, rows) {
    var body = tbodyParent.querySelector('tbody');
    body.replaceChildren.apply(body, rows);
  }
  function row(cells) {
    var tr = el('tr');
    cells.forEach(function (c) { tr.appendChild(c instanceof Node ? c : el('td', c)); });
    return tr;
  }

  var POLICY = {
    ADVISORY: 'the rules decide, the AI answer is shown',
    VETO: 'the rules propose, the AI can block an entry',
    AGREE: 'the rules and the AI must agree'
  };
  var MODE = { RULES: 'the rules decide; the AI is not asked', AI: 'the AI decides on the rules\' or its own setups' };

  // Who decided, in one cell: RULES, AI, RULES+AI, or RULES_FALLBACK with why (e.g. MODEL_DOWN).
  function decidedBy(x) {
    return (x.source || '–') + (x.fallbackReason ? ' (' + x.fallbackReason + ')' : '');
  }

  function setBadge(id, text, ok) {
    var b = document.getElementById(id);
    b.textContent = text;
    b.className = 'badge ' + (ok ? 'ok' : 'bad');
  }

  function seconds(ms) { return ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(1) + ' s'; }

  // What the analyzer measured of this machine: Ollama's real speeds, predicted times, share of answers from the model.
  var modelShare = null; // the server's count and Wilson 95 % interval of the model's share (analyzer.modelShare)
  function renderMachine(status) {
    var box = document.getElementById('ai-machine');
    var warnings = document.getElementById('ai-warnings');
    var m = status && status.machine;
    if (!m || !m.prefillTokensPerSecond) {
      box.textContent = 'This machine: not measured yet (the analyzer measures Ollama\'s speed on its first answers).';
      warnings.textContent = '';
      return;
    }
    var p = m.predictions || {};
    var entry = p.ENTRY || p.SENTIMENT;
    box.textContent = 'This machine (' + m.model + '): prefill ' + num(m.prefillTokensPerSecond, 0) + ' tok/s · decode ' +
      num(m.decodeTokensPerSecond, 0) + ' tok/s' +
      (entry ? ' · decision in ~' + seconds(entry.timeToSignalMs) + ', full answer ~' + seconds(entry.fullAnswerMs) : '') +
      ' · deadline ' + seconds(m.deadlineMs) +
      answersBySource(m, modelShare);
    // whether AI answers are arriving is said once, on the mode line; these are the machine's own warnings
    warnings.textContent = (m.warnings || []).join(' ');
  }

  // The last 15 minutes' answers by source: a cached answer is the model's earlier answer, never a model call.
  function answersBySource(m, share) {
    if (!m.answersLast15m) { return ''; }
    return ' · last 15 min: ' + m.answersLast15m + ' answers = ' + (m.modelAnswersLast15m || 0) + ' model calls (' +
      (share ? shareOf(share) : Math.round((m.modelShareLast15m || 0) * 100) + ' %') + ') + ' +
      (m.cacheAnswersLast15m || 0) + ' from the cache + ' + (m.rulesAnswersLast15m || 0) + ' rules';
  }

  // The analyzer's models, each with its predicted time to a decision here; choosing one switches the analyzer.
  function loadModels() {
    fetch('/api/analyzer/models').then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (list) {
        var select = document.getElementById('model');
        if (document.activeElement === select) { return; }
        var options = (list.models || []).map(function (m) {
          var o = el('option', m.name + (m.predictedSignalMs ? ' · ~' + seconds(m.predictedSignalMs) + ' to a decision' : '') +
            (m.warning ? ' ⚠' : ''));
          o.value = m.name;
          o.title = m.warning || '';
          o.selected = m.active;
          return o;
        });
        select.replaceChildren.apply(select, options);
        var active = (list.models || []).filter(function (m) { return m.active; })[0];
        document.getElementById('model-note').textContent = active && active.warning ? '⚠ ' + active.warning : '';
      })
      .catch(function () { document.getElementById('model-note').textContent = 'models unavailable (analyzer or Ollama down)'; });
  }
  document.getElementById('model').addEventListener('change', function (e) {
    var note = document.getElementById('model-note');
    note.textContent = 'switching to ' + e.target.value + '…';
    fetch('/api/analyzer/model', { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-Api-Key': keyInput.value },
      body: JSON.stringify({ model: e.target.value }) })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) { note.textContent = r.ok ? 'now ' + r.body.model + ' (warming up)' : (r.body.error || 'refused'); loadModels(); })
      .catch(function () { note.textContent = 'switch failed: analyzer unreachable'; });
  });
  loadModels();
  setInterval(loadModels, 60000);

  function renderStatus(s) {
    var feed = s.feed;
    var feedOk = feed.connected && !feed.stale;
    // which market the prices are: the simulator's are made up, a replay's are past, a venue's are live
    var market = feed.identity && feed.identity.market;
    setBadge('feed-state', (feedOk ? 'feed live' : (feed.connected ? 'FEED STALE' : 'FEED DOWN')) +
      (market ? ' · ' + (feed.identity.source === 'simulator' ? 'SIMULATOR' : market) : ''), feedOk);
    document.body.classList.toggle('stale', !feedOk);
    document.getElementById('feed-note').textContent = (feed.identity && feed.identity.source === 'simulator'
      ? 'simulated prices, not a venue\'s · ' : '') + marketTime(feed.marketTime) + 'drops ' + feed.drops +
      ' · bad frames ' + feed.malformed + (feed.lastFrameAt ? ' · last frame ' + time(feed.lastFrameAt) : '');
    var ai = s.analyzer;
    setBadge('analyzer-state', ai.reachable ? 'analyzer up' : 'ANALYZER DOWN', ai.reachable);
    if (ai.reachable && ai.status && ai.status.ollamaReachable === false) {
      var badge = document.getElementById('analyzer-state');
      badge.textContent = 'analyzer up · MODEL DOWN (rules answers)';
      badge.className = 'badge warn';
    }
    var line = document.getElementById('ai-status-line');
    if (ai.reachable && ai.status) {
      line.textContent = ai.status.line;
      line.classList.remove('down');
    } else {
      line.textContent = '🧠 AI REASONING │ ⚠ ANALYZER DOWN' + (ai.failure ? ' (' + ai.failure + ')' : '') +
        ' │ decisions continue on the rules, labelled RULES_FALLBACK';
      line.classList.add('down');
    }
    var reasoning = document.getElementById('ai-reasoning');
    if (!liveAnalysis && ai.latest && ai.latest.result) {
      var r = ai.latest.result;
      reasoning.textContent = (r.coin || '') + ' ' + (r.sentiment || '') + ' → ' + (r.signal || '') +
        ' (confidence ' + (r.confidence || '?') + '/10, ' + ai.latest.source +
        (ai.latest.fallbackReason ? ', ' + ai.latest.fallbackReason : '') + '): ' + (r.reason || '');
    }
    modelShare = ai.modelShare;
    renderMachine(ai.reachable && ai.status ? ai.status : null);
    var mode = s.mode;
    var answers = ai.answers || {};
    var arriving = document.getElementById('ai-answers');
    // the analyzer's own switch forced to rules: an operator's setting, said with the way back
    var override = ai.override;
    document.getElementById('analyzer-override').hidden = !override;
    document.getElementById('analyzer-override-line').textContent = override ? '⚠ ' + override.line : '';
    if (mode.mode === 'RULES') {
      arriving.textContent = 'AI answers: not used (RULES mode)';
      arriving.className = 'answers muted';
    } else if (override) {
      arriving.textContent = 'AI answers: NOT arriving: the analyzer is forced to rules (Undo below) · the rules decide, ' +
        'labelled RULES_FALLBACK';
      arriving.className = 'answers bad';
    } else if (answers.arriving) {
      arriving.textContent = 'AI answers: arriving' + (answers.model ? ' from ' + answers.model : '') +
        (answers.lastAnswerAt ? ' · last ' + time(answers.lastAnswerAt) : '');
      arriving.className = 'answers ok';
    } else {
      arriving.textContent = 'AI answers: NOT arriving (' + (answers.reason || 'unknown') + ') · the rules decide, ' +
        'labelled RULES_FALLBACK';
      arriving.className = 'answers bad';
    }
    ['RULES', 'AI', 'HYBRID'].forEach(function (m) {
      document.getElementById('mode-' + m).classList.toggle('active', mode.mode === m);
    });
    var select = document.getElementById('policy');
    if (document.activeElement !== select) { select.value = mode.policy; }
    select.disabled = false; // off until the desk's policy is shown (a change sends the desk's mode with it)
    document.getElementById('mode-current').textContent = 'Mode: ' + mode.mode +
      (mode.mode === 'HYBRID' ? ' · ' + mode.policy + ' (' + POLICY[mode.policy] + ')' : ' (' + MODE[mode.mode] + ')') +
      (s.requireConfirmation ? ' · confirmation required' : ' · auto-execute ≥ ' + s.autoMinConfidence);
  }

  function renderMarket(coins) {
    fill(document.getElementById('market'), coins.map(function (c) {
      var mom = signed(el('td', c.momentum60sPct === null ? '–' : num(c.momentum60sPct, 3) + '%'), c.momentum60sPct || 0);
      return row([el('td', c.coin), num(c.midPrice || c.lastPrice, 4), mom,
        c.bookImbalance ? pct(c.bookImbalance.bidShare) : '–',
        c.trades60s ? num(c.trades60s.buyVolume, 3) + ' / ' + num(c.trades60s.sellVolume, 3) : '–',
        num(c.spread, 4)]);
    }));
  }

  function money(v) { return v === null || v === undefined ? '–' : cents(v) + ' USDT'; }

  // A pending proposal and, under it, its confirm card: what a confirm fills and what its confidence has been worth.
  function renderPending(list) {
    document.getElementById('pending-empty').style.display = list.length ? 'none' : '';
    var rows = [];
    list.forEach(function (p) {
      var c = p.card || {};
      var conf = el('td');
      var bar = el('span', null, 'conf');
      bar.style.width = (p.confidence * 6) + 'px';
      conf.appendChild(bar);
      conf.appendChild(document.createTextNode(p.confidence + '/10'));
      if (c.lowConfidence) { conf.appendChild(el('span', ' LOW', 'tag low')); }
      if (c.unproven) { conf.appendChild(el('span', ' UNPROVEN', 'tag low')); }
      var actions = el('td');
      var ok = el('button', 'Confirm', 'confirm' + (c.lowConfidence || c.unproven ? ' doubtful' : ''));
      ok.dataset.id = p.id;
      ok.title = 'fills ' + num(p.size, 6) + ' ' + p.coin + ' at the live price' +
        (c.worstFill ? ', at worst ' + num(c.worstFill, 4) + ' (slippage guard ' + c.maxSlippagePct + ' %)' : '');
      ok.addEventListener('click', function () { act('POST', '/api/proposals/' + p.id + '/confirm'); });
      var no = el('button', 'Reject', 'reject');
      no.dataset.id = p.id;
      no.addEventListener('click', function () { act('POST', '/api/proposals/' + p.id + '/reject'); });
      actions.appendChild(ok);
      actions.appendChild(no);
      var tr = row([el('td', p.coin), p.kind, p.side, num(p.size, 6), money(c.notional), num(p.price, 4), conf, decidedBy(p),
        (c.secondsLeft === undefined ? '–' : c.secondsLeft + ' s'), actions]);
      tr.dataset.id = p.id;
      if (c.lowConfidence || c.unproven) { tr.className = 'doubtful'; }
      rows.push(tr);
      var td = el('td', null, 'card');
      td.colSpan = 10;
      var figures = p.kind === 'ENTRY'
        ? 'Confirm ' + (p.side === 'LONG' ? 'buys ' : 'sells ') + money(c.notional) + ' (' +
          num(c.equityPct, 2) + ' % of equity) at about ' + num(c.expectedFill, 4) + ', at worst ' + num(c.worstFill, 4) +
          ' (the live price may move ' + c.maxSlippagePct + ' % before it is refused) · stop ' + num(c.stopPrice, 4) +
          ' · target ' + num(c.targetPrice, 4) + ' · fees ' + money(c.fee) + ' now, ' + money(c.roundTripFees) + ' round trip'
        : 'Confirm closes the ' + p.side + ' position (' + num(p.size, 6) + ' ' + p.coin + ', ' + money(c.notional) +
          ') at the live price, about ' + num(c.expectedFill, 4) + ' · fee ' + money(c.fee);
      td.appendChild(el('div', figures));
      // two horizons, each named: the source's direction at the scoring horizon, the setup's net edge at the gate's
      if (c.confidence) { td.appendChild(el('div', c.confidence.meaning, 'muted')); }
      if (c.edge) { td.appendChild(el('div', c.edge.meaning, 'muted edge-meaning')); }
      td.appendChild(el('div', c.onExpiry || '', p.kind === 'EXIT' ? 'warn-text' : 'muted'));
      (c.warnings || []).forEach(function (w) { td.appendChild(el('div', '⚠ ' + w, 'warn-text')); });
      td.appendChild(el('div', [p.ruleReason, p.aiReason].filter(Boolean).join(' | '), 'why'));
      var cardRow = el('tr', null, 'card-row');
      cardRow.appendChild(td);
      rows.push(cardRow);
    });
    fill(document.getElementById('pending'), rows);
  }

  // what closing now would realise: the exit fill's price and fee are on hover
  function unrealisedCell(m) {
    var cell = signed(el('td', cents(m.unrealizedPnl)), m.unrealizedPnl);
    cell.title = m.marked ? 'closing at the mark ' + num(m.markPrice, 4) + ' would fill at ' + num(m.exitPrice, 4) +
      ' (slippage) and pay ' + cents(m.exitFee) + ' fee' : (m.note || '');
    return cell;
  }

  function renderPortfolio(pf, trades) {
    document.getElementById('equity').textContent = cents(pf.equity);
    signed(document.getElementById('pnl-realized'), pf.realizedPnl).textContent = cents(pf.realizedPnl);
    signed(document.getElementById('pnl-unrealized'), pf.unrealizedPnl).textContent = cents(pf.unrealizedPnl);
    fill(document.getElementById('positions'), pf.positions.map(function (m) {
      var p = m.position;
      // a position of another market (a replay, another venue) is kept apart: not marked, stopped or exited here
      var market = el('td', p.feedMarket || 'unrecorded');
      if (!m.marked && m.note && m.note.indexOf('not marked') === 0) {
        market.className = 'error';
        market.title = m.note;
        market.textContent = (p.feedMarket || 'unrecorded market') + ': not marked, no stop, no entry ';
        var off = el('button', 'Write off', 'reject');
        off.dataset.coin = p.coin;
        off.title = 'Close it at its entry price with no exit fee (it realises only its entry fee)';
        off.addEventListener('click', function () {
          if (window.confirm('Write off the ' + p.coin + ' position at its entry price? ' + m.note)) {
            act('POST', '/api/portfolio/positions/' + encodeURIComponent(p.coin) + '/write-off');
          }
        });
        market.appendChild(off);
      }
      return row([el('td', p.coin), p.side, num(p.qty, 6), num(p.entryPrice, 4), num(m.markPrice, 4),
        num(p.stopLoss, 4), num(p.takeProfit, 4), unrealisedCell(m), market]);
    }));
    fill(document.getElementById('trades'), trades.map(function (f) {
      return row([time(f.at), f.coin, f.kind, f.side, num(f.qty, 6), num(f.price, 4), cents(f.fee),
        signed(el('td', cents(f.realizedPnl)), f.realizedPnl)]);
    }));
    drawCurve(pf.equityCurve, pf.initialEquity);
  }

  // The equity curve on a scale a trader can read: a y axis in USDT (to the cent) and the start and end times, the
  // starting equity dashed; the axis spans at least 1 % of the equity, so a move of cents draws as the ripple it is.
  function drawCurve(points, initial) {
    var svg = document.getElementById('equity-curve');
    svg.replaceChildren();
    var ns = 'http://www.w3.org/2000/svg';
    function add(tag, attrs, text) {
      var e = document.createElementNS(ns, tag);
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (text !== undefined) { e.textContent = text; }
      svg.appendChild(e);
      return e;
    }
    var W = 600, H = 150, left = 78, right = 8, top = 8, bottom = 22;
    if (points.length < 2) {
      add('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', fill: '#7d8a98', 'font-size': 12 },
        'The equity curve starts with the first fill.');
      return;
    }
    var values = points.map(function (p) { return Number(p.equity); });
    var times = points.map(function (p) { return new Date(p.at).getTime(); });
    var base = Number(initial) || values[0];
    var lo = Math.min.apply(null, values.concat([base])), hi = Math.max.apply(null, values.concat([base]));
    var minSpan = Math.abs(base) * 0.01 || 1;
    if (hi - lo < minSpan) { var mid = (hi + lo) / 2; lo = mid - minSpan / 2; hi = mid + minSpan / 2; }
    var pad = (hi - lo) * 0.05; lo -= pad; hi += pad;
    var t0 = times[0], t1 = times[times.length - 1], tspan = t1 - t0 || 1;
    function x(t) { return left + (t - t0) * (W - left - right) / tspan; }
    function y(v) { return top + (hi - v) * (H - top - bottom) / (hi - lo); }
    var axis = { stroke: '#3b4a5c', 'stroke-width': 1 };
    add('line', Object.assign({ x1: left, y1: top, x2: left, y2: H - bottom }, axis));
    add('line', Object.assign({ x1: left, y1: H - bottom, x2: W - right, y2: H - bottom }, axis));
    for (var i = 0; i <= 4; i++) {
      var v = lo + (hi - lo) * i / 4;
      add('line', { x1: left, y1: y(v), x2: W - right, y2: y(v), stroke: '#1c2530', 'stroke-width': 1 });
      add('text', { x: left - 4, y: y(v) + 4, 'text-anchor': 'end', fill: '#8d9aa8', 'font-size': 11 }, cents(v));
    }
    add('text', { x: 4, y: H - 6, fill: '#8d9aa8', 'font-size': 11 }, 'USDT');
    add('line', { x1: left, y1: y(base), x2: W - right, y2: y(base), stroke: '#7d8a98', 'stroke-dasharray': '4 3', 'stroke-width': 1 });
    add('text', { x: left, y: H - 6, fill: '#8d9aa8', 'font-size': 11 }, time(points[0].at));
    add('text', { x: W - right, y: H - 6, 'text-anchor': 'end', fill: '#8d9aa8', 'font-size': 11 }, time(points[points.length - 1].at));
    var last = values[values.length - 1];
    add('polyline', { points: values.map(function (v, i) { return x(times[i]).toFixed(1) + ',' + y(v).toFixed(1); }).join(' '),
      fill: 'none', stroke: last >= base ? '#6fdc8c' : '#ff8b8b', 'stroke-width': 1.5 });
    add('text', { x: W - right, y: top + 10, 'text-anchor': 'end', fill: '#d8dee6', 'font-size': 11 },
      'last point ' + time(points[points.length - 1].at) + ': ' + cents(last) + ' (' + (last - base >= 0 ? '+' : '') +
        cents(last - base) + ' since the start)');
  }

  // a 0-1 share with its 95 % interval: "49.1 % [47.3, 50.9]"
  function share(d) {
    if (!d || d.rate === null || d.rate === undefined) return '–';
    return (d.rate * 100).toFixed(1) + ' % [' + (d.low * 100).toFixed(1) + ', ' + (d.high * 100).toFixed(1) + ']';
  }
  // the same with its count first: "12 of 15 = 80.0 % [54.8, 93.0]"
  function shareOf(d) {
    if (!d || d.rate === null || d.rate === undefined) return '0 of 0';
    // a direction's calls and hits, or a share's count of its total (no p-value: see Proportion)
    return (d.count !== undefined ? d.count + ' of ' + d.total : d.hits + ' of ' + d.calls) + ' = ' + share(d);
  }

  function signedPct(v) {
    return v === null || v === undefined ? '–' : (v >= 0 ? '+' : '') + v.toFixed(3);
  }

  // a day's trades move together: the interval resamples whole UTC days, so under 5 days (Expectancy.MIN_DAYS) none yet
  function expectancy(x) {
    return !x || x.trades === 0 ? '–' : signedPct(x.meanPct) + ' % ' + (x.lowPct === null || x.lowPct === undefined
      ? (x.days <= 1 ? '(one UTC day: no interval yet)' : '(' + x.days + ' UTC days, 5 needed: no interval yet)')
      : '[' + signedPct(x.lowPct) + ', ' + signedPct(x.highPct) + ']');
  }

  function pValue(p) {
    return p === null || p === undefined ? '–' : p < 0.001 ? p.toExponential(1) : p.toPrecision(2);
  }

  function titled(tr, title) { tr.title = title; return tr; }


  // The newest backtest report of the data directory: its verdict and bottom line, and a link to its Markdown.
  function loadLatestBacktest() {
    fetch('/api/backtest/reports/latest').then(function (r) {
      if (r.status === 404) { return null; }
      return r.ok ? r.json() : Promise.reject(r.status);
    }).then(function (b) {
      var line = document.getElementById('bt-latest');
      if (!b) {
        line.textContent = 'Latest report: none in the data directory yet.';
        return;
      }
      line.replaceChildren();
      line.appendChild(document.createTextNode('Latest report (' + b.mode + ', ' + (b.from || '').substring(0, 10) + ' → ' +
        (b.to || '').substring(0, 10) + ', written ' + new Date(b.writtenAt).toISOString().replace('T', ' ').substring(0, 16) +
        ' UTC): ' + b.verdict + (b.sample ? ' (' + b.sample + ')' : '') + ' · ' + (b.trades === null ? '–' : b.trades + ' trades, ' + b.wins + ' won') + ' · return ' +
        (b.returnPct === null ? '–' : Number(b.returnPct).toFixed(2) + ' %') + (b.buyAndHoldReturnPct === null ? ''
          : ' (buy-and-hold ' + Number(b.buyAndHoldReturnPct).toFixed(2) + ' %, always-WAIT 0.00 %)') + ' · '));
      var link = el('a', 'open the report');
      link.href = b.report;
      link.target = '_blank';
      link.id = 'bt-latest-link';
      line.appendChild(link);
    }).catch(function () { /* the line keeps what it said */ });
  }
  loadLatestBacktest();
  setInterval(loadLatestBacktest, 10000);

  function renderEvaluation(e, market) {
    var verdict = document.getElementById('verdict');
    if (!e) {
      verdict.textContent = '';
      return;
    }
    verdict.textContent = 'Verdict: ' + e.verdict;
    var o = e.overall;
    fill(document.getElementById('evaluation'), [
      titled(row(['this engine', String(o.expectancy.trades), expectancy(o.expectancy), shareOf(o.direction)]),
        'the paper account\'s closed trades and the engine\'s directional calls'),
      titled(row(['always WAIT', '0', '0 %', '–']), 'baseline: never trade; nothing earned, nothing paid'),
      titled(row(['always long', String(o.alwaysLong.trades), expectancy(o.alwaysLong), shareOf(o.alwaysLongDirection)]),
        'baseline: this engine\'s own entries and exits, always on the long side, at the same costs'),
      titled(row(['always short', String(o.alwaysShort.trades), expectancy(o.alwaysShort), shareOf(o.alwaysShortDirection)]),
        'baseline: this engine\'s own entries and exits, always on the short side, at the same costs')
    ]);
    document.getElementById('baselines-note').textContent = 'Baselines at the same costs (fee ' + e.fees.takerFeePct +
      ' % + slippage ' + e.fees.slippagePct + ' % a fill): always long / short take this engine\'s own entries and exits on one ' +
      'side, always WAIT never trades. Direction: LONG/SHORT calls whose move over ' + e.horizon +
      ' passed the flat band; trades: the paper account\'s closed round trips, interval by whole UTC days; calls and ' +
      'trades on ' + (market || 'the desk\'s market') + ' only (the market the desk trades now).';
  }

  function renderAccuracy(acc, decisions) {
    var rows = [];
    acc.byHorizon.forEach(function (h) {
      Object.keys(h.bySource).forEach(function (source) {
        var s = h.bySource[source];
        var d = s.direction || {calls: 0};
        rows.push(row([h.horizon, source, String(d.calls), shareOf(d), pValue(d.pValue), shareOf(s.alwaysLong),
          (s.hitShare ? shareOf(s.hitShare) : pct(s.hitRate) + ' of ' + s.scored) + ' · always-WAIT ' + pct(s.alwaysWaitHitRate)]));
      });
    });
    fill(document.getElementById('accuracy'), rows);
    document.getElementById('accuracy-note').textContent = rows.length ? 'direction only, before costs (the edge gate ' +
      'judges net of costs at its own horizon, in its panel) · ' + marketsOf({market: acc.market, markets: acc.markets}) +
      ' · flat band ±' + acc.flatBandPct + '% · ' +
      acc.pendingSignals + ' signals waiting for their horizon' : 'No signal scored yet (' + acc.pendingSignals +
      ' waiting for their horizon: ' + acc.horizons.join(', ') + ').';
    if (acc.unscorableSignals > 0) {
      document.getElementById('accuracy-note').textContent += ' · ' + acc.unscorableSignals +
        ' unscorable (horizon passed while the service was down)';
    }
    fill(document.getElementById('decisions'), decisions.map(function (d) {
      var said = el('td', d.said || (d.kind + ' ' + d.outcome), 'said ' + (d.proposalId ? 'acted' : 'stopped'));
      said.title = d.kind + ' ' + d.outcome + ' · decided by ' + decidedBy(d) + (d.mode ? ' · ' + d.mode + (d.policy ? ' ' + d.policy : '') : '');
      return row([decisionTime(d), d.coin, said, el('td', [d.ruleReason, d.aiReason].filter(Boolean).join(' | '), 'why')]);
    }));
  }

  // the gate judges a setup on the calls of the market the desk trades now only; other markets' are kept apart
  function marketsOf(edge) {
    var others = Object.keys(edge.markets || {}).filter(function (m) { return m !== edge.market; })
      .map(function (m) { return m + ' ' + edge.markets[m]; });
    return 'calls on ' + edge.market + ' only (the market the desk trades now)' +
      (others.length ? '; kept apart, not counted: ' + others.join(', ') + ' calls' : '');
  }

  // the edge gate: what each setup has measured after costs, and what a cold one still waits for
  function renderEdge(edge) {
    if (!edge) { return; }
    document.getElementById('edge-line').textContent = edge.line;
    var signed = function (v) { return v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + v + '%'; };
    // a gated model setup is probed on idle time: its scored probes count in its record (the same model, the same question)
    var probes = (edge.probes && edge.probes.bySetup) || {};
    fill(document.getElementById('edge-setups'), edge.setups.map(function (e) {
      var verdict = e.proven ? 'measured edge' : e.scored < e.minSample ? e.scored + ' of ' + e.minSample + ' scored calls' : 'no measured edge';
      var probe = probes[e.setup.coin + ' ' + e.setup.direction + ', ' + e.setup.source.toLowerCase() + ', confidence ' +
        e.setup.bucket + ', ' + e.setup.regime.toLowerCase() + ' market'];
      if (probe && probe.probed) { verdict += ' · probed every ' + edge.probes.every; }
      return row([e.setup.coin + ' ' + e.setup.direction + ', ' + e.setup.source.toLowerCase() + ', ' + e.setup.bucket + ', ' +
        e.setup.regime.toLowerCase(), String(e.scored) + (probe && probe.scored ? ' (' + probe.scored + ' probes)' : ''),
        signed(e.expectedMovePct), signed(e.expectancyPct), signed(e.lowerBoundPct), verdict]);
    }));
    var heads = document.querySelectorAll('#edge-setups thead th');
    heads[2].textContent = 'Expected move at ' + edge.horizon + ' (before costs)';
    heads[3].textContent = 'Expectancy at ' + edge.horizon + ' after the ' + edge.roundTripPct + '% round trip';
    heads[4].textContent = 'Lower bound (' + (edge.confidence * 100) + '% one-sided)';
    document.getElementById('edge-note').textContent = 'mode ' + edge.mode + ' · ' + marketsOf(edge) + ' · scored at ' + edge.horizon + ' · round trip ' +
      edge.roundTripPct + '% (fee + slippage, both fills) · lower bound at ' + (edge.confidence * 100) + '% · ' +
      edge.pendingCalls + ' calls waiting for their horizon' + (edge.probes && edge.probes.every ? ' · gated model setups probed on ' +
      'idle time every ' + edge.probes.every + ': ' + edge.probes.asked + ' asked, ' + edge.probes.answered + ' answered, ' +
      edge.probes.scored + ' scored' : '');
  }

  function render(s) {
    state = s;
    renderStatus(s);
    renderMarket(s.market);
    renderPending(s.pending);
    renderPortfolio(s.portfolio, s.trades);
    renderEvaluation(s.evaluation, s.accuracy && s.accuracy.market);
    renderAccuracy(s.accuracy, s.decisions);
    renderEdge(s.edge);
    if (window.signalDeskRisk) { window.signalDeskRisk(s); }
  }

  function act(method, url, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (keyInput.value) { headers['X-Api-Key'] = keyInput.value; }
    var err = document.getElementById('action-error');
    err.textContent = '';
    return fetch(url, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (json) {
          if (!r.ok) { err.textContent = r.status + ': ' + (json.error || 'failed'); }
          if (socket && socket.readyState === 1) { socket.send('refresh'); }
        });
      })
      .catch(function (e) { err.textContent = 'request failed: ' + e; });
  }

  document.querySelectorAll('.mode-btn').forEach(function (b) {
    b.addEventListener('click', function () {
      // the mode only: the policy is the list's own change, so a list not yet showing the desk's policy changes nothing
      act('PUT', '/api/decision/mode', { mode: b.dataset.mode });
    });
  });
  document.getElementById('analyzer-undo').addEventListener('click', function () {
    act('DELETE', '/api/analyzer/override');
  });
  document.getElementById('policy').addEventListener('change', function (e) {
    act('PUT', '/api/decision/mode', { mode: state ? state.mode.mode : 'HYBRID', policy: e.target.value });
  });

  // The analyzer's decision the moment it is known, then its reason as the model writes it.
  var liveAnalysis = null;
  function renderAnalysis(frame) {
    var box = document.getElementById('ai-reasoning');
    if (frame.kind === 'signal' && frame.signal) {
      var s = frame.signal;
      var d = s.decision || {};
      var verdict = d.signal ? (d.coin + ' ' + d.sentiment + ' → ' + d.signal)
        : d.enter !== undefined ? ('enter ' + (d.enter ? 'YES' : 'NO'))
        : d.action ? d.action : d.positionSizePct !== undefined ? ('size ' + d.positionSizePct + ' %, stop ' + d.stopLossPct + ' %') : '';
      liveAnalysis = { type: frame.type, head: frame.type + ': ' + verdict + ' (confidence ' + (d.confidence || '?') + '/10, ' +
        s.source + (s.fallbackReason ? ' ' + s.fallbackReason : '') + ', decided in ' + seconds(s.signalMs) + '): ', reason: '' };
      box.textContent = liveAnalysis.head + '…';
    } else if (frame.kind === 'reason' && liveAnalysis && frame.type === liveAnalysis.type) {
      liveAnalysis.reason += frame.text || '';
      box.textContent = liveAnalysis.head + liveAnalysis.reason;
    }
  }

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/dashboard';
    socket = new WebSocket(url);
    socket.onopen = function () { setBadge('conn-state', 'live', true); };
    socket.onmessage = function (m) {
      try {
        var msg = JSON.parse(m.data);
        if (msg.type === 'state') { render(msg); }
        if (msg.type === 'analysis') { renderAnalysis(msg.frame); }
      } catch (e) { console.warn('bad dashboard frame', e); }
    };
    socket.onclose = function () {
      setBadge('conn-state', 'DISCONNECTED – retrying', false);
      setTimeout(connect, 2000);
    };
  }
  connect();
}());
