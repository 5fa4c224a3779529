/** The demo publisher shown by `npm start` and used by tests and benchmarks. */
import { fileURLToPath } from 'node:url';

export { type SeedOptions, type SeedResult, seedDemo } from './seed.ts';

/** Original illustrations the demo articles use as images, served under /media/demo/. */
export const demoImagesDir = fileURLToPath(new URL('./images/', import.meta.url));
