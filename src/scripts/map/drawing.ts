/**
 * The drawing on the page: the static SVG the page ships, replaced by the interactive canvas once the map
 * scrolls into view (or something needs it). Both answer the same questions: where is a claim drawn, which
 * one is selected.
 */
import type { MapCanvas } from '../map-canvas.ts';
import type { MapData } from '../map-data.ts';

export class Drawing {
  canvas?: MapCanvas;
  private loading?: Promise<MapCanvas | undefined>;
  private readonly stage: HTMLElement;
  private readonly staticMap: HTMLElement;
  private readonly host: HTMLElement;

  private readonly data: MapData;
  private readonly onSelect: (id: string | undefined) => void;
  private readonly onReady: (canvas: MapCanvas) => void;

  constructor(root: HTMLElement, data: MapData, onSelect: (id: string | undefined) => void, onReady: (canvas: MapCanvas) => void) {
    this.data = data;
    this.onSelect = onSelect;
    this.onReady = onReady;
    this.stage = root.querySelector<HTMLElement>('[data-stage]')!;
    this.staticMap = root.querySelector<HTMLElement>('[data-static]')!;
    this.host = root.querySelector<HTMLElement>('[data-canvas]')!;
    // Without the canvas, a click on a drawn claim still selects it.
    this.staticMap.addEventListener('click', (event) => {
      const drawn = (event.target as Element).closest<SVGGElement>('[data-id]');
      if (drawn) this.onSelect(drawn.dataset.claim ?? drawn.dataset.id);
    });
  }

  /** Is the drawing on screen at all (it starts folded away on phones)? */
  shown(): boolean {
    return this.stage.checkVisibility();
  }

  loadWhenVisible() {
    // The map comes after the page's prose: where the drawing shows (not on phones, where it opens on request),
    // fetch and evaluate the canvas module while the browser is idle, so that reaching the map only draws it.
    if (this.shown()) {
      const warm = () => void import('../map-canvas.ts').catch(() => undefined);
      const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(warm, { timeout: 5000 }) : setTimeout(warm, 2000));
      if (document.readyState === 'complete') idle();
      else addEventListener('load', idle, { once: true });
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          void this.load();
        }
      },
      { rootMargin: '300px' },
    );
    observer.observe(this.stage);
  }

  load(): Promise<MapCanvas | undefined> {
    this.loading ??= import('../map-canvas.ts')
      .then(({ createCanvas }) => {
        const hadFocus = this.staticMap.contains(document.activeElement);
        this.host.hidden = false;
        this.canvas = createCanvas(this.host, this.data, this.onSelect);
        // The interactive map takes the static drawing's place (and its keyboard focus, if it had it).
        this.staticMap.hidden = true;
        if (hadFocus) this.host.focus({ preventScroll: true });
        this.onReady(this.canvas);
        return this.canvas;
      })
      .catch((error: unknown) => {
        console.error('The interactive map could not load; the drawing stays.', error);
        return undefined;
      });
    return this.loading;
  }

  withCanvas(run: (canvas: MapCanvas) => void) {
    void this.load().then((canvas) => canvas && run(canvas));
  }

  /** Mark a claim selected on whichever drawing is showing; `reveal` brings it into the canvas's view. */
  select(id: string | undefined, reveal: boolean) {
    for (const g of this.staticMap.querySelectorAll('.is-selected')) g.classList.remove('is-selected');
    if (id) for (const g of this.staticMap.querySelectorAll(`[data-id="${CSS.escape(id)}"], [data-claim="${CSS.escape(id)}"]`)) g.classList.add('is-selected');
    this.canvas?.select(id, reveal);
  }

  /** Where a claim is drawn now, in viewport coordinates. */
  box(id: string): DOMRect | undefined {
    if (!this.shown()) return undefined;
    const b = this.canvas?.nodeBox(id);
    if (b) return new DOMRect(b.x, b.y, b.width, b.height);
    if (this.canvas) return undefined;
    const g = this.staticMap.querySelector<SVGGElement>(`g[data-id="${CSS.escape(id)}"]`);
    return g?.getBoundingClientRect();
  }

  /** Which half of the drawing a claim is in, so the panel can open over the other half. */
  side(id: string): 'left' | 'right' {
    const node = this.data.view.nodes.find((n) => n.id === id);
    return node && node.x > this.data.view.width / 2 ? 'right' : 'left';
  }
}
