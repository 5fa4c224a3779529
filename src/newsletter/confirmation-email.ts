import type { Site } from '../content/index.ts';
import type { MailMessage } from '../platform/index.ts';
import { html } from '../site/index.ts';

/** The double opt-in email: one button, the same link in the text part, and why it came. */
export function confirmationEmail(options: {
  readonly to: string;
  readonly from: string;
  readonly site: Site;
  readonly lists: readonly Site[];
  readonly confirmUrl: string;
  readonly preferencesUrl: string | null;
}): MailMessage {
  const { site, lists, confirmUrl } = options;
  const names = lists.map((l) => `${l.name}'s Daily Newsletter`).join(' and ');
  const text = [
    `Please confirm your subscription to ${names}.`,
    '',
    `Confirm: ${confirmUrl}`,
    '',
    'The link works for 7 days. If you did not sign up, ignore this email: you will not be subscribed.',
    ...(options.preferencesUrl ? ['', `Manage your subscriptions: ${options.preferencesUrl}`] : []),
    '',
    `Privacy: ${site.name} never shares your email address.`,
  ].join('\n');
  const body = html`<!doctype html>
<html lang="${site.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Confirm your subscription</title></head>
<body style="margin:0;padding:0;background:#f4f4f4;font-family:Georgia,serif;color:#1a1a1a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f4"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:4px">
<tr><td style="padding:24px 24px 8px;font-size:22px;font-weight:bold">${site.name}</td></tr>
<tr><td style="padding:8px 24px;font-size:16px;line-height:1.5">Please confirm your subscription to ${names}.</td></tr>
<tr><td style="padding:16px 24px"><a href="${confirmUrl}" style="display:inline-block;background:#0b3d91;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:4px;font-family:Arial,sans-serif;font-size:16px">Confirm my subscription</a></td></tr>
<tr><td style="padding:8px 24px 24px;font-size:13px;line-height:1.5;color:#555555">The link works for 7 days. If you did not sign up, ignore this email: you will not be subscribed.<br>Privacy: ${site.name} never shares your email address.</td></tr>
</table></td></tr></table></body></html>`;
  return {
    to: options.to,
    from: options.from,
    subject: `Confirm your subscription to ${site.name}'s Daily Newsletter`,
    text,
    html: body.value,
  };
}
