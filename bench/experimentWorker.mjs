// Entry of the benchmark's worker threads. Why not `new Worker('x.ts', { execArgv: ['--import',
// 'tsx'] })`: on Node 20 the worker loads its entry before the --import hooks are in place
// and fails with "Unknown file extension .ts". Registering tsx here first works.
import { register } from 'tsx/esm/api';

register();
await import('./experimentWorker.ts');
