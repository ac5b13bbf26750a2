/**
 * <argument-map>: the coordinator. It keeps one selection and one set of the reader's choices, and tells the
 * outline, the drawing, the panel and the URL about them. Each part lives in its own module: the panel's
 * content (`panel.ts`), search (`search.ts`), menus (`menus.ts`), "Test your view" (`evaluation.ts`), the
 * drawing and its lazily loaded canvas (`drawing.ts`, `../map-canvas.ts`), downloads (`download.ts`).
 *
 * Documented interface (tests and other pages use it): `select(id)`, `getNodeBox(id)` — the on-screen box of a
 * drawn claim, in viewport coordinates, once the canvas has loaded — `getCanvasState()`, and `highlight(ids)`
 * (the guided tour's marks).
 */
import { RELATION_KINDS } from '../../graph/model.ts';
import { el, LABEL_WORDS, type Choice, type Label, type MapData, type MapNode } from '../map-data.ts';
import { OutlineTree } from '../outline-tree.ts';
import { readState, writeState, type ViewState } from '../state.ts';
import { downloadPng, downloadSvg } from './download.ts';
import { Drawing } from './drawing.ts';
import { evaluateMap, type Verdicts } from './evaluation.ts';
import { wireMenus } from './menus.ts';
import { panelContent } from './panel.ts';
import { wireSearch } from './search.ts';

/** Phones and narrow windows: the outline leads, the drawing opens on request, the panel is pinned below. */
// Must match the `@media (max-width: 50rem)` block in map.css that folds the drawing and pins the panel.
const NARROW = '(max-width: 50rem)';
const DRAWING_KEY = 'argument-map:drawing';

type From = 'outline' | 'canvas' | 'url' | 'search' | 'panel' | 'link';

class ArgumentMap extends HTMLElement {
  private data!: MapData;
  private nodes = new Map<string, MapNode>();
  private state: ViewState = { choices: {} };
  private labels: Record<string, Label> = {};
  private readings: Verdicts['readings'] = {};
  private unsettled: string[] = [];
  private evaluating = false;
  private drawing!: Drawing;
  private tree?: OutlineTree;
  private live!: HTMLElement;
  private panel!: HTMLElement;
  /** Where keyboard focus goes back to when the panel closes. */
  private returnFocus?: HTMLElement;

  connectedCallback() {
    const json = this.querySelector<HTMLScriptElement>('[data-map-json]');
    if (!json) return;
    this.data = JSON.parse(json.textContent ?? '{}');
    for (const n of this.data.view.nodes) this.nodes.set(n.id, n);
    this.labels = { ...this.data.labels };
    this.live = this.querySelector('[data-live]')!;
    this.panel = this.querySelector<HTMLElement>('[data-panel]')!;
    this.querySelector<HTMLElement>('[data-controls]')!.hidden = false;

    const outline = this.querySelector<HTMLElement>('[data-outline]');
    if (outline) {
      this.tree = new OutlineTree(outline, (id, how) => this.select(id, { from: 'outline', keyboard: how === 'keyboard' }));
      this.setOutlineExpanded(OutlineTree.rememberedExpanded(), false);
    }
    this.drawing = new Drawing(this, this.data, (id) => this.select(id, { from: 'canvas' }), (canvas) => {
      canvas.select(this.state.selected, false);
      canvas.highlight(this.highlighted);
      if (this.evaluating) canvas.showLabels(this.labels);
      this.applyFilters();
      this.dataset.ready = '';
    });
    this.wireNarrowLayout();
    this.addEventListener('click', (event) => this.onClick(event));
    this.addEventListener('keydown', (event) => this.onKey(event));
    const menus = wireMenus(this, () => search.hide());
    const search = wireSearch(this, [...this.nodes.values()], (n) => this.textOf(n), (id) => this.select(id, { from: 'search', keyboard: true }), () => menus.closeAll());
    this.querySelectorAll<HTMLInputElement>('[data-filter-relation], [data-filter-actor]').forEach((input) =>
      input.addEventListener('change', () => {
        this.applyFilters();
        this.announce('Map filter changed.');
      }),
    );
    this.wireClaimLinks();
    this.drawing.loadWhenVisible();
    let placing = false;
    addEventListener('scroll', () => {
      if (placing || this.panel.hidden) return;
      placing = true;
      requestAnimationFrame(() => {
        placing = false;
        this.placePanel();
      });
    }, { passive: true });

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
  private textOf(node: MapNode): string {
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

  /**
   * Select a claim everywhere: outline, drawing, panel, URL. The panel shows on screen at once; the chosen
   * claim stays in view (the outline item where it was chosen there, the drawn box otherwise).
   */
  select(id: string | undefined, { from, keyboard = false }: { from: From; keyboard?: boolean } = { from: 'link' }) {
    if (id && !this.nodes.has(id)) return;
    const previous = this.state.selected;
    if (id && from !== 'panel' && !this.panel.contains(document.activeElement)) this.returnFocus = (document.activeElement as HTMLElement | null) ?? undefined;
    this.state.selected = id;
    if (id) this.dataset.selected = id;
    else delete this.dataset.selected;
    this.tree?.setSelected(id, from !== 'outline');
    this.drawing.select(id, from !== 'canvas');
    this.renderPanel();
    writeState(this.state);
    if (!id) {
      if (from === 'panel') this.announce('Selection cleared.');
      if (previous && from === 'panel') (this.returnFocus?.isConnected ? this.returnFocus : this.tree?.itemFor(previous))?.focus({ preventScroll: true });
      return;
    }
    if (from !== 'url') this.announce(`Selected: ${this.name(id)}.`);
    if (from === 'search' || from === 'link' || from === 'url' || from === 'panel') this.revealOnDrawing(id);
    if (from === 'outline') this.keepClearOfPinnedPanel(id);
    if (from === 'canvas') this.keepTappedClaimInSight(id);
    if (keyboard || from === 'panel') this.querySelector<HTMLElement>('[data-panel-heading]')?.focus({ preventScroll: true });
  }

  /** Scroll the page so the claim's box is on screen, clear of the panel. */
  private revealOnDrawing(id: string) {
    const box = this.drawing.box(id);
    if (!box) return;
    const top = matchMedia(NARROW).matches ? 0 : (parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--sl-nav-height')) || 64) + 16;
    const bottom = innerHeight - (matchMedia(NARROW).matches && !this.panel.hidden ? this.panel.getBoundingClientRect().height : 0);
    if (box.top >= top && box.bottom <= bottom) return;
    scrollBy({ top: box.top - top - Math.max(0, (bottom - top - box.height) / 3), behavior: 'instant' });
  }

  private renderPanel() {
    const body = this.querySelector<HTMLElement>('[data-panel-body]')!;
    const id = this.state.selected;
    const node = id ? this.nodes.get(id) : undefined;
    this.panel.hidden = !node;
    this.toggleAttribute('data-panel-open', Boolean(node));
    if (!node) return body.replaceChildren();
    this.placePanel();
    this.querySelector<HTMLElement>('[data-panel-heading]')!.textContent = this.name(node.id);
    body.replaceChildren(...panelContent(node, { data: this.data, textOf: (n) => this.textOf(n), name: this.name, verdict: (n) => (this.evaluating ? this.choiceControls(n) : undefined) }));
  }

  /**
   * Over the drawing, the panel opens on the half the chosen claim is not in; below the drawing (over the
   * outline, which leaves room on its right) it keeps to the right.
   */
  private placePanel() {
    const id = this.state.selected;
    if (!id || this.panel.hidden) return;
    const stage = this.querySelector<HTMLElement>('[data-stage]')!.getBoundingClientRect();
    const overDrawing = stage.bottom > innerHeight / 3 && this.drawing.shown();
    this.dataset.panelSide = overDrawing && this.drawing.side(id) === 'right' ? 'left' : 'right';
  }

  private choiceControls(node: MapNode): HTMLElement {
    const current = this.state.choices[node.id] ?? '';
    const label = this.labels[node.id];
    // A question or the writer's framing is not weighed, so a choice on it would change nothing: none is offered.
    if (!label) {
      const note = node.kind === 'question' ? 'A question is not true or false: it gets no label, and there is no view to take on it.' : 'The writer’s framing is shown, not weighed: it gets no label, and there is no view to take on it.';
      return el('div', { className: 'panel-choice' }, el('p', { className: 'panel-label' }, note));
    }
    const fieldset = el('fieldset', { className: 'panel-choice' }, el('legend', {}, 'Your view of this claim'));
    for (const [value, text] of [['accepted', 'Accept'], ['rejected', 'Reject'], ['', 'No view yet']] as const) {
      // Built by hand: el('input', …) makes TypeScript's inference give up (TS2590).
      const input = document.createElement('input');
      Object.assign(input, { type: 'radio', name: `choice-${node.id}`, value, checked: current === value });
      input.dataset.action = 'choice';
      input.dataset.id = node.id;
      fieldset.append(el('label', {}, input, ` ${text}`));
    }
    const reading = this.readings[node.id];
    if (label && reading) {
      fieldset.append(
        // The label in words already says "stands"/"falls": the explanation goes on from its reason.
        el('p', { className: `panel-label label-${label}` }, el('strong', {}, LABEL_WORDS[label]), ` — ${withoutVerdict(reading.explanation)}`),
        strengthBar(reading.strength, reading.band),
      );
      if (reading.disagreement) fieldset.append(el('p', { className: 'panel-disagree' }, reading.disagreement));
      if (this.unsettled.includes(node.id)) fieldset.append(el('p', { className: 'panel-note' }, 'Its strength is caught in a ring of attacks and never settles: the number is where the weighing stopped.'));
    }
    return fieldset;
  }

  private onClick(event: Event) {
    const target = event.target as HTMLElement;
    const related = target.closest<HTMLElement>('[data-select]');
    if (related) return this.select(related.dataset.select!, { from: 'panel' });
    const control = target.closest<HTMLElement>('[data-action]');
    if (!control) return;
    const action = control.dataset.action;
    if (action === 'toggle-drawing') this.setDrawing(!this.drawing.shown(), true);
    else if (action === 'close-panel') this.select(undefined, { from: 'panel' });
    else if (action === 'zoom-in') this.drawing.withCanvas((c) => c.zoom(1.25));
    else if (action === 'zoom-out') this.drawing.withCanvas((c) => c.zoom(0.8));
    else if (action === 'fit') this.drawing.withCanvas((c) => c.fit());
    else if (action === 'home') this.drawing.withCanvas((c) => c.home());
    else if (action === 'expand-outline') this.setOutlineExpanded(control.getAttribute('aria-pressed') !== 'true', true);
    else if (action === 'evaluate') void this.setEvaluating(!this.evaluating, true);
    else if (action === 'reset') void this.resetChoices();
    else if (action === 'choice') void this.setChoice(control.dataset.id!, (control as HTMLInputElement).value as Choice | '');
    else if (action === 'chain') this.drawing.withCanvas((c) => c.highlightChain(control.dataset.id!));
    else if (action === 'download-svg') downloadSvg(this);
    else if (action === 'download-png') void downloadPng(this);
  }

  /** Escape closes the panel and gives focus back to where the claim was chosen. */
  private onKey(event: KeyboardEvent) {
    if (event.key !== 'Escape' || this.panel.hidden || event.defaultPrevented) return;
    if ((event.target as Element).closest?.('details.map-menu[open], .map-search')) return;
    event.preventDefault();
    this.select(undefined, { from: 'panel' });
  }

  private setOutlineExpanded(all: boolean, remember: boolean) {
    this.tree?.setExpanded(all, remember);
    const button = this.querySelector<HTMLButtonElement>('[data-action="expand-outline"]');
    if (!button) return;
    button.hidden = false;
    button.setAttribute('aria-pressed', String(all));
    button.textContent = all ? 'Show top levels only' : 'Expand all';
  }

  /** Claims cited in the page's prose: with scripts on, a click shows the claim here instead of leaving. */
  private wireClaimLinks() {
    document.addEventListener('click', (event) => {
      const link = (event.target as Element).closest?.<HTMLAnchorElement>('a.claim-cite[data-id]');
      if (!link || !this.nodes.has(link.dataset.id!) || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      if (!this.drawing.shown()) this.setDrawing(true, false);
      this.select(link.dataset.id!, { from: 'link', keyboard: event.detail === 0 });
    });
  }

  private drawingShown() {
    return this.drawing.shown();
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
    if (shown) this.drawing.withCanvas((c) => c.resize());
  }

  private syncDrawingToggle() {
    const toggle = this.querySelector<HTMLButtonElement>('[data-action="toggle-drawing"]')!;
    const shown = this.drawingShown();
    toggle.setAttribute('aria-expanded', String(shown));
    toggle.textContent = shown ? 'Hide the drawing' : 'Show the drawing';
  }

  private wireNarrowLayout() {
    try {
      if (localStorage.getItem(DRAWING_KEY) === 'shown') this.dataset.drawing = 'shown';
    } catch {
      /* storage may be off */
    }
    const narrow = matchMedia(NARROW);
    this.syncDrawingToggle();
    narrow.addEventListener('change', () => this.syncDrawingToggle());
  }

  /** On a narrow screen the pinned panel covers the lower screen: bring the drawing up and centre the claim above it. */
  private keepTappedClaimInSight(id: string) {
    if (!matchMedia(NARROW).matches || !this.drawing.canvas) return;
    const stage = this.querySelector<HTMLElement>('[data-stage]')!;
    stage.scrollIntoView({ block: 'start', behavior: 'instant' });
    const free = this.panel.getBoundingClientRect().top - stage.getBoundingClientRect().top;
    this.drawing.canvas.centre(id, free);
  }

  /** On a narrow screen the pinned panel covers the bottom of the viewport: scroll the chosen item above it. */
  private keepClearOfPinnedPanel(id: string) {
    const item = this.tree?.itemFor(id)?.querySelector<HTMLElement>(':scope > .outline-row');
    if (!matchMedia(NARROW).matches || this.panel.hidden || !item) return;
    const covered = item.getBoundingClientRect().bottom - this.panel.getBoundingClientRect().top;
    if (covered > 0) scrollBy({ top: covered + 12, behavior: 'instant' });
  }

  /** Where a claim is drawn on the interactive map (viewport coordinates), once it has loaded. */
  getNodeBox(id: string) {
    return this.drawing.canvas?.nodeBox(id);
  }

  /** Zoom, selection and visible relations of the interactive map, once it has loaded. */
  getCanvasState() {
    return this.drawing.canvas?.state();
  }

  // Hook for the learning layer (the guided tour, `../learning/tour.ts`): marks, nothing else.
  private highlighted: string[] = [];
  /**
   * Mark claims on the static drawing, the canvas and the outline (opening the outline's levels above them);
   * an empty list clears the marks. Returns the ids this map draws.
   */
  highlight(ids: string[]): string[] {
    this.highlighted = ids.filter((id) => this.nodes.has(id));
    for (const marked of this.querySelectorAll('.is-highlighted')) marked.classList.remove('is-highlighted');
    for (const id of this.highlighted) {
      const q = CSS.escape(id);
      for (const e of this.querySelectorAll(`[data-static] [data-id="${q}"], [data-static] [data-claim="${q}"], [role="treeitem"][data-id="${q}"]`)) e.classList.add('is-highlighted');
      for (let p = this.tree?.itemFor(id)?.parentElement?.closest('[role="treeitem"]'); p; p = p.parentElement?.closest('[role="treeitem"]')) p.setAttribute('aria-expanded', 'true');
    }
    this.drawing.canvas?.highlight(this.highlighted);
    return this.highlighted;
  }

  private async setEvaluating(on: boolean, announce: boolean) {
    this.evaluating = on;
    this.querySelector<HTMLElement>('[data-action="evaluate"]')!.setAttribute('aria-pressed', String(on));
    this.querySelector<HTMLElement>('[data-action="reset"]')!.hidden = !on;
    this.querySelector<HTMLElement>('[data-evaluate-help]')!.hidden = !on;
    if (on) await this.recompute(false);
    this.tree?.showLabels(on ? this.labels : undefined);
    this.drawing.canvas?.showLabels(on ? this.labels : undefined);
    this.renderPanel();
    if (announce) this.announce(on ? 'Testing your view: labels are shown on the map and in the outline.' : 'Labels hidden.');
  }

  private async recompute(announceChanges: boolean) {
    const before = this.labels;
    const result = await evaluateMap(this.data, this.state.choices, this.name);
    this.labels = result.labels;
    this.readings = result.readings;
    this.unsettled = result.unsettled;
    if (!announceChanges) return;
    const changed = Object.keys(this.labels).filter((id) => before[id] !== this.labels[id]);
    const words = changed.slice(0, 4).map((id) => `${this.name(id)}: ${LABEL_WORDS[this.labels[id]]}`);
    this.announce(changed.length ? `${changed.length} label${changed.length === 1 ? '' : 's'} changed. ${words.join('. ')}${changed.length > 4 ? '…' : ''}` : 'No label changed.');
  }

  private async setChoice(id: string, choice: Choice | '') {
    if (choice) this.state.choices[id] = choice;
    else delete this.state.choices[id];
    writeState(this.state);
    await this.recompute(true);
    this.tree?.showLabels(this.labels);
    this.drawing.canvas?.showLabels(this.labels);
    this.renderPanel();
    this.querySelector<HTMLInputElement>(`.panel-choice input[value="${choice}"]`)?.focus();
  }

  private async resetChoices() {
    this.state.choices = {};
    writeState(this.state);
    await this.recompute(true);
    this.tree?.showLabels(this.labels);
    this.drawing.canvas?.showLabels(this.labels);
    this.renderPanel();
  }

  private applyFilters() {
    const kinds = [...this.querySelectorAll<HTMLInputElement>('[data-filter-relation]')].filter((i) => i.checked).map((i) => i.dataset.filterRelation!);
    const actor = this.querySelector<HTMLSelectElement>('[data-filter-actor]')!.value;
    if (!this.drawing.canvas && (kinds.length < RELATION_KINDS.length || actor)) void this.drawing.load();
    this.drawing.canvas?.filter(new Set(kinds), actor || undefined);
  }
}

/** "Falls: «A» stands and attacks it." → "«A» stands and attacks it." (the label beside it says "falls"). */
function withoutVerdict(explanation: string): string {
  const rest = explanation.replace(/^(Stands|Falls|Undecided)[^:.]*:\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** The strength of a claim as a meter with its band and number, e.g. "strong (0.72)". */
function strengthBar(value: number, band: string): HTMLElement {
  const meter = el('meter', { min: 0, max: 1, low: 0.4, high: 0.6, optimum: 1, value });
  meter.setAttribute('aria-label', 'Strength when its reasons and objections are weighed');
  return el('p', { className: 'panel-strength' }, 'Strength when weighed: ', meter, ` ${band} (${value.toFixed(2)})`);
}

customElements.define('argument-map', ArgumentMap);
