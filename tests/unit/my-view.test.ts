/** "My view": the summary of a reader's choices, its Markdown, and the share link's choices. */
import { describe, expect, it } from 'vitest';
import { buildSummary, choicesHash, LABEL_MEANINGS, md, summaryMarkdown, type SummaryInput } from '../../src/lib/my-view.ts';

const input: SummaryInput = {
  title: 'Rowley’s speech',
  link: 'https://example.org/rowley-speech/#accept=b&reject=c',
  date: '2025-03-04',
  claims: [
    { id: 'q', kind: 'question', name: 'The question?', text: 'The question, in full?' },
    { id: 'p', kind: 'position', name: 'A position', text: 'A position, in full.' },
    { id: 'p2', kind: 'position', name: 'Another position', text: 'Another position, in full.' },
    { id: 'b', kind: 'claim', name: 'Blind *spots*', text: 'Companies cause <blind> spots.' },
    { id: 'c', kind: 'evidence', name: 'Evidence', text: 'Some evidence.' },
    { id: 'd', kind: 'claim', name: 'Knock-on', text: 'A claim the choices change.' },
    { id: 'e', kind: 'claim', name: 'Unmoved', text: 'A claim the choices leave alone.' },
  ],
  choices: { c: 'rejected', b: 'accepted' },
  reasons: { b: '  Because the police say so.\nAnd they would know.  ', c: '' },
  before: {
    p: { label: 'UNDEC', strength: 0.5, band: 'balanced' },
    p2: { label: 'IN', strength: 0.7, band: 'strong' },
    b: { label: 'UNDEC', strength: 0.45, band: 'balanced' },
    c: { label: 'IN', strength: 0.5, band: 'balanced' },
    d: { label: 'IN', strength: 0.6, band: 'strong' },
    e: { label: 'IN', strength: 0.5, band: 'balanced' },
  },
  after: {
    p: { label: 'IN', strength: 0.81, band: 'very strong' },
    p2: { label: 'IN', strength: 0.7, band: 'strong' },
    b: { label: 'IN', strength: 1, band: 'very strong' },
    c: { label: 'OUT', strength: 0, band: 'very weak' },
    d: { label: 'OUT', strength: 0.25, band: 'weak' },
    e: { label: 'IN', strength: 0.5, band: 'balanced' },
  },
};

describe('buildSummary', () => {
  const s = buildSummary(input);
  it('lists the choices in the map’s order, with what the map says without them and the reasons, trimmed', () => {
    expect(s.choices.map((c) => [c.id, c.choice, c.before?.label, c.reason])).toEqual([
      ['b', 'accepted', 'UNDEC', 'Because the police say so.\nAnd they would know.'],
      ['c', 'rejected', 'IN', ''],
    ]);
  });
  it('gives every position that was not chosen, saying what it was when the choices changed its label', () => {
    expect(s.positions.map((p) => [p.id, p.now.label, p.was])).toEqual([
      ['p', 'IN', 'UNDEC'],
      ['p2', 'IN', undefined],
    ]);
  });
  it('lists only the other claims whose label changed (never the question, which has no label)', () => {
    expect(s.changed.map((c) => [c.id, c.now.label, c.was])).toEqual([['d', 'OUT', 'IN']]);
  });
});

describe('summaryMarkdown', () => {
  const text = summaryMarkdown(buildSummary(input));
  it('says who, when and where, what each label means, each choice with its reason, and what follows', () => {
    expect(text.startsWith('# My view: Rowley’s speech\n\nName:\n\nDate: 2025-03-04\n\nMap with my choices: <https://example.org/rowley-speech/#accept=b&reject=c>\n')).toBe(true);
    for (const l of LABEL_MEANINGS) expect(text).toContain(`- **${l.words}**: ${l.meaning}`);
    expect(text).toContain('## My choices (2)');
    expect(text).toContain('1. **I accept:** Blind \\*spots\\*\n\n   > Companies cause \\<blind\\> spots.\n\n   Without my choices the map says: ? undecided, strength 0.45 (balanced).\n\n   Why:\n\n   > Because the police say so.\n   > And they would know.');
    expect(text).toContain('2. **I reject:** Evidence');
    expect(text).toContain('   > (no reason written yet)');
    expect(text).toContain('- A position: ✓ stands, strength 0.81 (very strong); without my choices ? undecided');
    expect(text).toContain('- Another position: ✓ stands, strength 0.70 (strong)\n');
    expect(text).toContain('Other claims my choices changed:\n\n- Knock-on: ✗ falls, strength 0.25 (weak); without my choices ✓ stands');
    expect(text).not.toContain('Unmoved');
  });
  it('says so when there are no choices yet', () => {
    const none = summaryMarkdown(buildSummary({ ...input, choices: {}, after: input.before }));
    expect(none).toContain('## My choices (0)');
    expect(none).toContain('I have not accepted or rejected any claim on this map yet.');
    expect(none).toContain('My choices change no other claim’s label.');
  });
});

describe('md', () => {
  it('escapes what Markdown would read as markup, and nothing else', () => {
    expect(md('a *b* _c_ [d](e) <script> `f` # g | h \\ i — “j”')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e) \\<script\\> \\`f\\` \\# g \\| h \\\\ i — “j”');
  });
});

describe('choicesHash', () => {
  it('writes the choices as the map’s address reads them, ids sorted', () => {
    expect(choicesHash({ z: 'accepted', a: 'accepted', m: 'rejected' })).toBe('accept=a,z&reject=m');
    expect(choicesHash({ m: 'rejected' })).toBe('reject=m');
    expect(choicesHash({})).toBe('');
  });
});
