// Type-checks every project: `tsc --noEmit -p <tsconfig>` for each tsconfig.app.json,
// tsconfig.lib.json and tsconfig.spec.json under apps/ and libs/, two at a time.
//
//   npm run typecheck                      every project
//   npm run typecheck -- libs/server apps/api   only tsconfigs under these folders
//   TYPECHECK_CONCURRENCY=1 npm run typecheck
//
// Prints one line per tsconfig with its duration, then tsc's output for the failing ones;
// exits 1 if any failed. Angular templates are not checked here (the web build does that).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const TSCONFIG_NAMES = new Set(['tsconfig.app.json', 'tsconfig.lib.json', 'tsconfig.spec.json']);
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', 'out-tsc', 'tmp']);
const concurrency = Math.max(1, Number(process.env.TYPECHECK_CONCURRENCY) || 2);
const pretty = Boolean(process.stdout.isTTY); // colours only on a terminal, plain text in CI logs

/** Every project tsconfig under `dir`, without descending into dependencies, outputs or dot-folders. */
function findTsconfigs(dir) {
  const found = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') return found;
    throw error;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) {
        found.push(...findTsconfigs(join(dir, entry.name)));
      }
    } else if (entry.isFile() && TSCONFIG_NAMES.has(entry.name)) {
      found.push(join(dir, entry.name));
    }
  }
  return found;
}

/** Runs tsc on one tsconfig; resolves with its exit code, duration and combined output. */
function typecheck(tsconfig) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [tsc, '--noEmit', '--pretty', String(pretty), '-p', tsconfig], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const finish = (code) => done({ tsconfig, code, output, seconds: (performance.now() - started) / 1000 });
    child.on('error', (error) => {
      output += String(error);
      finish(1);
    });
    child.on('close', (code, signal) => {
      if (signal) output += `tsc was stopped by ${signal}\n`;
      finish(code ?? 1);
    });
  });
}

/** Runs `task` on every item, at most `limit` at a time; `onDone` sees each result as it comes. */
async function runPool(items, limit, task, onDone) {
  const queue = [...items];
  const results = [];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      const result = await task(item);
      onDone(result);
      results.push(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const filters = process.argv.slice(2).map((arg) => relative(root, resolve(arg)));
const tsconfigs = ['apps', 'libs', 'tools']
  .flatMap((dir) => findTsconfigs(join(root, dir)))
  .map((file) => relative(root, file))
  .filter((file) => filters.length === 0 || filters.some((f) => file === f || file.startsWith(f + '/')))
  .sort();

if (tsconfigs.length === 0) {
  console.error(
    `typecheck: no tsconfig.{app,lib,spec}.json found${filters.length ? ` under ${filters.join(', ')}` : ''}`,
  );
  process.exit(1);
}

console.log(`typecheck: ${tsconfigs.length} tsconfigs, ${concurrency} at a time`);
const width = Math.max(...tsconfigs.map((file) => file.length));
const started = performance.now();
const results = await runPool(tsconfigs, concurrency, typecheck, ({ tsconfig, code, seconds }) => {
  console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${tsconfig.padEnd(width)} ${seconds.toFixed(1).padStart(5)}s`);
});

const failed = results
  .filter((result) => result.code !== 0)
  .sort((a, b) => a.tsconfig.localeCompare(b.tsconfig));
for (const { tsconfig, output } of failed) {
  console.log(`\n---- tsc -p ${tsconfig}\n${output.trimEnd()}`);
}
const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  failed.length === 0
    ? `\ntypecheck: all ${results.length} tsconfigs ok in ${total}s`
    : `\ntypecheck: ${failed.length} of ${results.length} tsconfigs with errors (${total}s): ${failed.map((r) => r.tsconfig).join(', ')}`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
