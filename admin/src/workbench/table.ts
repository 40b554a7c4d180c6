/**
 * A result as a table: the first list of objects in it (depth first, in field order:
 * `data.x.items`, `data.x.entries`, a plain list field), one row per object, nested objects
 * flattened into dotted columns (`county.name`), lists of scalars joined with "; ", lists of
 * objects kept as JSON. Exported as CSV (with a BOM, so Excel and WPS read UTF-8) or XLSX
 * (written by exceljs).
 */
export interface ResultTable {
  /** Where the list was found, e.g. `data.scoreboard.entries`. */
  path: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function findList(value: unknown, path: string): { path: string; list: Record<string, unknown>[] } | null {
  if (Array.isArray(value)) {
    if (value.some(isObject)) return { path, list: value.filter(isObject) };
    return null;
  }
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const found = findList(child, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

function flatten(value: Record<string, unknown>, prefix: string, out: Record<string, unknown>) {
  for (const [key, v] of Object.entries(value)) {
    if (key === '__typename') continue;
    const column = prefix ? `${prefix}.${key}` : key;
    if (isObject(v)) flatten(v, column, out);
    else if (Array.isArray(v)) out[column] = v.some((x) => x && typeof x === 'object') ? JSON.stringify(v) : v.join('; ');
    else out[column] = v;
  }
}

export function resultTable(result: unknown): ResultTable | null {
  // A GraphQL answer: only its data (never the errors list); anything else as it is.
  const root = isObject(result) && ('data' in result || 'errors' in result) ? { data: result.data } : result;
  const found = findList(root, '');
  if (!found) return null;
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows = found.list.map((item) => {
    const row: Record<string, unknown> = {};
    flatten(item, '', row);
    for (const c of Object.keys(row)) {
      if (!seen.has(c)) {
        seen.add(c);
        columns.push(c);
      }
    }
    return row;
  });
  return { path: found.path, columns, rows };
}

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(table: ResultTable): string {
  const lines = [table.columns.map(csvCell).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(table: ResultTable, sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Luoshi';
  workbook.created = new Date();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ]
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'result');
  sheet.columns = table.columns.map((c) => ({ header: c, key: c, width: Math.min(60, Math.max(10, c.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((c) => {
      const v = row[c];
      return v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    }));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
