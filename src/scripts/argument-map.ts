/**
 * <argument-map>: ties the outline tree, the detail panel, the controls and (once loaded) the Cytoscape
 * canvas together. Cytoscape and the semantics are imported only when needed.
 */
import { relationSentence, viewEdges } from '../graph/view-shared.ts';
import type { ViewNode } from '../graph/view.ts';
import { RELATION_KINDS } from '../graph/model.ts';
import { el, LABEL_WORDS, type Choice, type Label, type MapData } from './map-data.ts';
import { OutlineTree } from './outline-tree.ts';
import { readState, writeState, type ViewState } from './state.ts';
import type { MapCanvas } from './map-canvas.ts';

/** Phones and narrow windows: the outline leads, the drawing opens on request, the panel is pinned below. */
// Must match the `@media (max-width: 50rem)` block in map.css that folds the drawing and pins the panel.
const NARROW = '(max-width: 50rem)';
const DRAWING_KEY = 'argument-map:drawing';

class ArgumentMap extends HTMLElement {
  private data!: MapData;
  private nodes = new Map<string, ViewNode>();
  private state: ViewState = { choices: {} };
  private labels: Record<string, Label> = {};
  private explanations: Record<string, string> = {};
  private evaluating = false;
  private canvas?: MapCanvas;
  private canvasLoading?: Promise<MapCanvas | undefined>;
  private tree?: OutlineTree;
  private live!: HTMLElement;

  connectedCallback() {
    const json = this.querySelector<HTMLScriptElement>('[data-map-json]');
    if (!json) return;
    this.data = JSON.parse(json.textContent ?? '{}');
    for (const n of this.data.view.nodes) this.nodes.set(n.id, n);
    this.labels = { ...this.data.labels };
    this.explanations = { ...this.data.explanations };
    this.live = this.querySelector('[data-live]')!;
    this.querySelector<HTMLElement>('[data-controls]')!.hidden = false;

    const outline = this.querySelector<HTMLElement>('[data-outline]');
    if (outline) this.tree = new OutlineTree(outline, (id) => this.select(id, { from: 'outline' }));
    this.wireNarrowLayout();

    this.addEventListener('click', (event) => this.onClick(event));
    this.wireSearch();
    this.wireFilters();
    this.wireMenus();
    this.loadCanvasWhenVisible();

    this.state = readState();
    const hasChoices = Object.keys(this.state.choices).some((id) => this.nodes.has(id));
    if (hasChoices) void this.setEvaluating(true, false);
    if (this.state.selected && this.nodes.has(this.state.selected)) this.select(this.state.selected, { from: 'url' });
    addEventListener('hashchange', () => {
      const next = readState();
      if (next.selected && next.selected !== this.state.selected && this.nodes.has(next.selected)) this.select(next.selected, { from: 'url' });
    });
  }

  /** A claim's full text: the page carries it once, in the outline's full (non-reference) item. */
  private textOf(node: ViewNode): string {
    if (node.text) return node.text;
    const item = this.querySelector(`[role="treeitem"]:not(.is-ref)[data-id="${CSS.escape(node.id)}"] .outline-text`);
    return item?.textContent?.trim() ?? node.lines.join(' ');
  }

  private name = (id: string) => this.nodes.get(id)?.lines.join(' ') ?? id;

  private announce(message: string) {
    // Clear first so the same message twice is still read out.
    this.live.textContent = '';
    requestAnimationFrame(() => (this.live.textContent = message));
  }

  /** Select a claim everywhere: outline, canvas, panel, URL. */
  select(id: string | undefined, { from }: { from: 'outline' | 'canvas' | 'url' | 'search' | 'panel' }) {
    const previous = this.state.selected;
    this.state.selected = id;
    if (id) this.dataset.selected = id;
    else delete this.dataset.selected;
    this.tree?.setSelected(id, from !== 'outline');
    this.canvas?.select(id, from !== 'canvas');
    this.renderPanel();
    writeState(this.state);
    if (id && from !== 'url') this.announce(`Selected: ${this.name(id)}.`);
    if (id && from === 'search') this.querySelector<HTMLElement>('[data-panel-heading]')?.focus();
    if (id && from !== 'canvas') this.keepClearOfPinnedPanel(id);
    if (id && from === 'canvas') this.keepTappedClaimInSight(id);
    if (!id && from === 'panel') {
      this.announce('Selection cleared.');
      if (previous) this.tree?.focusClaim(previous);
    }
  }

  private drawingShown(): boolean {
    return this.querySelector<HTMLElement>('[data-stage]')!.checkVisibility();
  }

  /** On narrow screens the drawing starts folded away (CSS); this button opens and closes it. */
  private setDrawing(shown: boolean, remember: boolean) {
    if (shown) this.dataset.drawing = 'shown';
    else delete this.dataset.drawing;
    if (remember) {
      try {
        localStorage.setItem(DRAWING_KEY, shown ? 'shown' : 'folded');
      } catch {
        /* storage may be off: the choice lasts for this page only */
      }
    }
    this.syncDrawingToggle();
  }

  private syncDrawingToggle() {
    const toggle = this.querySelector<HTMLButtonElement>('[data-action="toggle-drawing"]')!;
    const shown = this.drawingShown();
    toggle.setAttribute('aria-expanded', String(shown));
    toggle.textContent = shown ? 'Hide the drawing' : 'Show the drawing';
  }

  /**
   * Keeps DOM order and visual order the same on every width: the panel sits under the drawing on wide
   * screens and after the outline on narrow ones, where CSS pins it to the bottom of the viewport.
   */
  private wireNarrowLayout() {
    try {
      if (localStorage.getItem(DRAWING_KEY) === 'shown') this.dataset.drawing = 'shown';
    } catch {
      /* storage may be off */
    }
    const narrow = matchMedia(NARROW);
    const place = () => {
      const panel = this.querySelector<HTMLElement>('[data-panel]')!;
      const anchor = narrow.matches ? this.querySelector<HTMLElement>('[data-outline]') : this.querySelector<HTMLElement>('[data-stage]');
      if (anchor && anchor.nextElementSibling !== panel) {
        const hadFocus = panel.contains(document.activeElement) ? (document.activeElement as HTMLElement) : undefined;
        anchor.after(panel);
        hadFocus?.focus({ preventScroll: true });
      }
      this.syncDrawingToggle();
    };
    place();
    narrow.addEventListener('change', place);
  }

  /** On a narrow screen the pinned panel covers the lower screen: bring the drawing up and centre the claim in it. */
  private keepTappedClaimInSight(id: string) {
    if (!matchMedia(NARROW).matches) return;
    this.querySelector<HTMLElement>('[data-stage]')!.scrollIntoView({ block: 'start', behavior: 'instant' });
    this.canvas?.select(id, true);
  }

  /** On a narrow screen the pinned panel covers the bottom of the viewport: scroll the chosen item above it. */
  private keepClearOfPinnedPanel(id: string) {
    const panel = this.querySelector<HTMLElement>('[data-panel]')!;
    const item = this.querySelector<HTMLElement>(`[role="treeitem"]:not(.is-ref)[data-id="${CSS.escape(id)}"] > .outline-row`);
    if (!matchMedia(NARROW).matches || panel.hidden || !item) return;
    const covered = item.getBoundingClientRect().bottom - panel.getBoundingClientRect().top;
    if (covered > 0) scrollBy({ top: covered + 12, behavior: 'instant' });
  }

  private onClick(event: Event) {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
    if (!target) return;
    const action = target.dataset.action;
    if (action === 'toggle-drawing') this.setDrawing(!this.drawingShown(), true);
    else if (action === 'close-panel') this.select(undefined, { from: 'panel' });
    else if (action === 'zoom-in') this.withCanvas((c) => c.zoom(1.25));
    else if (action === 'zoom-out') this.withCanvas((c) => c.zoom(0.8));
    else if (action === 'fit') this.withCanvas((c) => c.fit());
    else if (action === 'evaluate') void this.setEvaluating(!this.evaluating, true);
    else if (action === 'reset') this.resetChoices();
    else if (action === 'choice') this.setChoice(target.dataset.id!, (target as HTMLInputElement).value as Choice | '');
    else if (action === 'chain') this.withCanvas((c) => c.highlightChain(target.dataset.id!));
    else if (action === 'download-svg') this.download('svg');
    else if (action === 'download-png') this.download('png');
  }

  private withCanvas(run: (canvas: MapCanvas) => void) {
    void this.loadCanvas().then((canvas) => canvas && run(canvas));
  }

  private loadCanvasWhenVisible() {
    const stage = this.querySelector<HTMLElement>('[data-stage]')!;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        void this.loadCanvas();
      }
    }, { rootMargin: '200px' });
    observer.observe(stage);
  }

  private loadCanvas(): Promise<MapCanvas | undefined> {
    // Whatever needs the canvas (zoom, a chain of reasons, PNG) opens a folded drawing first.
    if (!this.drawingShown()) {
      this.setDrawing(true, false);
      this.querySelector<HTMLElement>('[data-stage]')!.scrollIntoView({ block: 'nearest' });
    }
    this.canvasLoading ??= import('./map-canvas.ts')
      .then(({ createCanvas }) => {
        const host = this.querySelector<HTMLElement>('[data-canvas]')!;
        const staticMap = this.querySelector<HTMLElement>('[data-static]')!;
        const hadFocus = staticMap.contains(document.activeElement);
        host.hidden = false;
        this.canvas = createCanvas(host, this.data.view, (id) => this.select(id, { from: 'canvas' }));
        // The interactive map takes the static drawing's place (and its keyboard focus, if it had it).
        staticMap.hidden = true;
        if (hadFocus) host.focus({ preventScroll: true });
        this.canvas.select(this.state.selected, true);
        if (this.evaluating) this.canvas.showLabels(this.labels);
        this.applyFilters();
        this.dataset.ready = '';
        return this.canvas;
      })
      .catch((error: unknown) => {
        console.error('The interactive map could not load; the drawing stays.', error);
        return undefined;
      });
    return this.canvasLoading;
  }

  /** Where a claim is drawn on the interactive map (viewport coordinates), once it has loaded. */
  getNodeBox(id: string) {
    return this.canvas?.nodeBox(id);
  }

  /** Zoom, selection and visible relations of the interactive map, once it has loaded. */
  getCanvasState() {
    return this.canvas?.state();
  }

  private renderPanel() {
    const panel = this.querySelector<HTMLElement>('[data-panel]')!;
    const body = this.querySelector<HTMLElement>('[data-panel-body]')!;
    const id = this.state.selected;
    const node = id ? this.nodes.get(id) : undefined;
    panel.hidden = !node;
    if (!node) return body.replaceChildren();
    const base = this.data.base.replace(/\/?$/, '/');
    const claimHref = (cid: string) => `${base}claims/${encodeURIComponent(cid)}/`;
    const parts: Node[] = [
      el('p', { className: 'panel-kind' }, el('span', { className: `outline-kind kind-${node.kind}` }, node.kind), node.by ? ` by ${this.data.view.actors[node.by] ?? node.by}` : ''),
      el('p', { className: 'panel-text' }, this.textOf(node)),
    ];
    const source = node.source ? this.data.view.sources[node.source] : undefined;
    if (node.quote) parts.push(el('blockquote', { className: 'panel-quote' }, el('p', {}, node.quote)));
    if (source) {
      const title = source.url ? el('a', { href: source.url }, source.title) : el('span', {}, source.title);
      parts.push(el('p', { className: 'panel-source' }, 'Source: ', title, `, ${source.publisher}${source.date ? `, ${source.date}` : ''}`));
    }
    if (node.note) parts.push(el('p', { className: 'panel-note' }, `Note: ${node.note}`));
    if (node.relations.length) {
      parts.push(
        el('ul', { className: 'panel-relations' }, ...node.relations.map((r) => {
          const note = this.data.view.notes?.[r.edge];
          return el('li', {}, `This ${node.kind} ${relationSentence(r, this.name)}`, note ? ` (${note})` : '');
        })),
      );
    }
    if (node.offMap) {
      const n = node.offMap;
      const text = node.relations.length ? `It has ${n} more ${n === 1 ? 'relation' : 'relations'} with claims not on this map: ` : `${n === 1 ? 'Its relation is' : `Its ${n} relations are`} with claims not on this map: `;
      parts.push(el('p', { className: 'panel-more' }, text, el('a', { href: claimHref(node.id) }, n === 1 ? 'see it on its page' : 'see them on its page'), '.'));
    }
    if (this.evaluating) parts.push(this.choiceControls(node));
    const page = this.data.view.pages[node.page] ?? node.page;
    parts.push(
      el(
        'p',
        { className: 'panel-links' },
        el('a', { href: claimHref(node.id) }, 'Open this claim’s page'),
        ' · discussed on ',
        el('a', { href: node.page ? `${base}${node.page}/` : base }, page),
        ' · ',
        el('button', { type: 'button', className: 'link-button' }, 'Highlight its chain of reasons'),
      ),
    );
    body.replaceChildren(...parts);
    const chain = body.querySelector<HTMLButtonElement>('.link-button')!;
    chain.dataset.action = 'chain';
    chain.dataset.id = node.id;
  }

  private choiceControls(node: ViewNode): HTMLElement {
    const current = this.state.choices[node.id] ?? '';
    const label = this.labels[node.id];
    const fieldset = el('fieldset', { className: 'panel-choice' }, el('legend', {}, 'Your view of this claim'));
    for (const [value, text] of [['accepted', 'Accept'], ['rejected', 'Reject'], ['', 'Undecided']] as const) {
      // Built by hand: el('input', …) makes TypeScript's inference give up (TS2590).
      const input = document.createElement('input');
      Object.assign(input, { type: 'radio', name: `choice-${node.id}`, value, checked: current === value });
      input.dataset.action = 'choice';
      input.dataset.id = node.id;
      fieldset.append(el('label', {}, input, ` ${text}`));
    }
    fieldset.append(el('p', { className: `panel-label label-${label}` }, el('strong', {}, LABEL_WORDS[label] ?? ''), ` — ${this.explanations[node.id] ?? ''}`));
    return fieldset;
  }

  private async setEvaluating(on: boolean, announce: boolean) {
    this.evaluating = on;
    const button = this.querySelector<HTMLElement>('[data-action="evaluate"]')!;
    button.setAttribute('aria-pressed', String(on));
    this.querySelector<HTMLElement>('[data-action="reset"]')!.hidden = !on;
    this.querySelector<HTMLElement>('[data-evaluate-help]')!.hidden = !on;
    if (on) await this.recompute(false);
    this.tree?.showLabels(on ? this.labels : undefined);
    if (on) this.canvas?.showLabels(this.labels);
    else this.canvas?.showLabels(undefined);
    this.renderPanel();
    if (announce) this.announce(on ? 'Testing your view: labels are shown on the map and in the outline.' : 'Labels hidden.');
  }

  private async recompute(announceChanges: boolean) {
    const { evaluate, explain } = await import('../graph/semantics.ts');
    const subgraph = { nodes: this.data.view.nodes.map((n) => ({ ...n, label: n.lines.join(' '), origin: { file: '', line: 0 } })), edges: viewEdges(this.data.view) };
    const choices = Object.fromEntries(Object.entries(this.state.choices).filter(([id]) => this.nodes.has(id)));
    const result = evaluate(subgraph, choices);
    const before = this.labels;
    this.labels = result.labels;
    this.explanations = Object.fromEntries(Object.keys(result.labels).map((id) => [id, explain(result.labels[id], result.explanations[id], this.name)]));
    if (announceChanges) {
      const changed = Object.keys(this.labels).filter((id) => before[id] !== this.labels[id]);
      const words = changed.slice(0, 4).map((id) => `${this.name(id)}: ${LABEL_WORDS[this.labels[id]]}`);
      this.announce(changed.length ? `${changed.length} label${changed.length === 1 ? '' : 's'} changed. ${words.join('. ')}${changed.length > 4 ? '…' : ''}` : 'No label changed.');
    }
  }

  private async setChoice(id: string, choice: Choice | '') {
    if (choice) this.state.choices[id] = choice;
    else delete this.state.choices[id];
    writeState(this.state);
    await this.recompute(true);
    this.tree?.showLabels(this.labels);
    this.canvas?.showLabels(this.labels);
    this.renderPanel();
    this.querySelector<HTMLInputElement>(`.panel-choice input[value="${choice}"]`)?.focus();
  }

  private resetChoices() {
    this.state.choices = {};
    writeState(this.state);
    void this.recompute(true).then(() => {
      this.tree?.showLabels(this.labels);
      this.canvas?.showLabels(this.labels);
      this.renderPanel();
    });
  }

  private wireSearch() {
    const input = this.querySelector<HTMLInputElement>('[data-search]')!;
    const list = this.querySelector<HTMLElement>('[data-search-results]')!;
    const count = this.querySelector<HTMLElement>('[data-search-count]')!;
    input.addEventListener('input', () => {
      const q = input.value.trim().toLowerCase();
      const hits = q.length < 2 ? [] : this.data.view.nodes.filter((n) => `${this.textOf(n)} ${n.quote ?? ''} ${n.lines.join(' ')}`.toLowerCase().includes(q)).slice(0, 8);
      list.hidden = hits.length === 0;
      count.textContent = q.length < 2 ? '' : `${hits.length} claim${hits.length === 1 ? '' : 's'} found`;
      list.replaceChildren(
        ...hits.map((n) => {
          const button = el('button', { type: 'button' }, n.lines.join(' '));
          button.addEventListener('click', () => {
            list.hidden = true;
            this.select(n.id, { from: 'search' });
          });
          return el('li', {}, button);
        }),
      );
      if (hits.length) this.closeMenus();
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
  }

  private closeMenus(except?: HTMLDetailsElement) {
    this.querySelectorAll<HTMLDetailsElement>('details.map-menu[open]').forEach((menu) => {
      if (menu !== except) menu.open = false;
    });
  }

  /** Filter and Download: one open at a time, closed by Escape or a click elsewhere, never off the column. */
  private wireMenus() {
    for (const menu of this.querySelectorAll<HTMLDetailsElement>('details.map-menu')) {
      menu.addEventListener('toggle', () => {
        if (!menu.open) return;
        this.closeMenus(menu);
        this.querySelector<HTMLElement>('[data-search-results]')!.hidden = true;
        // Open rightwards unless that would run past the map's column; then leftwards.
        const panel = menu.querySelector<HTMLElement>('.map-menu-panel');
        if (!panel) return;
        panel.classList.remove('opens-left');
        if (panel.getBoundingClientRect().right > this.getBoundingClientRect().right) panel.classList.add('opens-left');
      });
      menu.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' || !menu.open) return;
        menu.open = false;
        menu.querySelector('summary')?.focus();
        event.stopPropagation();
      });
    }
    document.addEventListener('click', (event) => {
      const inside = (event.target as Element).closest?.('details.map-menu');
      this.closeMenus((inside as HTMLDetailsElement | null) ?? undefined);
    });
  }

  private wireFilters() {
    this.querySelectorAll<HTMLInputElement>('[data-filter-relation], [data-filter-actor]').forEach((input) =>
      input.addEventListener('change', () => {
        this.applyFilters();
        this.announce('Map filter changed.');
      }),
    );
  }

  private applyFilters() {
    const kinds = [...this.querySelectorAll<HTMLInputElement>('[data-filter-relation]')].filter((i) => i.checked).map((i) => i.dataset.filterRelation!);
    const actor = this.querySelector<HTMLSelectElement>('[data-filter-actor]')!.value;
    if (!this.canvas && (kinds.length < RELATION_KINDS.length || actor)) void this.loadCanvas();
    this.canvas?.filter(new Set(kinds), actor || undefined);
  }

  private download(format: 'svg' | 'png') {
    const name = `argument-map-${document.title.split('|')[0].trim().toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const save = (href: string, ext: string) => {
      const a = el('a', { href, download: `${name}.${ext}` });
      document.body.append(a);
      a.click();
      a.remove();
    };
    if (format === 'png') {
      this.withCanvas((c) => save(c.png(), 'png'));
      return;
    }
    const svg = this.querySelector('[data-static] svg')!.cloneNode(true) as SVGSVGElement;
    inlineStyles(this.querySelector('[data-static] svg')!, svg);
    const blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
    const url = URL.createObjectURL(blob);
    save(url, 'svg');
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** Copy the computed colours into the clone, so the downloaded SVG looks the same outside the site. */
function inlineStyles(source: Element, clone: Element) {
  const wasHidden = (source.parentElement as HTMLElement).hidden;
  (source.parentElement as HTMLElement).hidden = false;
  const from = [source, ...source.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((node, i) => {
    const cs = getComputedStyle(node);
    const style = ['fill', 'stroke', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'opacity'].map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    to[i].setAttribute('style', style);
  });
  (source.parentElement as HTMLElement).hidden = wasHidden;
}

customElements.define('argument-map', ArgumentMap);
