#!/usr/bin/env -S node --max-semi-space-size=32
// A 32 MB young generation keeps scavenge pauses out of the p99 of page renders (see ARCHITECTURE.md).
// The CLI runs the TypeScript sources through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
