/** "Find a claim": matches label, text and quote as the reader types; a result selects the claim. */
import { el, type MapNode } from '../map-data.ts';

export function wireSearch(root: HTMLElement, nodes: MapNode[], textOf: (n: MapNode) => string, onPick: (id: string) => void, beforeOpen: () => void) {
  const input = root.querySelector<HTMLInputElement>('[data-search]')!;
  const list = root.querySelector<HTMLElement>('[data-search-results]')!;
  const count = root.querySelector<HTMLElement>('[data-search-count]')!;
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    const hits = q.length < 2 ? [] : nodes.filter((n) => `${textOf(n)} ${n.quote ?? ''} ${n.lines.join(' ')}`.toLowerCase().includes(q)).slice(0, 8);
    list.hidden = hits.length === 0;
    count.textContent = q.length < 2 ? '' : `${hits.length} claim${hits.length === 1 ? '' : 's'} found`;
    list.replaceChildren(
      ...hits.map((n) => {
        const button = el('button', { type: 'button' }, n.lines.join(' '));
        button.addEventListener('click', () => {
          list.hidden = true;
          onPick(n.id);
        });
        return el('li', {}, button);
      }),
    );
    if (hits.length) beforeOpen();
  });
  // The results float over the map: Escape or a click elsewhere puts them away.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !list.hidden) {
      list.hidden = true;
      event.stopPropagation();
    }
  });
  document.addEventListener('click', (event) => {
    if (!list.hidden && !(event.target as Element).closest?.('.map-search')) list.hidden = true;
  });
  return { hide: () => (list.hidden = true) };
}
