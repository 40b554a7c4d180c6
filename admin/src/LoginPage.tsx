import { Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login sx={{ backgroundImage: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 100%)' }}>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography variant="h5" sx={{ fontWeight: 700 }}>落实</Typography>
        <Typography variant="body2" color="text.secondary">{translate('luoshi.login.subtitle')}</Typography>
      </Box>
      <LoginForm />
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', px: 2, pb: 2, textAlign: 'center' }}>
        {translate('luoshi.login.demo_hint')}
      </Typography>
    </Login>
  );
};
