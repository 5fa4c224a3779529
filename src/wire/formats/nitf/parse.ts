/** NITF 3.x: the document is one story; namespaced (3.5+) and DTD-style documents alike. */
import { type Refusal, refusal } from '../../wire-item.ts';
import { child, type XmlElement } from '../xml.ts';

export function isNitf(root: XmlElement): boolean {
  return root.name === 'nitf';
}

/** The NITF root, or why it holds no story. */
export function parseNitf(root: XmlElement): XmlElement | Refusal {
  if (!child(root, 'body') && !child(root, 'head')) {
    return refusal('no_content', 'The NITF document has neither a head nor a body.');
  }
  return root;
}
