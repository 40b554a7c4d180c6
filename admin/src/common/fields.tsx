/** Small shared fields and inputs: translated enums, warning lights, progress bars, county inputs. */
import { Box, Chip, LinearProgress, Typography } from '@mui/material';
import {
  AutocompleteInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  useFieldValue,
  useGetResourceLabel,
  useTranslate,
} from 'react-admin';
import { useEnumValues, useSchema, useUser } from './hooks';

export const useEnumChoices = (enumName: string) => {
  const translate = useTranslate();
  return useEnumValues(enumName).map((value) => ({ id: value, name: translate(`enums.${enumName}.${value}`, { _: value }) }));
};

export const EnumField = ({ source, enumName, record }: { source: string; enumName: string; label?: string; sortable?: boolean; record?: any }) => {
  const value = useFieldValue({ source, record });
  const translate = useTranslate();
  if (value == null) return null;
  return <span>{translate(`enums.${enumName}.${value}`, { _: String(value) })}</span>;
};

export const EnumInput = ({ enumName, multiple, ...props }: { source: string; enumName: string; multiple?: boolean; [k: string]: any }) => {
  const choices = useEnumChoices(enumName);
  return multiple ? <SelectArrayInput choices={choices} {...props} /> : <SelectInput choices={choices} {...props} />;
};

const LIGHT: Record<string, string> = { RED: '#d32f2f', YELLOW: '#f9a825', GREEN: '#2e7d32' };

export const WarningField = ({ source = 'warning', record }: { source?: string; label?: string; sortable?: boolean; record?: any }) => {
  const value = useFieldValue({ source, record });
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip
      size="small"
      label={translate(`enums.WarningLevel.${value}`, { _: value })}
      sx={{ bgcolor: LIGHT[value] ?? 'grey.400', color: value === 'YELLOW' ? '#000' : '#fff', fontWeight: 600 }}
    />
  );
};

export const ProgressField = ({ source = 'progress', record }: { source?: string; label?: string; sortable?: boolean; record?: any }) => {
  const value = useFieldValue({ source, record });
  if (value == null) return null;
  const percent = Math.round(Number(value) * 1000) / 10;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 110 }}>
      <LinearProgress variant="determinate" value={Math.min(100, percent)} sx={{ flex: 1, height: 8, borderRadius: 4 }} />
      <Typography variant="body2" sx={{ minWidth: 44, textAlign: 'right' }}>{percent}%</Typography>
    </Box>
  );
};

export const PercentField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const value = useFieldValue({ source });
  if (value == null) return null;
  return <span>{Math.round(Number(value) * 1000) / 10}%</span>;
};

/**
 * A reference picked by typing (autocomplete). `searchField` is the filter key sent as you
 * type (`q` searches every text column).
 */
export const RefInput = ({
  source,
  reference,
  optionText = 'name',
  filter,
  label,
  ...rest
}: { source: string; reference: string; optionText?: any; filter?: any; label?: string; validate?: any; disabled?: boolean; defaultValue?: any; fullWidth?: boolean; helperText?: any; alwaysOn?: boolean }) => (
  <ReferenceInput source={source} reference={reference} filter={filter} perPage={25} sort={{ field: 'id', order: 'ASC' }}>
    <AutocompleteInput
      optionText={optionText}
      filterToQuery={(q: string) => (q ? { q } : {})}
      label={label}
      validate={rest.validate}
      disabled={rest.disabled}
      defaultValue={rest.defaultValue}
      fullWidth={rest.fullWidth}
      helperText={rest.helperText}
    />
  </ReferenceInput>
);

/**
 * The county of a record. A COUNTY user gets its own county, fixed; others pick one of their
 * region's counties.
 */
export const CountyInput = ({ source = 'countyId', ...rest }: { source?: string; validate?: any; label?: string; alwaysOn?: boolean }) => {
  const user = useUser();
  const translate = useTranslate();
  if (user?.role === 'COUNTY') {
    return (
      <RefInput
        source={source}
        reference="counties"
        defaultValue={user.countyId}
        disabled
        helperText={translate('luoshi.role.fixed_county')}
        label={rest.label}
      />
    );
  }
  return <RefInput source={source} reference="counties" {...rest} />;
};

/** Filters for county: none for a COUNTY user (the API scopes it anyway). */
export const countyFilter = (role: string | undefined, source = 'countyId') =>
  role === 'COUNTY' ? [] : [<RefInput key={source} source={source} reference="counties" />];

/** An audit event's record type (`Directive`) as the resource's name in the user's language. */
export const EntityTypeField = ({ source = 'entityType', record }: { source?: string; label?: string; sortable?: boolean; record?: any }) => {
  const value = useFieldValue({ source, record });
  const { data } = useSchema();
  const getResourceLabel = useGetResourceLabel();
  if (!value) return null;
  const resource = data?.byType.get(String(value))?.name;
  return <span>{resource ? getResourceLabel(resource, 1) : String(value)}</span>;
};
