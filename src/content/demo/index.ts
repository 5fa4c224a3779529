/** The demo publisher shown by `npm start` and used by tests and benchmarks. */
export { demoImagesDir } from './images.ts';
export { type SeedOptions, type SeedResult, seedDemo } from './seed.ts';
