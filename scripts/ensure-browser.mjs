// Makes sure a Chromium for the browser tests exists before Playwright starts.
// Debian's /usr/bin/chromium is used when present (Playwright cannot download browsers on
// machines without internet access); otherwise, as root on Debian, it is installed with
// apt-get; elsewhere Playwright's own Chromium is installed the usual way.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function run(command) {
  console.log(`$ ${command}`);
  execSync(command, { stdio: 'inherit' });
}

if (existsSync(DEBIAN_CHROMIUM)) process.exit(0);
if (existsSync(chromium.executablePath())) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  run('apt-get update -qq');
  run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
} else {
  run('npx playwright install chromium');
}
