import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export const Widget = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card sx={{ height: '100%' }} data-testid={testId}>
    <CardContent>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>{title}</Typography>
      {children}
    </CardContent>
  </Card>
);
