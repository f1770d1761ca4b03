// `npm run demo`: a real VS Code in your browser with Activation Lens loaded as a development
// extension on examples/ (no tests). Prints the URL to open and runs until Ctrl-C.
//
//   npm run demo                                  127.0.0.1, a free port
//   npm run demo -- --host 0.0.0.0 --port 8080    reachable from other machines / a container's host
//   (npm's own form `npm run demo --host=0.0.0.0 --port=8080` works too)
//
// Env: PORT (when --port is not given), ACTIVATION_LENS_SERVER_LOG=1 (print the server's output).
// The server has no connection token: listen beyond 127.0.0.1 only on a network you trust.
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { ensureServer, onInterrupt, repoRoot, startServer } from './vscodeServer.mjs';

const { values } = parseArgs({
  options: { host: { type: 'string' }, port: { type: 'string' } },
  allowPositionals: false,
});
// `npm run demo --host=x` hands the flag to npm, which passes it on as npm_config_host.
const host = values.host ?? process.env.npm_config_host ?? '127.0.0.1';
const port = Number(values.port ?? process.env.npm_config_port ?? process.env.PORT) || 0;

/** The addresses a browser can use to reach a server listening on `host`. */
function reachableHosts(listenHost) {
  if (listenHost !== '0.0.0.0' && listenHost !== '::') {
    return [listenHost];
  }
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
  return ['127.0.0.1', ...external];
}

await ensureServer();
const server = await startServer({ host, port });
onInterrupt(() => server.stop());
// The workbench's remote authority is the address in the browser's URL bar, so each address gets
// its own URL (the payload names the extension by that authority).
const urls = reachableHosts(host).map((h) =>
  server.payloadUrl({ folder: join(repoRoot, 'examples'), host: h }),
);
const banner = [
  '',
  'Activation Lens demo: open',
  '',
  ...urls.map((u) => `  ${u}`),
  '',
  'in a browser (Ctrl-C to stop).',
].join('\n');
console.log(banner);
// The server keeps the event loop alive; onInterrupt stops it and exits.
