/** community: reader accounts, comments, moderation and the community guidelines. */
export { defaultGuidelines, type Guidelines } from './guidelines.ts';
