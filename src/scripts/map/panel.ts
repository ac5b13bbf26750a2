/**
 * The claim panel: what a selected claim says, who says it and in whose words, its source, and its relations,
 * each related claim a control that selects it. Built from text nodes only: content never goes through innerHTML.
 */
import { VOICE_WORDS } from '../../graph/model.ts';
import { KIND_STYLES } from '../../graph/encoding.ts';
import { quoteName, relationWords } from '../../graph/words.ts';
import { claimUrl, pageUrl } from '../../lib/urls.ts';
import { formatIsoDate } from '../../lib/dates.ts';
import { el, type MapData, type MapNode } from '../map-data.ts';

export interface PanelContext {
  data: MapData;
  /** A claim's full text (the page carries it in the outline). */
  textOf(node: MapNode): string;
  /** A claim's map label. */
  name(id: string): string;
  /** Extra content for "Test your view", when it is on. */
  verdict?: (node: MapNode) => Node | undefined;
}

/** The panel's body for one claim. Related claims are buttons carrying `data-select`. */
export function panelContent(node: MapNode, ctx: PanelContext): Node[] {
  const { view } = ctx.data;
  const kind = KIND_STYLES[node.kind].tag.toLowerCase();
  const parts: Node[] = [
    el('p', { className: 'panel-kind' }, el('span', { className: `outline-kind kind-${node.kind}` }, kind), node.by ? ` by ${view.actors[node.by] ?? node.by}` : ''),
    el('p', { className: 'panel-text' }, ctx.textOf(node)),
  ];
  // While the reader tests their view, their choice and what follows from it come first.
  const verdict = ctx.verdict?.(node);
  if (verdict) parts.push(verdict);
  if (node.voice) {
    const voice = VOICE_WORDS[node.voice];
    parts.push(el('p', { className: `panel-voice voice-${node.voice}` }, el('strong', {}, voice.name[0].toUpperCase() + voice.name.slice(1)), `: ${voice.explain}.`));
  }
  const source = node.source ? view.sources[node.source] : undefined;
  if (node.quote) parts.push(el('blockquote', { className: 'panel-quote' }, el('p', {}, node.quote)));
  if (source) {
    const title = source.url ? el('a', { href: source.url }, source.title) : el('span', {}, source.title);
    const when = source.date ? `, ${formatIsoDate(source.date)}` : source.accessed ? ` (read ${formatIsoDate(source.accessed)})` : '';
    parts.push(el('p', { className: 'panel-source' }, 'Source: ', title, `, ${source.publisher}${when}`));
  }
  if (node.note) parts.push(el('p', { className: 'panel-note' }, `Note: ${node.note}`));
  if (node.relations.length) {
    parts.push(el('h4', { className: 'panel-subhead' }, 'How it connects'));
    parts.push(
      el('ul', { className: 'panel-relations' }, ...node.relations.map((r) => {
        const words = relationWords(r);
        const pieces: (Node | string)[] = [`This ${kind} `];
        words.forEach((w, i) => {
          pieces.push(w);
          const other = r.others[i];
          if (other !== undefined) {
            const button = el('button', { type: 'button', className: 'link-button panel-related' }, quoteName(ctx.name(other)));
            button.dataset.select = other;
            pieces.push(button);
          }
        });
        const note = view.notes?.[r.edge];
        if (note) pieces.push(el('span', { className: 'panel-rel-note' }, ` (${note})`));
        return el('li', { className: `rel-${r.kind}` }, ...pieces);
      })),
    );
  }
  if (node.offMap) {
    const n = node.offMap;
    const text = node.relations.length ? `It has ${n} more ${n === 1 ? 'relation' : 'relations'} with claims not on this map: ` : `${n === 1 ? 'Its relation is' : `Its ${n} relations are`} with claims not on this map: `;
    parts.push(el('p', { className: 'panel-more' }, text, el('a', { href: claimUrl(node.id) }, n === 1 ? 'see it on its page' : 'see them on its page'), '.'));
  }
  const page = view.pages[node.page] ?? node.page;
  const chain = el('button', { type: 'button', className: 'link-button' }, 'Highlight its chain of reasons');
  chain.dataset.action = 'chain';
  chain.dataset.id = node.id;
  parts.push(el('p', { className: 'panel-links' }, el('a', { href: claimUrl(node.id) }, 'Open this claim’s page'), ' · discussed on ', el('a', { href: pageUrl(node.page) }, page), ' · ', chain));
  return parts;
}
