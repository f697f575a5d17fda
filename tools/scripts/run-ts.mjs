// Runs a TypeScript file of this repository with the workspace's path aliases (@convergence/…),
// through SWC: `node tools/scripts/run-ts.mjs tools/db/seed-demo.ts [args…]`.
import { spawnSync } from 'node:child_process';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tools/scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const { status } = spawnSync(process.execPath, ['-r', '@swc-node/register', file, ...args], {
  stdio: 'inherit',
  env: { SWC_NODE_PROJECT: 'tsconfig.base.json', ...process.env },
});
process.exit(status ?? 1);
