/**
 * The guided tour in the browser. Two custom elements:
 * - `<guided-tour>` on the home page: starts the tour, or continues it at the step this device remembers;
 * - `<tour-player>` above the map of every page that shows a step: the step's number, title, narration and
 *   claims, highlighted on the map (`<argument-map>.highlight`), with Previous and Next. A step on another
 *   page is reached by going there (`?tour=n` in the address says which step to show, so a reload keeps it).
 * Without JavaScript neither does anything: the home page's ordered list of the steps is the tour.
 */
import { el } from '../map-data.ts';

const STEP_KEY = 'argument-map:tour';

export interface TourStepRef {
  n: number;
  title: string;
  /** Where the step is shown, with `?tour=n`. */
  url: string;
  /** The address of the page that shows it, without the step. */
  path: string;
  /** The title of the page that shows it. */
  page: string;
}
export interface TourClaimData {
  id: string;
  label: string;
  /** Drawn on this page's map (so it is highlighted here); otherwise `url` shows it on its own page's map. */
  drawn: boolean;
  url: string;
  page: string;
}
export interface TourData {
  steps: TourStepRef[];
  /** Each step's narration and claims, by number. */
  texts: Record<string, { text: string; claims: TourClaimData[] }>;
}

/** Is the step shown on the page open now? */
const isHere = (step: TourStepRef) => new URL(step.path, location.href).pathname === location.pathname;

interface MapElement extends HTMLElement {
  highlight(ids: string[]): string[];
  select(id: string, options: { from: 'link'; keyboard?: boolean }): void;
}

export function rememberedStep(): number | undefined {
  try {
    const n = Number(localStorage.getItem(STEP_KEY));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

function remember(n: number | undefined) {
  try {
    if (n) localStorage.setItem(STEP_KEY, String(n));
    else localStorage.removeItem(STEP_KEY);
  } catch {
    /* storage may be off: the address still carries the step */
  }
}

/** The address of this page showing step `n` (or no step), keeping any map state in the hash. */
function addressWith(n: number | undefined): string {
  const params = new URLSearchParams(location.search);
  if (n) params.set('tour', String(n));
  else params.delete('tour');
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

/** A claim of the step: a button that shows it on this map, or a link to the map of its own page. */
function claimItem(claim: TourClaimData): HTMLLIElement {
  if (!claim.drawn) return el('li', {}, el('a', { href: claim.url }, claim.label), ` (on the map of “${claim.page}”)`);
  const button = el('button', { type: 'button', className: 'tour-claim link-button' }, claim.label);
  button.dataset.tourClaim = claim.id;
  return el('li', {}, button);
}

class TourPlayer extends HTMLElement {
  private data: TourData = { steps: [], texts: {} };
  private loaded?: Promise<void>;
  private map?: MapElement;
  private step = 0;
  private heading!: HTMLElement;
  private live!: HTMLElement;

  connectedCallback() {
    if (this.loaded || !this.dataset.src) return;
    this.heading = this.querySelector<HTMLElement>('[data-tour-heading]')!;
    this.live = this.querySelector<HTMLElement>('[data-tour-live]')!;
    this.addEventListener('click', (event) => this.onClick(event));
    this.loaded = fetch(this.dataset.src)
      .then((response) => (response.ok ? (response.json() as Promise<TourData>) : Promise.reject(new Error(`${response.status} ${response.url}`))))
      .then((data) => void (this.data = data))
      .catch((error: unknown) => console.error('The guided tour could not load.', error));
    const asked = Number(new URLSearchParams(location.search).get('tour'));
    if (asked) void this.start(asked);
  }

  /** Show step `n` once the steps and the map (which upgrades in its own module) are ready. */
  async start(n: number) {
    await Promise.all([this.loaded, customElements.whenDefined('argument-map')]);
    this.show(n, 'arrive');
  }

  /** Show step `n` here. `arrive`: brought here (by the address or the home page's button), so focus moves to it. */
  show(n: number, how: 'arrive' | 'step', from?: HTMLElement) {
    const here = this.data.texts[n];
    const ref = this.data.steps[n - 1];
    if (!here || !ref || !isHere(ref)) return;
    this.map ??= (this.closest('argument-map') as MapElement | null) ?? undefined;
    this.step = n;
    this.hidden = false;
    remember(n);
    history.replaceState(history.state, '', addressWith(n));
    const total = this.data.steps.length;
    this.heading.textContent = `Step ${n} of ${total}: ${ref.title}`;
    this.querySelector('[data-tour-text]')!.textContent = here.text;
    this.querySelector('[data-tour-claims]')!.replaceChildren(...here.claims.map(claimItem));
    this.querySelector<HTMLElement>('[data-tour-claims-help]')!.hidden = false;
    this.querySelector<HTMLElement>('[data-tour-end]')!.hidden = true;
    const marked = this.map?.highlight(here.claims.filter((c) => c.drawn).map((c) => c.id)) ?? [];
    this.updateButtons();
    this.bringIntoView(how === 'arrive');
    // Focus stays on the button pressed, unless it has just gone (Previous on step 1) or the reader arrived.
    if (how === 'arrive' || !from || (from as HTMLButtonElement).disabled || from.hidden) this.heading.focus({ preventScroll: true });
    this.announce(`Step ${n} of ${total}: ${ref.title}. ${marked.length} claim${marked.length === 1 ? '' : 's'} highlighted on the map.`);
  }

  private updateButtons() {
    const n = this.step;
    const total = this.data.steps.length;
    const prev = this.querySelector<HTMLButtonElement>('[data-tour-go="prev"]')!;
    const next = this.querySelector<HTMLButtonElement>('[data-tour-go="next"]')!;
    prev.hidden = false;
    next.hidden = false;
    prev.disabled = n <= 1;
    next.textContent = n >= total ? 'Finish the tour' : 'Next →';
    const where = this.querySelector<HTMLElement>('[data-tour-where]')!;
    const after = this.data.steps[n];
    where.textContent = after ? `Next: step ${after.n}, “${after.title}”, ${isHere(after) ? 'on this page' : `on the page “${after.page}”`}.` : 'This is the last step.';
  }

  /** Bring the tour (and the map right below it) into view; `always` even when its top is already on screen. */
  private bringIntoView(always: boolean) {
    const top = this.getBoundingClientRect().top;
    const nav = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--sl-nav-height')) || 64;
    if (!always && top >= nav && top < innerHeight / 2) return;
    // At once, as the map's own reveals do: a long glide down the page would leave the reader behind.
    this.scrollIntoView({ block: 'start', behavior: 'instant' });
  }

  private announce(message: string) {
    // Cleared first, so the same words twice are read twice.
    this.live.textContent = '';
    requestAnimationFrame(() => (this.live.textContent = message));
  }

  go(n: number, from?: HTMLElement) {
    const ref = this.data.steps[n - 1];
    if (!ref) return;
    if (isHere(ref)) return this.show(n, 'step', from);
    remember(n);
    location.assign(ref.url);
  }

  private onClick(event: Event) {
    const target = event.target as HTMLElement;
    const claim = target.closest<HTMLElement>('button[data-tour-claim]');
    if (claim) {
      // A keyboard press (detail 0) takes focus on to the claim's details, as the page's own claim links do.
      this.map?.select(claim.dataset.tourClaim!, { from: 'link', keyboard: (event as MouseEvent).detail === 0 });
      return;
    }
    const button = target.closest<HTMLButtonElement>('button[data-tour-go]');
    if (!button) return;
    const action = button.dataset.tourGo;
    if (action === 'prev') this.go(this.step - 1, button);
    else if (action === 'next' && this.step < this.data.steps.length) this.go(this.step + 1, button);
    else if (action === 'next') this.finish();
    else if (action === 'close') this.close();
  }

  /** After the last step: what to do next, then the tour can be closed. */
  private finish() {
    remember(undefined);
    this.map?.highlight([]);
    history.replaceState(history.state, '', addressWith(undefined));
    this.heading.textContent = 'End of the tour';
    this.querySelector('[data-tour-text]')!.textContent = '';
    this.querySelector('[data-tour-claims]')!.replaceChildren();
    this.querySelector<HTMLElement>('[data-tour-claims-help]')!.hidden = true;
    this.querySelector<HTMLElement>('[data-tour-end]')!.hidden = false;
    this.querySelector<HTMLElement>('[data-tour-go="prev"]')!.hidden = true;
    this.querySelector<HTMLElement>('[data-tour-go="next"]')!.hidden = true;
    this.querySelector('[data-tour-where]')!.textContent = '';
    this.heading.focus({ preventScroll: true });
    this.announce('End of the tour.');
  }

  private close() {
    this.hidden = true;
    this.map?.highlight([]);
    history.replaceState(history.state, '', addressWith(undefined));
    // Focus goes on to the map the tour was showing.
    const mapHeading = this.closest('section')?.querySelector<HTMLElement>('h2');
    if (mapHeading) {
      mapHeading.tabIndex = -1;
      mapHeading.focus();
    }
  }
}

/** The home page's start: "Start the tour", or "Continue at step n" when this device remembers one. */
class GuidedTour extends HTMLElement {
  connectedCallback() {
    const start = this.querySelector<HTMLElement>('[data-tour-start]');
    const links = [...this.querySelectorAll<HTMLAnchorElement>('ol.tour-steps > li > a[data-step]')];
    if (!start || links.length === 0) return;
    start.hidden = false;
    const begin = start.querySelector<HTMLButtonElement>('[data-tour-begin]')!;
    const remembered = rememberedStep();
    const resume = remembered && remembered > 1 ? links[remembered - 1] : undefined;
    if (resume) {
      const cont = start.querySelector<HTMLAnchorElement>('[data-tour-continue]')!;
      cont.href = resume.href;
      cont.textContent = `Continue the tour at step ${remembered} of ${links.length}: ${resume.dataset.title}`;
      cont.hidden = false;
      begin.textContent = 'Start again from step 1';
    }
    begin.addEventListener('click', () => {
      const player = document.querySelector<TourPlayer>('tour-player');
      if (player && new URL(links[0].href).pathname === location.pathname) void player.start(1);
      else location.assign(links[0].href);
    });
  }
}

customElements.define('tour-player', TourPlayer);
customElements.define('guided-tour', GuidedTour);
