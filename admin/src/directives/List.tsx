import { DateField, DateInput, SearchInput, TextField } from 'react-admin';
import { EnumField, EnumInput } from '../common/fields';
import { ResourceList } from '../common/views';

export const DirectiveList = () => (
  <ResourceList
    filters={[
      <SearchInput key="q" source="q" alwaysOn />,
      <EnumInput key="l" source="issuerLevel" enumName="IssuerLevel" />,
      <DateInput key="f" source="issuedOn_gte" label="luoshi.filters.date_from" />,
      <DateInput key="t" source="issuedOn_lte" label="luoshi.filters.date_to" />,
    ]}
    simple={{ primaryText: 'title', secondaryText: 'documentNumber', tertiaryText: 'issuedOn' }}
    sort={{ field: 'issuedOn', order: 'DESC' }}
  >
    <TextField source="title" />
    <TextField source="documentNumber" />
    <TextField source="issuer" sortable={false} />
    <EnumField source="issuerLevel" enumName="IssuerLevel" />
    <DateField source="issuedOn" />
  </ResourceList>
);
