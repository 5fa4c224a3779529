import type { Guidelines } from './model.ts';

/** The default guidelines, written for Dateline; a brand replaces them through the admin API. */
export function defaultGuidelines(brandName: string): Guidelines {
  return {
    title: 'Community Guidelines',
    sections: [
      {
        heading: 'Why we have comments',
        paragraphs: [
          `Comments on ${brandName} are a place to add what you know, ask what you want to know and disagree without contempt. Our moderators read them, and reporters often do too.`,
        ],
      },
      {
        heading: 'What we ask of you',
        paragraphs: [
          'Stay on the topic of the article. Argue with ideas, not with people: no insults, slurs, threats or harassment of anyone, including the people in the story.',
          'Do not post anything you would not want read aloud with your name attached. No spam, advertising, or links to sites that spread malware or hate.',
          'Respect privacy: do not publish anyone’s personal information, and do not impersonate others.',
        ],
      },
      {
        heading: 'How moderation works',
        paragraphs: [
          'Some comments are held for review before they appear. Moderators may remove comments that break these guidelines and may suspend or ban accounts that break them repeatedly.',
          'If you see a comment that breaks these guidelines, use the Report link beside it. Reports are anonymous.',
        ],
      },
    ],
  };
}
