/** Filter and Download menus: one open at a time, closed by Escape or a click elsewhere, never off the column. */
export function wireMenus(root: HTMLElement, onOpen: () => void) {
  const menus = () => [...root.querySelectorAll<HTMLDetailsElement>('details.map-menu')];
  const closeAll = (except?: HTMLDetailsElement) => menus().forEach((menu) => menu !== except && (menu.open = false));
  for (const menu of menus()) {
    menu.addEventListener('toggle', () => {
      if (!menu.open) return;
      closeAll(menu);
      onOpen();
      // Open rightwards unless that would run past the map's column; then leftwards.
      const panel = menu.querySelector<HTMLElement>('.map-menu-panel');
      if (!panel) return;
      panel.classList.remove('opens-left');
      if (panel.getBoundingClientRect().right > root.getBoundingClientRect().right) panel.classList.add('opens-left');
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
    closeAll((inside as HTMLDetailsElement | null) ?? undefined);
  });
  return { closeAll: () => closeAll() };
}
