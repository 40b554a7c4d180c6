import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DateField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { BulletinActions } from './PublishButton';

const Content = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const content = record?.content;
  if (!content) return null;
  return (
    <Box>
      <Typography variant="h6" sx={{ mb: 1 }}>
        {content.regionName} · {content.period}{' '}
        <Chip size="small" label={translate(record.live ? 'luoshi.bulletin.live' : 'luoshi.bulletin.published')} />
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            <TableCell>{translate('resources.counties.name')}</TableCell>
            <TableCell align="right">{translate('resources.targets.fields.progress')}</TableCell>
            <TableCell align="right">{translate('enums.WarningLevel.RED')}</TableCell>
            <TableCell align="right">{translate('enums.WarningLevel.YELLOW')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {content.ranking.map((row: any) => (
            <TableRow key={row.unitId}>
              <TableCell>{row.rank}</TableCell>
              <TableCell>{row.unitName}</TableCell>
              <TableCell align="right">{Math.round(row.meanProgress * 1000) / 10}%</TableCell>
              <TableCell align="right">{row.red}</TableCell>
              <TableCell align="right">{row.yellow}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

export const BulletinShow = () => (
  <Show actions={<BulletinActions />}>
    <SimpleShowLayout>
      <TextField source="period" />
      <DateField source="publishedAt" showTime emptyText="—" />
      <DateField source="withdrawnAt" showTime emptyText="—" />
      <TextField source="withdrawalReason" emptyText="—" />
      <Content />
    </SimpleShowLayout>
  </Show>
);
