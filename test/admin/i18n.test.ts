import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import zhMessages from '../../admin/src/i18n/zh';
import enMessages from '../../admin/src/i18n/en';

const keys = (obj: Record<string, any>, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('console messages', () => {
  it('zh.ts has every react-admin key of ra-language-english, and no empty message', () => {
    const zh = new Set(keys(zhMessages));
    const missing = keys(englishMessages).filter((k) => !zh.has(k));
    expect(missing).toEqual([]);
    const empty = keys(zhMessages).filter((k) => k !== 'ra.boolean.null' && !String(k.split('.').reduce((o: any, p) => o[p], zhMessages)).trim());
    expect(empty).toEqual([]);
  });

  it('zh.ts and en.ts have the same keys', () => {
    const zh = keys(zhMessages).sort();
    const en = keys(enMessages).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('every enum the console shows has all its schema values translated in both languages', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const sdl = readFileSync('schema/schema.graphql', 'utf8');
    const sources = (readdirSync('admin/src', { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx'));
    const used = new Set(sources.flatMap((f) => [...readFileSync(`admin/src/${f}`, 'utf8').matchAll(/enumName="(\w+)"/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(10);
    const enums = [...sdl.matchAll(/^enum (\w+) \{([^}]*)\}/gm)]
      .filter(([, name]) => used.has(name))
      .map(([, name, body]) => [name, [...body.matchAll(/^\s+([A-Z_]+)\s*$/gm)].map((m) => m[1])] as const);
    const missing: string[] = [];
    for (const [name, values] of enums) {
      for (const value of values) {
        for (const [lang, messages] of [['zh', zhMessages], ['en', enMessages]] as const) {
          if (!(messages as any).enums?.[name]?.[value]) missing.push(`${lang}: enums.${name}.${value}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
