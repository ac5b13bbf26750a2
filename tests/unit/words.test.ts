/** How relations and names read in sentences. */
import { describe, expect, it } from 'vitest';
import { quoteName, relationSentence } from '../../src/graph/words.ts';

describe('quoteName', () => {
  it('puts a name in curly quotes', () => {
    expect(quoteName('Companies cause blind spots')).toBe('“Companies cause blind spots”');
  });

  it('never doubles the quotation marks of a label that is a quotation', () => {
    expect(quoteName('"That is what is going on in the virtual world"')).toBe('“That is what is going on in the virtual world”');
    expect(quoteName('“Already curly”')).toBe('“Already curly”');
  });

  it('turns quotation marks inside a label into single ones', () => {
    expect(quoteName('Social media is an "immature business sector"')).toBe('“Social media is an ‘immature business sector’”');
  });
});

describe('relationSentence', () => {
  const name = (id: string) => id.toUpperCase();
  it('reads each role of a relation as a sentence', () => {
    expect(relationSentence({ edge: 'e', kind: 'supports', role: 'source', others: ['b'] }, name)).toBe('supports “B”');
    expect(relationSentence({ edge: 'e', kind: 'attacks', role: 'target', others: ['b'] }, name)).toBe('is attacked by “B”');
    expect(relationSentence({ edge: 'e', kind: 'frames', role: 'source', others: ['b'] }, name)).toBe('frames “B”');
    expect(relationSentence({ edge: 'e', kind: 'undercuts', role: 'undercutter', others: ['a', 'b'], undercut: 'supports' }, name)).toBe('undercuts the support of “A” for “B”');
    expect(relationSentence({ edge: 'e', kind: 'undercuts', role: 'undercut', others: ['b', 'c'], undercut: 'attacks' }, name)).toBe('has its attack of “B” undercut by “C”');
  });
});
