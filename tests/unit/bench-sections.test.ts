/** docs/benchmarks.md sections written by other scripts survive a full `npm run bench` (scripts/bench/sections.ts). */
import { describe, expect, it } from 'vitest';
import { carrySections, replaceSection } from '../../scripts/bench/sections.ts';

const REPORT = '# Benchmarks\n\n## Full build\n\nNumbers.\n\n## Method\n\nHow.\n';

describe('benchmark report sections', () => {
  it('places a new section before the method, then replaces only it', () => {
    const once = replaceSection(REPORT, 'import', '## Import\n\n1 s');
    expect(once).toBe('# Benchmarks\n\n## Full build\n\nNumbers.\n\n<!-- section:import -->\n## Import\n\n1 s\n<!-- /section:import -->\n\n## Method\n\nHow.\n');
    const twice = replaceSection(replaceSection(once, 'other', 'B'), 'import', '## Import\n\n2 s');
    expect(twice).toContain('## Import\n\n2 s\n<!-- /section:import -->');
    expect(twice).not.toContain('1 s');
    expect(twice).toContain('<!-- section:other -->\nB\n<!-- /section:other -->');
  });

  it('carries every section of the old report into a freshly written one', () => {
    const old = replaceSection(replaceSection(REPORT, 'import', 'I'), 'chunks', 'C');
    const fresh = '# Benchmarks\n\n## Full build\n\nNew numbers.\n\n## Method\n\nHow.\n';
    const carried = carrySections(old, fresh);
    expect(carried).toContain('New numbers.');
    expect(carried).toContain('<!-- section:import -->\nI\n<!-- /section:import -->');
    expect(carried).toContain('<!-- section:chunks -->\nC\n<!-- /section:chunks -->');
    expect(carried.indexOf('section:chunks')).toBeLessThan(carried.indexOf('## Method'));
    expect(carrySections(fresh, fresh)).toBe(fresh);
  });
});
