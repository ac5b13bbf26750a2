/**
 * The outline as a WAI-ARIA tree: one tab stop, arrow keys move, Right/Left open and close,
 * Home/End jump, Enter or Space selects. Labels from "Test your view" show beside each claim.
 * It opens with its top levels showing; "Expand all" opens every level, and the choice is remembered.
 */
import { LABEL_WORDS, type Label } from './map-data.ts';

const EXPANDED_KEY = 'argument-map:outline-expanded';
/** Levels open when the outline first shows (the question, the positions and their direct reasons). */
const TOP_LEVELS = 2;

export class OutlineTree {
  private root: HTMLElement;
  private onSelect: (id: string, how: 'pointer' | 'keyboard') => void;

  constructor(root: HTMLElement, onSelect: (id: string, how: 'pointer' | 'keyboard') => void) {
    this.root = root;
    this.onSelect = onSelect;
    const items = this.items();
    // Links stay for no-JS readers; with JS the tree item itself is the control.
    root.querySelectorAll('a').forEach((a) => a.setAttribute('tabindex', '-1'));
    items.forEach((item, i) => item.setAttribute('tabindex', i === 0 ? '0' : '-1'));
    root.addEventListener('keydown', (e) => this.onKey(e));
    root.addEventListener('click', (e) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
      if (!item) return;
      e.preventDefault();
      this.activate(item, 'pointer');
    });
  }

  /** Every level open, or only the top ones; remembered on the device. */
  setExpanded(all: boolean, remember: boolean) {
    for (const item of this.items()) {
      if (!item.hasAttribute('aria-expanded')) continue;
      item.setAttribute('aria-expanded', String(all || Number(item.getAttribute('aria-level')) <= TOP_LEVELS));
    }
    if (!remember) return;
    try {
      localStorage.setItem(EXPANDED_KEY, all ? 'all' : 'top');
    } catch {
      /* storage may be off: the choice lasts for this page */
    }
  }

  /** The reader's last choice: every level open? */
  static rememberedExpanded(): boolean {
    try {
      return localStorage.getItem(EXPANDED_KEY) === 'all';
    } catch {
      return false;
    }
  }

  private items = () => [...this.root.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  /** Items not inside a collapsed parent. */
  private visible = () => this.items().filter((item) => !item.parentElement?.closest('[aria-expanded="false"]'));

  private focus(item: HTMLElement | undefined) {
    if (!item) return;
    this.items().forEach((i) => i.setAttribute('tabindex', i === item ? '0' : '-1'));
    item.focus();
  }

  /** Move keyboard focus to a claim's full item (e.g. when the panel it opened is closed). */
  focusClaim(id: string) {
    this.focus(this.items().find((i) => i.dataset.id === id && !i.classList.contains('is-ref')));
  }

  private activate(item: HTMLElement, how: 'pointer' | 'keyboard') {
    this.focus(item);
    this.onSelect(item.dataset.id!, how);
  }

  /** The item a selection came from, to give focus back to. */
  itemFor(id: string): HTMLElement | undefined {
    return this.items().find((i) => i.dataset.id === id && !i.classList.contains('is-ref'));
  }

  private onKey(e: KeyboardEvent) {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    const visible = this.visible();
    const index = visible.indexOf(item);
    const expanded = item.getAttribute('aria-expanded');
    const parent = item.parentElement?.closest<HTMLElement>('[role="treeitem"]') ?? undefined;
    const handled = () => e.preventDefault();
    switch (e.key) {
      case 'ArrowDown': handled(); this.focus(visible[index + 1]); break;
      case 'ArrowUp': handled(); this.focus(visible[index - 1]); break;
      case 'Home': handled(); this.focus(visible[0]); break;
      case 'End': handled(); this.focus(visible.at(-1)); break;
      case 'ArrowRight':
        handled();
        if (expanded === 'false') item.setAttribute('aria-expanded', 'true');
        else if (expanded === 'true') this.focus(item.querySelector<HTMLElement>('[role="treeitem"]') ?? undefined);
        break;
      case 'ArrowLeft':
        handled();
        if (expanded === 'true') item.setAttribute('aria-expanded', 'false');
        else this.focus(parent);
        break;
      case 'Enter':
      case ' ':
        handled();
        this.activate(item, 'keyboard');
        break;
    }
  }

  /** Mark the claim's full (non-reference) item selected; optionally move focus there. */
  setSelected(id: string | undefined, reveal: boolean) {
    let target: HTMLElement | undefined;
    for (const item of this.items()) {
      const on = id !== undefined && item.dataset.id === id;
      item.setAttribute('aria-selected', String(on));
      if (on && !item.classList.contains('is-ref')) target = item;
    }
    if (target && reveal) {
      // Open every collapsed ancestor so the selection can be seen.
      for (let p = target.parentElement?.closest<HTMLElement>('[role="treeitem"]'); p; p = p.parentElement?.closest<HTMLElement>('[role="treeitem"]')) {
        if (p.getAttribute('aria-expanded') === 'false') p.setAttribute('aria-expanded', 'true');
      }
      this.items().forEach((i) => i.setAttribute('tabindex', i === target ? '0' : '-1'));
    }
  }

  showLabels(labels: Record<string, Label> | undefined) {
    for (const item of this.items()) {
      const badge = item.querySelector<HTMLElement>(':scope > .outline-row [data-label]');
      if (!badge) continue;
      const label = labels?.[item.dataset.id!];
      badge.hidden = !label;
      badge.textContent = label ? LABEL_WORDS[label] : '';
      badge.className = `outline-label${label ? ` label-${label}` : ''}`;
    }
  }
}
