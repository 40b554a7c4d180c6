/**
 * CSV of what the filter selects, with translated column headers and a BOM so Excel and
 * WPS open the Chinese text as UTF-8.
 */
import { downloadCSV, type Exporter } from 'react-admin';
import jsonExport from 'jsonexport/dist';
import { i18nProvider } from '../i18n';

export const csvExporter: Exporter = (records, _fetchRelated, _dataProvider, resource) => {
  const translate = i18nProvider.translate;
  const rows = records.map((record: any) => {
    const row: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      if (key === '__typename') continue;
      const header = translate(`resources.${resource}.fields.${key}`, { _: key });
      row[header] = Array.isArray(value) ? value.join(';') : value && typeof value === 'object' ? JSON.stringify(value) : value;
    }
    return row;
  });
  jsonExport(rows, (err: unknown, csv: string) => {
    if (!err) downloadCSV(`\ufeff${csv}`, resource ?? 'export');
  });
};
