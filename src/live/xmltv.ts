/**
 * XMLTV, the common format for programme guides:
 * `<tv><programme start="20251021080000 -0400" stop="…" channel="herald.tv"><title>…</title>
 * <desc>…</desc><credits><presenter>…</presenter></credits><icon src="…"/></programme></tv>`.
 * Parsing is all or nothing: the first problem is reported with the programme it is in.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LiveError } from './errors.ts';
import type { ProgrammeInput } from './model.ts';

export interface XmltvProgramme extends ProgrammeInput {
  readonly channel: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  isArray: (name) => ['programme', 'title', 'desc', 'presenter', 'icon', 'channel'].includes(name),
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

/** "20251021080000 -0400" (seconds, and the offset, optional; no offset means UTC). */
export function parseXmltvTime(value: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?\s*(?:([+-])(\d{2})(\d{2}))?$/.exec(
    value.trim(),
  );
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '00', sign, oh = '00', om = '00'] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23)
    return null;
  const offset = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '-' ? -1 : 1);
  return new Date(wall - offset);
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node)
    return String((node as Record<string, unknown>)['#text']);
  return '';
}

/** The first of several language variants (XMLTV repeats <title lang="…">). */
function first(nodes: unknown): string {
  return Array.isArray(nodes) && nodes.length > 0 ? textOf(nodes[0]).trim() : '';
}

/**
 * @example
 * parseXmltv('<tv><programme start="20251021080000 -0400" stop="20251021090000 -0400" channel="c"><title>Morning</title></programme></tv>')
 * // [{ channel: 'c', title: 'Morning', startsAt: 2025-10-21T12:00:00.000Z, … }]
 */
export function parseXmltv(xml: string): XmltvProgramme[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new LiveError.XmltvMalformed(`not well-formed XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  const doc = parser.parse(xml) as Record<string, unknown>;
  const tv = doc.tv;
  if (tv === undefined)
    throw new LiveError.XmltvMalformed('not an XMLTV file: the root element must be <tv>');
  const programmes =
    (tv && typeof tv === 'object' ? (tv as Record<string, unknown>).programme : undefined) ?? [];
  return (programmes as Record<string, unknown>[]).map((node, i) => {
    const where = `programme ${i + 1}`;
    const start = String(node['@start'] ?? '');
    const stop = String(node['@stop'] ?? '');
    const startsAt = parseXmltvTime(start);
    if (!startsAt)
      throw new LiveError.XmltvMalformed(
        `${where}: start="${start}" is not an XMLTV time such as 20251021080000 -0400`,
      );
    if (!stop)
      throw new LiveError.XmltvMalformed(`${where}: has no stop time (Dateline needs both start and stop)`);
    const endsAt = parseXmltvTime(stop);
    if (!endsAt)
      throw new LiveError.XmltvMalformed(
        `${where}: stop="${stop}" is not an XMLTV time such as 20251021090000 -0400`,
      );
    const title = first(node.title);
    if (!title) throw new LiveError.XmltvMalformed(`${where}: has no <title>`);
    const credits = node.credits as Record<string, unknown> | undefined;
    const host = credits && typeof credits === 'object' ? first(credits.presenter) : '';
    const icon = Array.isArray(node.icon) ? (node.icon[0] as Record<string, unknown>)['@src'] : undefined;
    return {
      channel: String(node['@channel'] ?? ''),
      title,
      description: first(node.desc),
      startsAt,
      endsAt,
      host: host || null,
      imageUrl: typeof icon === 'string' && icon ? icon : null,
      recurrence: 'none',
    };
  });
}

/** The programmes of one channel: the one named, or the file's only one. */
export function programmesOfChannel(
  programmes: readonly XmltvProgramme[],
  channel?: string,
): XmltvProgramme[] {
  const channels = [...new Set(programmes.map((p) => p.channel))];
  if (channel !== undefined) {
    const picked = programmes.filter((p) => p.channel === channel);
    if (picked.length === 0) {
      throw new LiveError.XmltvMalformed(
        `the file has no programmes for channel "${channel}" (it has: ${channels.join(', ') || 'none'})`,
      );
    }
    return picked;
  }
  if (channels.length > 1) {
    throw new LiveError.XmltvMalformed(
      `the file has programmes for several channels (${channels.join(', ')}); choose one with --channel`,
    );
  }
  return [...programmes];
}
