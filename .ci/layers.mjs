// The layer rules of ARCHITECTURE.md, checked on the packages' sources:
// every `@grove/*` import is declared in package.json, nothing imports
// upward, structure packages never import each other, and there is no cycle.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const layer = { merge: 0, store: 1, counter: 2, set: 2, map: 2, queue: 2, rope: 2, sync: 3, live: 3, cli: 4, demo: 5 };
const root = new URL('../packages/', import.meta.url).pathname;
const errors = [];

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const graph = new Map();
for (const name of readdirSync(root)) {
  const manifest = join(root, name, 'package.json');
  if (!existsSync(manifest)) continue;
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies }));
  if (!(name in layer)) errors.push(`packages/${name}: not in the layer table of .ci/layers.mjs`);
  const imports = new Set();
  for (const file of sources(join(root, name, 'src'))) {
    for (const [, dep] of readFileSync(file, 'utf8').matchAll(/from '@grove\/([a-z-]+)/g)) {
      if (dep === name) errors.push(`${file}: imports its own package by name`);
      else if (!declared.has(`@grove/${dep}`)) errors.push(`${file}: imports @grove/${dep}, not declared in package.json`);
      imports.add(dep);
    }
  }
  for (const dep of imports) {
    if (layer[dep] >= layer[name]) errors.push(`packages/${name} imports @grove/${dep}: same layer or upward`);
  }
  graph.set(name, imports);
}

if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exit(1);
}
console.log(`layers: ${graph.size} packages, no upward or sideways import`);
