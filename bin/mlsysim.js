#!/usr/bin/env node
// The mlsysim command line: dist/bin/mlsysim.js, the compiled CLI bundled into one file per
// command (scripts/bundle-cli.ts). Built by `npm install` (the `prepare` script) or
// `npm run build:lib`.
import { main } from '../dist/bin/mlsysim.js';

process.exitCode = await main(process.argv.slice(2));
