// Starts the fuzzer's worker thread from TypeScript sources (tsx's loader, registered in this thread).
import { register } from 'tsx/esm/api';

register();
await import('./fuzz-worker.ts');
