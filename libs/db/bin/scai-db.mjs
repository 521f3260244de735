#!/usr/bin/env node
// npm bin entry of @scai/db: runs the TypeScript CLI through tsx, so apps can write
// `"generate": "scai-db generate"` in their package.json without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
