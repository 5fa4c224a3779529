/** Checks what the newsroom enters for a channel or a programme, before anything is stored. */
import type { FieldProblem } from './errors.ts';
import type { ChannelInput, ProgrammeInput } from './model.ts';

export const limits = {
  name: 120,
  title: 200,
  description: 2000,
  host: 120,
  url: 2000,
  /** A programme longer than a day is a mistake in its times. */
  programmeMs: 24 * 3_600_000,
};

/**
 * A stream, backup or poster URL: absolute http(s), or a path on the site itself ("/live/…").
 * Anything else (javascript:, data:, //other-host, spaces, backslashes) would either not play or
 * could run as script, so it is refused.
 */
export function urlProblem(value: string): string | null {
  if (value.length > limits.url) return `must be at most ${limits.url} characters`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\s\u0000-\u001f\u007f\\]/.test(value))
    return 'must not contain spaces, control characters or backslashes';
  if (value.startsWith('/')) {
    return value.startsWith('//') ? 'must be an http(s) URL or a path starting with a single /' : null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an http:// or https:// URL, or a path on this site starting with /';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `must be an http:// or https:// URL (not ${url.protocol}), or a path on this site starting with /`;
  }
  if (!url.hostname) return 'must name a host';
  return null;
}

function text(problems: FieldProblem[], field: string, value: string, max: number, required: boolean) {
  if (required && value.trim() === '') problems.push({ field, message: 'must not be empty' });
  else if (value.length > max) problems.push({ field, message: `must be at most ${max} characters` });
}

export function channelProblems(input: ChannelInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  text(problems, 'name', input.name, limits.name, true);
  const stream = input.streamUrl.trim() === '' ? 'must not be empty' : urlProblem(input.streamUrl);
  if (stream) problems.push({ field: 'streamUrl', message: stream });
  for (const field of ['backupUrl', 'posterUrl'] as const) {
    const value = input[field];
    const problem = value === null ? null : urlProblem(value);
    if (problem) problems.push({ field, message: problem });
  }
  return problems;
}

export function programmeProblems(input: ProgrammeInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  text(problems, 'title', input.title, limits.title, true);
  text(problems, 'description', input.description, limits.description, false);
  if (input.host !== null) text(problems, 'host', input.host, limits.host, true);
  const image = input.imageUrl === null ? null : urlProblem(input.imageUrl);
  if (image) problems.push({ field: 'imageUrl', message: image });
  const start = input.startsAt.getTime();
  const end = input.endsAt.getTime();
  if (Number.isNaN(start)) problems.push({ field: 'startsAt', message: 'must be a date and time' });
  if (Number.isNaN(end)) problems.push({ field: 'endsAt', message: 'must be a date and time' });
  if (!Number.isNaN(start) && !Number.isNaN(end)) {
    if (end <= start) {
      problems.push({
        field: 'endsAt',
        message: 'must be after startsAt: the programme would end before it starts',
      });
    } else if (end - start > limits.programmeMs) {
      problems.push({ field: 'endsAt', message: 'must be at most 24 hours after startsAt' });
    }
  }
  return problems;
}

/** Trims what people type; empty optional fields become null. */
export function tidyChannel(input: ChannelInput): ChannelInput {
  return {
    name: input.name.trim(),
    streamUrl: input.streamUrl.trim(),
    backupUrl: blankToNull(input.backupUrl),
    posterUrl: blankToNull(input.posterUrl),
    onAir: input.onAir,
  };
}

export function tidyProgramme(input: ProgrammeInput): ProgrammeInput {
  return {
    ...input,
    title: input.title.trim(),
    description: input.description.trim(),
    host: blankToNull(input.host),
    imageUrl: blankToNull(input.imageUrl),
  };
}

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
