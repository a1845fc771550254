import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/check.js';
import { configuredSeverity, loadConfig } from '../src/config.js';
import { parseConfig } from '../src/config-schema.js';
import { UsageError } from '../src/errors.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

describe('configuration', () => {
  it('sets a rule off or changes its severity; the rule id wins over its family', () => {
    const c = parseConfig({ rules: { distribution: 'warning', 'distribution/sum-mismatch': 'off' } }, 't');
    expect(configuredSeverity(c, 'distribution/sum-mismatch', 'error')).toBe('off');
    expect(configuredSeverity(c, 'distribution/outside-period', 'error')).toBe('warning');
    expect(configuredSeverity(c, 'cap/pool-exceeded', 'error')).toBe('error');
  });

  it('refuses unknown keys and bad severities as usage errors naming the field', () => {
    expect(() => parseConfig({ rules: { 'x/y': 'loud' } }, 't')).toThrow(UsageError);
    expect(() => parseConfig({ rulez: {} }, 't')).toThrow(/rulez|Unrecognized/);
  });

  it('applies to a check: severities, rules off, and pool overrides', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-config-'));
    const file = join(dir, 'b.xlsx');
    await writeXlsx(budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1440000 }, ...CLEAN_LINES.slice(1)] }).wb, file);
    const base = await checkFile(file, {});
    expect(base.findings.find((f) => f.rule === 'distribution/sum-mismatch')?.severity).toBe('error');

    const off = await checkFile(file, { config: parseConfig({ rules: { 'distribution/sum-mismatch': 'off' } }, 't') });
    expect(off.findings.some((f) => f.rule === 'distribution/sum-mismatch')).toBe(false);

    const warn = await checkFile(file, { config: parseConfig({ rules: { distribution: 'warning' } }, 't') });
    expect(warn.findings.find((f) => f.rule === 'distribution/sum-mismatch')?.severity).toBe('warning');

    const small = await checkFile(file, { config: parseConfig({ pools: { 'recovery-2019': { funds: 1_000_000 } } }, 't') });
    expect(small.findings.some((f) => f.rule === 'cap/pool-exceeded')).toBe(true);

    await expect(checkFile(file, { config: parseConfig({ pools: { 'recovery-2019': { funds: 'many' } } }, 't') })).rejects.toThrow(UsageError);
  });

  it('loads budgettjek.config.json from the working directory, or --config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-config-'));
    expect((await loadConfig(undefined, dir)).rules).toEqual({});
    writeFileSync(join(dir, 'budgettjek.config.json'), JSON.stringify({ rules: { itemisation: 'off' }, lang: 'en' }));
    expect(await loadConfig(undefined, dir)).toMatchObject({ rules: { itemisation: 'off' }, lang: 'en' });
    writeFileSync(join(dir, 'other.yaml'), 'failOn: warning\n');
    expect((await loadConfig('other.yaml', dir)).failOn).toBe('warning');
    writeFileSync(join(dir, 'broken.json'), '{ nope');
    await expect(loadConfig('broken.json', dir)).rejects.toThrow(UsageError);
  });
});
