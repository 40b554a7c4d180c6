import { Card, CardContent, Grid, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface TargetTotals { count: number; completed: number; overdue: number; red: number; yellow: number; green: number; meanProgress: number }

const CARDS: { key: keyof TargetTotals; label: string; color?: string }[] = [
  { key: 'count', label: 'luoshi.dashboard.targets' },
  { key: 'completed', label: 'luoshi.dashboard.completed', color: '#2e7d32' },
  { key: 'overdue', label: 'luoshi.dashboard.overdue', color: '#6d4c41' },
  { key: 'red', label: 'luoshi.dashboard.red', color: '#d32f2f' },
  { key: 'yellow', label: 'luoshi.dashboard.yellow', color: '#f9a825' },
];

export const KpiCards = ({ totals }: { totals?: TargetTotals }) => {
  const translate = useTranslate();
  return (
    <Grid container spacing={2}>
      {CARDS.map((card) => (
        <Grid key={card.key} size={{ xs: 6, sm: 4, md: 2.4 }}>
          <Card>
            <CardContent>
              <Typography variant="body2" color="text.secondary">{translate(card.label)}</Typography>
              <Typography variant="h4" sx={{ color: card.color, fontWeight: 700 }} data-kpi={card.key}>
                {totals ? totals[card.key] : '…'}
              </Typography>
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
};
