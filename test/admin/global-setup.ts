import { execFileSync } from 'node:child_process';

/** The browser tests drive the built console: build admin/dist first when it is stale. */
export default function setup() {
  execFileSync(process.execPath, ['admin/scripts/build-if-stale.mjs'], { stdio: 'inherit' });
}
