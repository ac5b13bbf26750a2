/** The guided tour: the site's own tour checks out against its content, and a broken tour file says where and why. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSite } from '../../src/graph/index.ts';
import { parseTour, TourError, type TourSite } from '../../src/lib/tour.ts';
import { loadTour, readingOrderSlugs } from '../../src/lib/tour-load.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the site’s tour (content/tour.yaml)', () => {
  it('has 6–10 steps, on pages in the reading order, each highlighting at least one of its claims on its page’s map', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const result = await compileSite({ contentRoot: 'content', cwd: ROOT });
      if (!result.ok) throw new Error('the site’s content does not compile');
      const steps = loadTour(result.graph)!;
      expect(steps.length).toBeGreaterThanOrEqual(6);
      expect(steps.length).toBeLessThanOrEqual(10);
      const order = readingOrderSlugs();
      const positions = steps.map((s) => order.indexOf(s.page));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(steps[0].page).toBe('');
      for (const step of steps) {
        expect(step.text.split(' ').length, step.title).toBeGreaterThan(30);
        expect(step.claims.filter((c) => c.drawn).length, step.title).toBeGreaterThan(0);
      }
      // The first step is the home page's: every one of its claims is on the home page's map.
      expect(steps[0].claims.every((c) => c.drawn)).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('parseTour', () => {
  const site: TourSite = {
    file: 'content/tour.yaml',
    claims: new Map([
      ['question', { label: 'The question', page: '' }],
      ['blind-spots', { label: 'Blind spots', page: 'rowley' }],
      ['target-suspects', { label: 'Target suspects', page: 'org' }],
    ]),
    order: ['', 'rowley', 'org', 'map'],
    drawn: (page) =>
      (({ '': new Set(['question']), rowley: new Set(['blind-spots', 'question']), org: new Set(['target-suspects']), map: new Set(['question', 'blind-spots', 'target-suspects']) }) as Record<string, Set<string>>)[page],
  };
  const step = (title: string, page: string, claims: string[]) => `- title: ${title}\n  page: "${page}"\n  claims: [${claims.join(', ')}]\n  text: Some words.\n`;
  const problems = (source: string) => {
    try {
      parseTour(source, site);
    } catch (error) {
      if (error instanceof TourError) return error.message;
      throw error;
    }
    return '';
  };

  it('reads the steps, numbers them from 1 and says which claims the step’s page draws', () => {
    const steps = parseTour(step('Start', '', ['question', 'blind-spots']) + step('The police', 'rowley', ['blind-spots']), site);
    expect(steps.map((s) => [s.n, s.title, s.page])).toEqual([
      [1, 'Start', ''],
      [2, 'The police', 'rowley'],
    ]);
    expect(steps[0].claims).toEqual([
      { id: 'question', label: 'The question', home: '', drawn: true },
      { id: 'blind-spots', label: 'Blind spots', home: 'rowley', drawn: false },
    ]);
  });

  it('names the file, the line, the step and the unknown claim, with a guess', () => {
    const message = problems(step('Start', '', ['question']) + step('The police', 'rowley', ['blind-spot']));
    expect(message).toContain('content/tour.yaml:7 step 2 ("The police") names unknown claim `blind-spot`');
    expect(message).toContain('Did you mean `blind-spots`?');
  });

  it('refuses pages out of the reading order, pages not in it, and steps whose page draws none of their claims', () => {
    expect(problems(step('Campaigners', 'org', ['target-suspects']) + step('Police', 'rowley', ['blind-spots']))).toMatch(/:6 step 2 \("Police"\) is on page "rowley", which comes before/);
    expect(problems(step('Nowhere', 'teach', ['question']))).toMatch(/:2 step 1 \("Nowhere"\) names page "teach", which is not in the reading order/);
    expect(problems(step('Start', '', ['target-suspects']))).toMatch(/the map of page "" draws none of its claims/);
  });

  it('reports a step without a title, text or claims, and a file that is not a list', () => {
    expect(problems('- page: ""\n  claims: []\n')).toMatch(/step 1 has no title[\s\S]*step 1 has no text[\s\S]*step 1 lists no claims/);
    expect(problems('title: not a list\n')).toMatch(/^content\/tour.yaml:1 the tour must be a list of steps/);
    expect(problems('- title: [unclosed\n')).toMatch(/^content\/tour.yaml:\d+ /);
  });
});
