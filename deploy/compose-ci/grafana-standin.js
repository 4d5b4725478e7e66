#!/usr/bin/env node
// CI's stand-in for grafana/grafana, which cannot be pulled there (deploy/compose-test.sh). It is NOT Grafana: it
// renders nothing. It reads what the compose file mounts, as Grafana's provisioning would, and answers on :3000:
//   GET /api/health                          200 once every dashboard in /etc/grafana/dashboards parses (else 503)
//   GET /api/search                          [{uid,title}] of those dashboards
//   GET /api/dashboards/uid/UID              {dashboard}
//   GET /api/datasources/proxy/uid/UID/...   forwarded to the provisioned datasource's url (Grafana's proxy route),
//                                            so a check can run the dashboards' queries the way Grafana would reach
//                                            Prometheus: from this container, by the compose service name.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const DASHBOARDS = '/etc/grafana/dashboards';
const DATASOURCES = '/etc/grafana/provisioning/datasources';

function dashboards() {
  return fs.readdirSync(DASHBOARDS).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(DASHBOARDS, f), 'utf8')));
}

function datasources() {
  const found = {};
  for (const f of fs.readdirSync(DATASOURCES).filter((n) => /\.ya?ml$/.test(n))) {
    let uid = null;
    for (const line of fs.readFileSync(path.join(DATASOURCES, f), 'utf8').split('\n')) {
      const u = line.match(/^\s*(?:-\s*)?uid:\s*"?([\w-]+)"?/);
      if (u) uid = u[1];
      const url = line.match(/^\s*url:\s*"?(\S+?)"?\s*$/);
      if (url && uid) found[uid] = url[1];
    }
  }
  return found;
}

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  try {
    if (url.pathname === '/api/health') {
      const n = dashboards().length;
      return send(res, n > 0 ? 200 : 503, { database: 'ok', version: 'ci-stand-in', dashboards: n });
    }
    if (url.pathname === '/api/search') return send(res, 200, dashboards().map((d) => ({ uid: d.uid, title: d.title })));
    const byUid = url.pathname.match(/^\/api\/dashboards\/uid\/([\w-]+)$/);
    if (byUid) {
      const d = dashboards().find((x) => x.uid === byUid[1]);
      return d ? send(res, 200, { dashboard: d }) : send(res, 404, { message: 'Dashboard not found' });
    }
    const proxy = url.pathname.match(/^\/api\/datasources\/proxy\/uid\/([\w-]+)(\/.*)$/);
    if (proxy && req.method === 'GET') {
      const base = datasources()[proxy[1]];
      if (!base) return send(res, 404, { message: 'Data source not found' });
      const target = new URL(base.replace(/\/+$/, '') + proxy[2] + url.search);
      return http.get(target, (up) => { res.writeHead(up.statusCode, up.headers); up.pipe(res); })
        .on('error', (e) => send(res, 502, { message: `datasource ${target.host}: ${e.message}` }));
    }
    send(res, 404, { message: 'Not found' });
  } catch (e) {
    send(res, 503, { message: e.message });
  }
}).listen(3000, '0.0.0.0', () => console.log('grafana stand-in on 0.0.0.0:3000'));
