/**
 * The "My view" dialog: the reader's choices on this map (from the address or this device, as the map keeps
 * them), the labels and strengths they lead to, a "Why?" box for each choice (kept on this device), and the
 * hand-in: a one-page printout, the same as a Markdown file, and a link that carries the choices.
 */
import {
  buildSummary,
  CHOICE_RULE,
  CHOICE_WORDS,
  choicesHash,
  LABEL_MEANINGS,
  readingWords,
  summaryMarkdown,
  type Reading,
  type SummaryClaim,
  type ViewSummary,
} from '../../lib/my-view.ts';
import { evaluateMap } from '../map/evaluation.ts';
import { el, LABEL_WORDS, type MapData } from '../map-data.ts';
import { readState } from '../state.ts';

const REASONS_KEY = 'argument-map:reasons';

function readReasons(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(REASONS_KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function saveReason(id: string, text: string) {
  const reasons = readReasons();
  if (text.trim()) reasons[id] = text;
  else delete reasons[id];
  try {
    localStorage.setItem(REASONS_KEY, JSON.stringify(reasons));
  } catch {
    /* storage may be off: the reason lasts while the dialog is open, and goes into the printout and download */
  }
}

/** This map's claims, choices and readings, put into words. */
async function gather(map: HTMLElement): Promise<ViewSummary> {
  const data = JSON.parse(map.querySelector('[data-map-json]')!.textContent ?? '{}') as MapData;
  const name = (id: string) => data.view.nodes.find((n) => n.id === id)?.lines.join(' ') ?? id;
  // Each claim's full text is in the outline's full (non-reference) item.
  const textOf = (id: string) => map.querySelector(`[role="treeitem"]:not(.is-ref)[data-id="${CSS.escape(id)}"] .outline-text`)?.textContent?.trim() || name(id);
  const claims: SummaryClaim[] = data.view.nodes.map((n) => ({ id: n.id, kind: n.kind, name: name(n.id), text: textOf(n.id) }));
  const onMap = new Set(claims.map((c) => c.id));
  const choices = Object.fromEntries(Object.entries(readState().choices).filter(([id]) => onMap.has(id)));
  const readings = async (chosen: typeof choices) => {
    const { readings } = await evaluateMap(data, chosen, name);
    return Object.fromEntries(Object.entries(readings).map(([id, r]): [string, Reading] => [id, { label: r.label, strength: r.strength, band: r.band }]));
  };
  const hash = choicesHash(choices);
  return buildSummary({
    title: document.title.split('|')[0].trim(),
    link: `${location.origin}${location.pathname}${hash ? `#${hash}` : ''}`,
    date: new Date().toLocaleDateString('en-CA'),
    claims,
    choices,
    reasons: readReasons(),
    before: await readings({}),
    after: await readings(choices),
  });
}

/** The parts shared by the dialog and the printout: the labels' meanings and what follows from the choices. */
function meanings(level: 'h2' | 'h3') {
  return [el(level, {}, 'What the labels mean'), el('ul', { className: 'my-view-meanings' }, ...LABEL_MEANINGS.map((l) => el('li', {}, el('strong', {}, l.words), `: ${l.meaning}`)))];
}

function follows(s: ViewSummary, level: 'h2' | 'h3') {
  const out: HTMLElement[] = [el(level, {}, 'What follows on this map')];
  if (s.positions.length) {
    out.push(
      el('p', {}, 'The positions:'),
      el('ul', {}, ...s.positions.map((p) => el('li', {}, el('span', { className: 'my-view-name' }, p.name), `: ${readingWords(p.now)}${p.was ? `; without my choices ${LABEL_WORDS[p.was]}` : ''}`))),
    );
  }
  out.push(el('p', {}, s.changed.length ? 'Other claims my choices changed:' : 'My choices change no other claim’s label.'));
  if (s.changed.length) out.push(el('ul', {}, ...s.changed.map((c) => el('li', {}, el('span', { className: 'my-view-name' }, c.name), `: ${readingWords(c.now)}; without my choices ${LABEL_WORDS[c.was!]}`))));
  return out;
}

/** The one-page printout: the same content as the Markdown file. */
function printout(s: ViewSummary): HTMLElement {
  const choices = s.choices.length
    ? el(
        'ol',
        { className: 'my-view-choices' },
        ...s.choices.map((c) =>
          el(
            'li',
            {},
            el('p', {}, el('strong', {}, `${CHOICE_WORDS[c.choice]}: `), c.name),
            el('blockquote', {}, c.text),
            ...(c.before ? [el('p', {}, `Without my choices the map says: ${readingWords(c.before)}.`)] : []),
            el('p', { className: 'my-view-why' }, el('strong', {}, 'Why: '), c.reason || '(no reason written yet)'),
          ),
        ),
      )
    : el('p', {}, 'I have not accepted or rejected any claim on this map yet.');
  return el(
    'article',
    { className: 'my-view-print' },
    el('h1', {}, `My view: ${s.title}`),
    el('p', {}, 'Name: ', el('span', { className: 'my-view-blank' })),
    el('p', {}, `Date: ${s.date}`),
    el('p', {}, 'Map with my choices: ', el('span', { className: 'my-view-link' }, s.link)),
    ...meanings('h2'),
    el('h2', {}, `My choices (${s.choices.length})`),
    el('p', {}, CHOICE_RULE),
    choices,
    ...follows(s, 'h2'),
  );
}

function print(s: ViewSummary) {
  document.querySelector('.my-view-print')?.remove();
  document.body.append(printout(s));
  // print.css shows only the printout while this attribute is set.
  document.documentElement.dataset.print = 'my-view';
  addEventListener(
    'afterprint',
    () => {
      delete document.documentElement.dataset.print;
      document.querySelector('.my-view-print')?.remove();
    },
    { once: true },
  );
  window.print();
}

function download(s: ViewSummary) {
  const url = URL.createObjectURL(new Blob([summaryMarkdown(s)], { type: 'text/markdown;charset=utf-8' }));
  const slug = location.pathname.split('/').filter(Boolean).at(-1) ?? 'home';
  const a = el('a', { href: url, download: `my-view-${slug.replace(/[^a-z0-9-]+/gi, '-')}.md` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copy(link: string, input: HTMLInputElement): Promise<string> {
  try {
    await navigator.clipboard.writeText(link);
    return 'Link copied. It carries your choices, not your reasons.';
  } catch {
    input.focus();
    input.select();
    return 'The browser would not copy: the link is selected, so press Ctrl+C (⌘+C on a Mac) to copy it.';
  }
}

/** A text field (built by hand: `el('input', …)` makes TypeScript's inference give up, TS2590). */
function field<K extends 'input' | 'textarea'>(tag: K, id: string, value: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.id = id;
  node.value = value;
  if (node instanceof HTMLTextAreaElement) node.rows = 3;
  return node;
}

function label(target: string, text: string): HTMLLabelElement {
  const node = document.createElement('label');
  node.htmlFor = target;
  node.textContent = text;
  return node;
}

/** The dialog's content for the summary `s`, with a "Why?" box for each choice. */
function dialogBody(s: ViewSummary, status: HTMLElement): HTMLElement[] {
  const intro = el('p', {}, 'Your choices on this map, what they lead to, and why you made them. Your reasons are kept on this device only; nothing is sent anywhere.');
  const choices = s.choices.length
    ? el(
        'ol',
        { className: 'my-view-choices' },
        ...s.choices.map((c, i) => {
          const box = field('textarea', `my-view-why-${i}`, c.reason);
          box.addEventListener('input', () => {
            c.reason = box.value.trim();
            saveReason(c.id, box.value);
          });
          return el(
            'li',
            {},
            el('p', {}, el('strong', {}, `${CHOICE_WORDS[c.choice]}: `), c.name),
            el('p', { className: 'my-view-text' }, c.text),
            ...(c.before ? [el('p', {}, `Without your choices the map says: ${readingWords(c.before)}.`)] : []),
            label(box.id, `Why do you ${c.choice === 'accepted' ? 'accept' : 'reject'} it?`),
            box,
          );
        }),
      )
    : el('p', { className: 'my-view-empty' }, 'You have not accepted or rejected any claim on this map yet. Press ', el('strong', {}, 'Test your view'), ', select a claim and choose Accept or Reject; then open My view again.');

  const link = field('input', 'my-view-link', s.link);
  Object.assign(link, { type: 'text', readOnly: true });
  link.setAttribute('aria-describedby', 'my-view-link-note');
  const button = (text: string, run: () => void | Promise<void>) => {
    const b = el('button', { type: 'button' }, text);
    b.addEventListener('click', () => void run());
    return b;
  };
  const say = (message: string) => {
    status.textContent = '';
    requestAnimationFrame(() => (status.textContent = message));
  };
  return [
    intro,
    ...meanings('h3'),
    el('h3', {}, `My choices (${s.choices.length})`),
    el('p', {}, CHOICE_RULE),
    choices,
    ...follows(s, 'h3'),
    el('h3', {}, 'Hand it in'),
    el(
      'div',
      { className: 'my-view-actions' },
      button('Print (one page)', () => print(s)),
      button('Download as Markdown', () => {
        download(s);
        say('Markdown file downloaded.');
      }),
    ),
    label(link.id, 'Link to this map with your choices'),
    el('div', { className: 'my-view-share' }, link, button('Copy link', async () => say(await copy(s.link, link)))),
    el('p', { id: 'my-view-link-note', className: 'my-view-note' }, 'The link carries your view: whoever opens it sees this map with your choices and the labels they lead to. Your reasons do not travel in the link; they are in the printout and the Markdown file.'),
  ];
}

export async function openMyView(root: HTMLElement, map: HTMLElement) {
  const dialog = root.querySelector<HTMLDialogElement>('dialog')!;
  const status = dialog.querySelector<HTMLElement>('[data-my-view-status]')!;
  if (!dialog.dataset.wired) {
    dialog.dataset.wired = '';
    dialog.querySelector('[data-my-view-close]')!.addEventListener('click', () => dialog.close());
  }
  const summary = await gather(map);
  dialog.querySelector('[data-my-view-body]')!.replaceChildren(...dialogBody(summary, status));
  status.textContent = '';
  dialog.showModal();
  dialog.querySelector<HTMLElement>('#my-view-heading')!.focus();
}
