#!/usr/bin/env node
'use strict';
// better-sqlite3 13 needs Node >= 22 (it crashes on 20). When started by an older system Node,
// re-run on the Node 24 that the project's `node` dev dependency installs, if it is there.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const { spawnSync } = require('node:child_process');
  const { join } = require('node:path');
  const candidates = [join(__dirname, '..', 'node_modules', 'node', 'bin', 'node')];
  const fs = require('node:fs');
  const node = candidates.find((c) => fs.existsSync(c));
  if (!node) {
    process.stderr.write(`nhi-audit needs Node.js 22 or later; this is ${process.version}.\n`);
    process.exit(1);
  }
  const r = spawnSync(node, [__filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { main } = require('../out/node/cli.js');
main(process.argv).then((code) => {
  process.exitCode = code;
});
