import { fileURLToPath } from 'node:url';

/** Original illustrations the demo articles use as images, served under /media/demo/. */
export const demoImagesDir = fileURLToPath(new URL('./images/', import.meta.url));
