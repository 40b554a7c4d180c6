import { useQuery } from '@tanstack/react-query';
import { useMediaQuery, type Theme } from '@mui/material';
import { useDataProvider, useResourceContext } from 'react-admin';
import { getUser } from '../authStorage';
import { can } from '../permissions';
import type { LuoshiDataProvider } from '../dataProvider';

export const useUser = () => getUser();
export const useCan = (action: string, resource?: string) => {
  const current = useResourceContext();
  return can(getUser(), action, resource ?? current ?? '');
};
export const useIsSmall = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));

/** The introspected schema (cached for the session). */
export const useSchema = () => {
  const dataProvider = useDataProvider<LuoshiDataProvider>();
  return useQuery({ queryKey: ['luoshi-schema'], queryFn: () => dataProvider.schema(), staleTime: Infinity });
};

/** Choices of a GraphQL enum, labelled from i18n `enums.<Enum>.<VALUE>`. */
export const useEnumValues = (enumName: string): string[] => {
  const { data } = useSchema();
  const type: any = data?.types.get(enumName);
  return (type?.enumValues ?? []).map((v: any) => v.name);
};
