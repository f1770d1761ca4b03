// `npm run demo`: a real VS Code in your browser with Activation Lens loaded as a development
// extension on examples/ (no tests). Prints the URL to open and runs until Ctrl-C.
// Env: PORT (default: a free one), ACTIVATION_LENS_SERVER_LOG=1 (print the server's output).
// The server listens on 127.0.0.1 only; from another machine use an SSH tunnel.
import { join } from 'node:path';
import process from 'node:process';
import { ensureServer, onInterrupt, repoRoot, startServer } from './vscodeServer.mjs';

await ensureServer();
const server = await startServer({ port: Number(process.env.PORT) || 0 });
onInterrupt(() => server.stop());
const url = server.payloadUrl({ folder: join(repoRoot, 'examples') });
console.log(`\nActivation Lens demo: open\n\n  ${url}\n\nin a browser (Ctrl-C to stop).`);
// The server keeps the event loop alive; onInterrupt stops it and exits.
