#!/usr/bin/env node
// Stand-in for the `ollama` program of the ollama/ollama image, for CI where that image cannot be pulled
// (deploy/compose-test.sh). `ollama serve` runs ../shared/ollama-emulator (which binds 127.0.0.1 only) behind a
// TCP relay on OLLAMA_HOST (the compose file's 0.0.0.0:11434); `ollama list` and `ollama pull MODEL` are the
// client commands the compose file's healthcheck and its ollama-pull job run, against OLLAMA_HOST.
'use strict';
const http = require('http');
const net = require('net');
const { spawn } = require('child_process');

function hostPort(value, defaultHost) {
  const v = (value || '').replace(/^https?:\/\//, '').replace(/\/+$/, '');
  const [host, port] = v.includes(':') ? v.split(':') : [v || defaultHost, '11434'];
  return { host: host || defaultHost, port: Number(port) };
}

function request(method, path, body, onChunk) {
  const { host, port } = hostPort(process.env.OLLAMA_HOST, '127.0.0.1');
  return new Promise((resolve, reject) => {
    const req = http.request({ host: host === '0.0.0.0' ? '127.0.0.1' : host, port, method, path,
      headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; if (onChunk) onChunk(c.toString()); });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.setTimeout(600000, () => req.destroy(new Error('timed out')));
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

async function list() {
  const res = await request('GET', '/api/tags');
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text}`);
  console.log('NAME\tSIZE');
  for (const m of JSON.parse(res.text).models) console.log(`${m.name}\t${(m.size / 1e9).toFixed(1)} GB`);
}

async function pull(model) {
  if (!model) throw new Error('usage: ollama pull MODEL');
  let last = '';
  const res = await request('POST', '/api/pull', { model }, (chunk) => process.stdout.write(chunk));
  for (const line of res.text.split('\n')) if (line.trim()) last = JSON.parse(line);
  if (res.status !== 200 || last.status !== 'success') throw new Error(`pull ${model} failed: HTTP ${res.status} ${res.text.slice(-200)}`);
}

function serve() {
  const listen = hostPort(process.env.OLLAMA_HOST, '127.0.0.1');
  const inner = Number(process.env.EMULATOR_PORT || 11435);
  const emulator = spawn(process.execPath, ['/opt/ollama-emulator/emulator.js', '--port', String(inner)], { stdio: 'inherit' });
  emulator.on('exit', (code) => { console.error(`emulator exited (${code})`); process.exit(code || 1); });
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => { emulator.kill(signal); process.exit(0); });
  net.createServer((client) => {
    const upstream = net.connect(inner, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  }).listen(listen.port, listen.host, () => console.log(`relay ${listen.host}:${listen.port} -> emulator 127.0.0.1:${inner}`));
}

const [command, arg] = process.argv.slice(2);
const commands = { serve, list, pull: () => pull(arg) };
if (!commands[command]) { console.error('usage: ollama serve | list | pull MODEL'); process.exit(2); }
Promise.resolve().then(commands[command]).catch((e) => { console.error(`Error: ${e.message}`); process.exit(1); });
