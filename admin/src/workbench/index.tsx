/** The workbench is loaded on demand: GraphiQL, Monaco and exceljs stay out of the main bundle. */
import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

const LazyWorkbench = lazy(() => import('./Workbench'));

export const WorkbenchPage = () => (
  <Suspense fallback={<Loading />}>
    <LazyWorkbench />
  </Suspense>
);

export { WORKBENCH_ROLES } from './access';
export { WorkbenchMenuItem } from './MenuItem';
