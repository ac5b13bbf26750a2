/**
 * `<my-view>`: the "My view" dialog of a map. Only the button's wiring loads with the page; the dialog's work
 * (evaluating the map, the summary, print, Markdown, the share link) loads when the reader first opens it.
 */
class MyView extends HTMLElement {
  connectedCallback() {
    const map = this.closest('argument-map');
    const open = map?.querySelector<HTMLButtonElement>('[data-my-view-open]');
    if (!map || !open || open.dataset.wired) return;
    open.dataset.wired = '';
    open.addEventListener('click', async () => {
      const { openMyView } = await import('./my-view-dialog.ts');
      await openMyView(this, map as HTMLElement);
    });
  }
}

customElements.define('my-view', MyView);
