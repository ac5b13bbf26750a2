/**
 * What the reader has chosen, kept in the URL hash (`#claim=id&accept=a,b&reject=c`) so a view can be
 * shared, and in localStorage so it survives a reload.
 */
import type { Choice } from './map-data.ts';

const STORAGE_KEY = 'argument-map:choices';

export interface ViewState {
  selected?: string;
  choices: Record<string, Choice>;
}

export function readState(): ViewState {
  const params = new URLSearchParams(location.hash.slice(1));
  const choices: Record<string, Choice> = {};
  const fromHash = params.has('accept') || params.has('reject');
  if (fromHash) {
    for (const id of (params.get('accept') ?? '').split(',').filter(Boolean)) choices[id] = 'accepted';
    for (const id of (params.get('reject') ?? '').split(',').filter(Boolean)) choices[id] = 'rejected';
  } else {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
      // Only well-formed choices: storage is the reader's device, and anything may have been left there.
      if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
        for (const [id, choice] of Object.entries(stored)) if (choice === 'accepted' || choice === 'rejected') choices[id] = choice;
      }
    } catch {
      /* storage unavailable or corrupt: start fresh */
    }
  }
  return { selected: params.get('claim') ?? undefined, choices };
}

export function writeState(state: ViewState): void {
  const params = new URLSearchParams();
  if (state.selected) params.set('claim', state.selected);
  const ids = (c: Choice) => Object.keys(state.choices).filter((id) => state.choices[id] === c).sort().join(',');
  if (ids('accepted')) params.set('accept', ids('accepted'));
  if (ids('rejected')) params.set('reject', ids('rejected'));
  const hash = params.toString().replace(/%2C/g, ',');
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state.choices));
  } catch {
    /* private mode: the URL still carries the state */
  }
}
