#!/usr/bin/env node
// OpenAI-compatible mock upstream for load work. It answers after a fixed delay, so the gateway's added
// latency can be measured against a known baseline. Node's built-in http only: nothing to install.
//
//   node bench/mock-upstream/server.mjs [--port 9090] [--host 127.0.0.1] [--latency-ms 20]
//                                       [--chunks 10] [--chunk-interval-ms 20]
//
// Each flag can also come from the environment: MOCK_PORT, MOCK_HOST, MOCK_LATENCY_MS, MOCK_CHUNKS,
// MOCK_CHUNK_INTERVAL_MS. A flag wins over the environment. GET /mock/stats counts the requests served.

import http from 'node:http';

const DEFAULTS = { port: 9090, host: '127.0.0.1', latencyMs: 20, chunks: 10, chunkIntervalMs: 20 };
const FLAGS = {
  '--port': 'port',
  '--host': 'host',
  '--latency-ms': 'latencyMs',
  '--chunks': 'chunks',
  '--chunk-interval-ms': 'chunkIntervalMs',
};
const ENV = {
  port: 'MOCK_PORT',
  host: 'MOCK_HOST',
  latencyMs: 'MOCK_LATENCY_MS',
  chunks: 'MOCK_CHUNKS',
  chunkIntervalMs: 'MOCK_CHUNK_INTERVAL_MS',
};
const WORDS = ['The', ' quick', ' brown', ' fox', ' jumps', ' over', ' the', ' lazy', ' dog', '.'];
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small'];
const EMBEDDING = [0.0123, -0.0456, 0.0789, -0.0101, 0.0202, -0.0303, 0.0404, -0.0505];

function parseConfig(argv, env) {
  const config = { ...DEFAULTS };
  for (const [key, name] of Object.entries(ENV)) {
    if (env[name] !== undefined && env[name] !== '') config[key] = env[name];
  }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--help' || flag === '-h') usage(0);
    const key = FLAGS[flag];
    if (!key) usage(2, `unknown argument: ${argv[i]}`);
    config[key] = inline ?? argv[++i];
    if (config[key] === undefined) usage(2, `${flag} needs a value`);
  }
  for (const key of ['port', 'latencyMs', 'chunks', 'chunkIntervalMs']) {
    const value = Number(config[key]);
    if (!Number.isInteger(value) || value < 0) usage(2, `${key} must be a non-negative integer`);
    config[key] = value;
  }
  if (config.chunks < 1) usage(2, 'chunks must be at least 1');
  return config;
}

function usage(code, message) {
  if (message) console.error(`server.mjs: ${message}`);
  console.error(
    'usage: server.mjs [--port 9090] [--host 127.0.0.1] [--latency-ms 20] [--chunks 10] [--chunk-interval-ms 20]',
  );
  process.exit(code);
}

const config = parseConfig(process.argv.slice(2), process.env);
const content = Array.from({ length: config.chunks }, (_, i) => WORDS[i % WORDS.length]);
const stats = { chat_completions: 0, chat_completion_streams: 0, embeddings: 0, models: 0 };
let sequence = 0;

function nextId(prefix) {
  sequence = (sequence + 1) % Number.MAX_SAFE_INTEGER;
  return `${prefix}-mock-${process.pid}-${sequence}`;
}

function now() {
  return Math.floor(Date.now() / 1000);
}

function sendJson(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

function sendError(res, status, message, type = 'invalid_request_error', code = null) {
  sendJson(res, status, { error: { message, type, param: null, code } });
}

// Rough token count, good enough for plausible usage numbers: about four characters a token.
function estimateTokens(value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  return Math.max(1, Math.ceil(text.length / 4));
}

function usageFor(request) {
  const prompt = estimateTokens(request.messages);
  return { prompt_tokens: prompt, completion_tokens: config.chunks, total_tokens: prompt + config.chunks };
}

function completion(request) {
  return {
    id: nextId('chatcmpl'),
    object: 'chat.completion',
    created: now(),
    model: request.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: content.join(''), refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: usageFor(request),
    system_fingerprint: 'fp_tollgate_mock',
  };
}

function chatCompletions(req, res, request) {
  if (typeof request.model !== 'string' || !Array.isArray(request.messages)) {
    return sendError(res, 400, 'model (string) and messages (array) are required');
  }
  if (request.stream === true) return stream(req, res, request);
  stats.chat_completions++;
  setTimeout(() => sendJson(res, 200, completion(request)), config.latencyMs);
}

function stream(req, res, request) {
  stats.chat_completion_streams++;
  const includeUsage = request.stream_options?.include_usage === true;
  const id = nextId('chatcmpl');
  const created = now();
  const chunk = (delta, finishReason) => {
    const event = {
      id,
      object: 'chat.completion.chunk',
      created,
      model: request.model,
      system_fingerprint: 'fp_tollgate_mock',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    };
    if (includeUsage) event.usage = null; // OpenAI sends usage: null on every chunk but the last.
    return `data: ${JSON.stringify(event)}\n\n`;
  };
  let sent = 0;
  let timer;
  const tick = () => {
    // Headers go out with the first chunk, so the first byte a client sees is the first token.
    if (sent === 0) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    }
    const delta = sent === 0 ? { role: 'assistant', content: content[0] } : { content: content[sent] };
    let out = chunk(delta, null);
    sent++;
    if (sent < config.chunks) {
      res.write(out);
      timer = setTimeout(tick, config.chunkIntervalMs);
      return;
    }
    out += chunk({}, 'stop');
    if (includeUsage) {
      const usage = { id, object: 'chat.completion.chunk', created, model: request.model, choices: [] };
      usage.usage = usageFor(request);
      out += `data: ${JSON.stringify(usage)}\n\n`;
    }
    res.end(`${out}data: [DONE]\n\n`);
  };
  res.on('close', () => clearTimeout(timer)); // the client went away: stop the stream's timer
  timer = setTimeout(tick, config.latencyMs);
}

function embeddings(req, res, request) {
  if (typeof request.model !== 'string' || request.input === undefined) {
    return sendError(res, 400, 'model (string) and input are required');
  }
  const inputs = Array.isArray(request.input) && typeof request.input[0] !== 'number' ? request.input : [request.input];
  stats.embeddings++;
  const tokens = inputs.reduce((sum, input) => sum + estimateTokens(input), 0);
  const body = {
    object: 'list',
    data: inputs.map((_, index) => ({ object: 'embedding', index, embedding: EMBEDDING })),
    model: request.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
  setTimeout(() => sendJson(res, 200, body), config.latencyMs);
}

function models(res) {
  stats.models++;
  const created = 1700000000;
  sendJson(res, 200, {
    object: 'list',
    data: MODELS.map((id) => ({ id, object: 'model', created, owned_by: 'tollgate-bench' })),
  });
}

function withJsonBody(req, res, handler) {
  const parts = [];
  req.on('data', (part) => parts.push(part));
  req.on('end', () => {
    let request;
    try {
      request = JSON.parse(Buffer.concat(parts).toString('utf8'));
    } catch {
      return sendError(res, 400, 'request body is not valid JSON');
    }
    if (request === null || typeof request !== 'object') return sendError(res, 400, 'request body must be an object');
    handler(req, res, request);
  });
}

const routes = {
  'POST /v1/chat/completions': (req, res) => withJsonBody(req, res, chatCompletions),
  'POST /v1/embeddings': (req, res) => withJsonBody(req, res, embeddings),
  'GET /v1/models': (req, res) => models(res),
  // Not OpenAI: lets the benchmark check that every request it sent through the gateway reached this mock.
  'GET /mock/stats': (req, res) => sendJson(res, 200, stats),
};

const server = http.createServer({ keepAlive: true, noDelay: true }, (req, res) => {
  const path = req.url.split('?', 1)[0];
  const route = routes[`${req.method} ${path}`];
  if (route) return route(req, res);
  req.resume();
  const known = Object.keys(routes).some((key) => key.endsWith(` ${path}`));
  if (known) return sendError(res, 405, `method ${req.method} not allowed on ${path}`);
  sendError(res, 404, `unknown path ${path}`, 'invalid_request_error', 'not_found');
});
// Longer than any client pool's idle time, so a pooled connection is never closed under a request in flight.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 125_000;
server.requestTimeout = 0;

server.listen(config.port, config.host, () => {
  const { latencyMs, chunks, chunkIntervalMs } = config;
  console.log(
    `mock upstream on http://${config.host}:${server.address().port}/v1 ` +
      `(latency ${latencyMs} ms, ${chunks} chunks ${chunkIntervalMs} ms apart, pid ${process.pid})`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
