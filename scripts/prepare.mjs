// Builds dist/ wherever npm runs `prepare`: `npm ci` in a checkout, `npm pack`, and the clone npm makes to install from git.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function run(command, args, env = process.env) {
  const r = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const tsc = 'node_modules/typescript/bin/tsc';
if (!existsSync(tsc)) {
  // `npm install -g git+…` prepares its clone of this repository with the outer command's `global` setting still in
  // the environment, so it installs the clone globally instead of installing its devDependencies into it, and the
  // compiler is missing here. Install them into this folder, as npm meant to, then build.
  console.error('jixiao prepare: installing the build tools (devDependencies) into this clone to compile it');
  run('npm', ['install', '--global=false', `--prefix=${process.cwd()}`, '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund'],
    { ...process.env, npm_config_global: 'false' });
}
run(process.execPath, [tsc, '-p', 'tsconfig.json']);
