import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { createApp, PortInUseError, type App } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
// V8 lets the old generation grow to about four times what survived its last full collection
// before the next one: under a few large requests at once the heap swells far past what is in
// use (~270 MB for ~65 MB live on the scale set). A smaller growing factor collects sooner.
const growing = config.heapGrowingPercent ?? 0;
if (growing > 0) setFlagsFromString(`--heap-growing-percent=${growing}`);
let app: App;
try {
  app = await createApp(config);
} catch (error) {
  if (!(error instanceof PortInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const lines = [`Luoshi 落实 is serving ${app.url}/graphql (health: ${app.url}/healthz)`];
const { demoLogins, demoPassword } = app.initialData;
if (demoLogins.length) {
  lines.push(`Demo logins, password "${demoPassword}":`);
  for (let i = 0; i < demoLogins.length; i += 6) lines.push(`  ${demoLogins.slice(i, i + 6).join('  ')}`);
}
console.log(lines.join('\n'));

let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing`);
  await app.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
