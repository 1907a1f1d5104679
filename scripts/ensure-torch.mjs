// Makes sure PyTorch is importable by /usr/bin/python3 before the tests that run exported
// files (src/state/pytorchExport.test.ts, e2e/export.spec.ts). As root on Debian it installs
// python3-torch with apt-get (PyTorch 1.13, for /usr/bin/python3 only: a python3 earlier on
// PATH, such as pyenv's, will not see it); elsewhere it says how to install it and fails.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PYTHON = '/usr/bin/python3';

function hasTorch() {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function run(command) {
  console.log(`$ ${command}`);
  execSync(command, { stdio: 'inherit' });
}

if (hasTorch()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  run('apt-get update -qq');
  run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch');
  if (hasTorch()) process.exit(0);
}
console.error(
  [
    'The PyTorch export tests need PyTorch for /usr/bin/python3, and it is not installed.',
    'On Debian or Ubuntu, as root: apt-get install -y python3-torch',
    'Elsewhere: /usr/bin/python3 -m pip install torch (see https://pytorch.org/get-started/).',
  ].join('\n'),
);
process.exit(1);
