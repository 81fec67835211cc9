// `lockscope parse --summary | --markdown | --svg` over the real parser and a log built from
// corpus reports (read in place).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupReports } from '../../logs';
import { buildCorpusLog, corpusLogAvailable } from '../../logs/test-log';
import { parseText } from '../../parse';
import { LOCKDEP_CIRCULAR_SAMPLE } from '../../render/fixtures';
import { markdownBlocks } from '../../render/markdown-structure';
import { memoryIO } from '../io';
import { main } from '../main';

const dir = mkdtempSync(join(tmpdir(), 'lockscope-exports-'));
const file = (name: string, data: string) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

async function run(argv: string[], stdin = '') {
  const m = memoryIO(stdin);
  const code = await main(['parse', ...argv], m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('lockscope parse --summary', () => {
  it('prints one line per group of duplicates, the same on stdin', async () => {
    const text = `${LOCKDEP_CIRCULAR_SAMPLE}noise\n${LOCKDEP_CIRCULAR_SAMPLE}`;
    const r = await run(['--summary'], text);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const [count, key, title, where] = lines[0]!.split('\t');
    expect(count).toBe('2');
    expect(key).toBe('cycle: &frob->queue_mutex | &frob->state_lock | frob_list_lock');
    expect(title).toBe('possible deadlock in frob_update');
    const reports = parseText(text).reports;
    expect(where).toBe(reports.map((x) => `${x.lines.start}-${x.lines.end}`).join(','));
  });

  it('names the file of each occurrence when several files are read', async () => {
    const a = file('a.log', LOCKDEP_CIRCULAR_SAMPLE);
    const b = file('b.log', `x\n${LOCKDEP_CIRCULAR_SAMPLE}`);
    const r = await run(['--summary', a, b]);
    expect(r.stdout.split('\t')[3]!.trim()).toMatch(new RegExp(`^${a}:\\d+-\\d+,${b}:\\d+-\\d+$`));
  });

  it('--json is the --json object plus "groups"', async () => {
    const p = file('one.log', LOCKDEP_CIRCULAR_SAMPLE + LOCKDEP_CIRCULAR_SAMPLE);
    const plain = JSON.parse((await run(['--json', p])).stdout);
    const summary = JSON.parse((await run(['--summary', '--json', p])).stdout);
    const { groups, ...rest } = summary;
    expect(rest).toEqual(plain);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 2, reports: [0, 1], basis: 'cycle' });
    expect(groups[0].occurrences.map((o: { file: string }) => o.file)).toEqual([p, p]);
  });

  it('refuses --summary with a graph output, and exits 1 when there is nothing', async () => {
    const r = await run(['--summary', '--svg'], LOCKDEP_CIRCULAR_SAMPLE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--summary prints text or JSON, not --svg');
    const none = await run(['--summary'], 'no report here\n');
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
  });

  it.runIf(corpusLogAvailable())(
    'groups a corpus log: same deadlock from two functions',
    async () => {
      const text = buildCorpusLog();
      const r = await run(['--summary'], text);
      const groups = groupReports(parseText(text).reports);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.map((l) => l.split('\t')[1])).toEqual(groups.map((g) => g.key));
      expect(lines.map((l) => Number(l.split('\t')[0]))).toEqual([3, 2, 1, 1, 1, 1]);
    },
  );
});

describe('lockscope parse --markdown / --svg / --dot of a log', () => {
  it('--markdown writes each report under its own heading, separated by a rule', async () => {
    const r = await run(['--markdown'], LOCKDEP_CIRCULAR_SAMPLE + LOCKDEP_CIRCULAR_SAMPLE);
    expect(r.code).toBe(0);
    const blocks = markdownBlocks(r.stdout);
    const h2 = blocks.filter((b) => b.type === 'heading' && b.level === 2);
    expect(h2).toHaveLength(2);
    expect(blocks.filter((b) => b.type === 'paragraph' && b.text === '---')).toHaveLength(1);
  });

  it('--svg draws every class of the merged graph', async () => {
    const r = await run(['--svg'], LOCKDEP_CIRCULAR_SAMPLE);
    expect(r.stdout.startsWith('<svg ')).toBe(true);
    expect(r.stdout.match(/<g class="node[ "]/g)).toHaveLength(3);
  });

  const hasDot = spawnSync('dot', ['-V']).status === 0;
  it.runIf(hasDot && corpusLogAvailable())('--dot of a corpus log is valid Graphviz', async () => {
    const r = await run(['--dot'], buildCorpusLog());
    const dot = spawnSync('dot', ['-Tsvg'], { input: r.stdout, encoding: 'utf8' });
    expect(dot.stderr).toBe('');
    expect(dot.status).toBe(0);
  });
});
