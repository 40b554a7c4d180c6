/** The workbench's result table: which list becomes the rows, how nested values become columns. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { resultTable, toCsv, toXlsx } from '../../admin/src/workbench/table';

describe('workbench result table', () => {
  it('takes the first list of objects, depth first, and flattens nested objects into dotted columns', () => {
    const table = resultTable({
      data: {
        inspections: {
          total: 2,
          items: [
            { __typename: 'Inspection', county: { name: '江孜县' }, target: { title: 'A', responsibleCadre: null }, tags: ['x', 'y'], rating: 3 },
            { county: { name: '仲巴县' }, target: { title: 'B, "quoted"', responsibleCadre: { name: '张三' } }, tags: [], rating: 4.5, extra: [{ a: 1 }] },
          ],
        },
        later: [{ ignored: true }],
      },
    })!;
    expect(table.path).toBe('data.inspections.items');
    expect(table.columns).toEqual(['county.name', 'target.title', 'target.responsibleCadre', 'tags', 'rating', 'target.responsibleCadre.name', 'extra']);
    expect(table.rows[0]).toEqual({ 'county.name': '江孜县', 'target.title': 'A', 'target.responsibleCadre': null, tags: 'x; y', rating: 3 });
    expect(table.rows[1].extra).toBe('[{"a":1}]');
    const csv = toCsv(table);
    expect(csv.startsWith('\ufeffcounty.name,target.title,')).toBe(true);
    expect(csv).toContain('"B, ""quoted"""');
    expect(csv.trim().split('\r\n')).toHaveLength(3);
  });

  it('finds a plain list field and answers null when there is no list of objects', () => {
    expect(resultTable({ data: { counties: [{ code: '540222', name: '江孜县' }] } })?.path).toBe('data.counties');
    expect(resultTable({ data: { me: { username: 'analyst' }, codes: ['a'] } })).toBeNull();
    expect(resultTable({ errors: [{ message: 'x' }] })).toBeNull();
  });

  it('writes an XLSX that exceljs reads back with the header row and typed cells', async () => {
    const table = resultTable({ data: { scoreboard: { entries: [{ rank: 1, unitName: '桑珠孜区', red: 0 }, { rank: 2, unitName: '亚东县', red: 1 }] } } })!;
    const blob = await toXlsx(table, 'Score/board:2026');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await blob.arrayBuffer()) as any);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Score_board_2026');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['rank', 'unitName', 'red']);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([2, '亚东县', 1]);
    expect(sheet.rowCount).toBe(3);
  });
});
