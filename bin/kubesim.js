#!/usr/bin/env node
// Launcher: React must see NODE_ENV before it loads (a development React doubles commit cost),
// so set it here and only then import the compiled app (built by `npm ci` through `prepare`).
process.env.NODE_ENV ??= 'production';
const { main } = await import('../dist/cli.js');
await main(process.argv.slice(2));
