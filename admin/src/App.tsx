import { Admin, CustomRoutes, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { LuoshiLayout } from './layout';
import { LoginPage } from './LoginPage';
import { theme } from './theme';
import { Dashboard } from './dashboard/Dashboard';
import { RecycleBin } from './recycleBin/RecycleBin';
import { MyTargets } from './countyWork/MyTargets';
import { ReviewQueue } from './progressReports/ReviewQueue';
import { BulletinPrint } from './bulletins/Print';
import { WorkbenchPage } from './workbench';
import { SupervisionDesk } from './supervisionDesk';
import { TargetTree } from './targets/Tree';
import { DecomposeTarget } from './targets/Decompose';
import { AssessmentRanking } from './assessments/Ranking';
import regions from './regions';
import counties from './counties';
import departments from './departments';
import cadres from './cadres';
import directives from './directives';
import targets from './targets';
import progressReports from './progressReports';
import inspections from './inspections';
import supervisionNotices from './supervisionNotices';
import fieldResearches from './fieldResearches';
import publicFeedbacks from './publicFeedbacks';
import bulletins from './bulletins';
import auditEvents from './auditEvents';
import users from './users';
import apiKeys from './apiKeys';
import assessmentPolicies from './assessmentPolicies';
import assessments from './assessments';
import democraticEvaluations from './democraticEvaluations';
import accountabilities from './accountabilities';

/** Browser history under /admin (the server answers every /admin/… path with the console). */
export const App = () => (
  <BrowserRouter basename="/admin">
  <Admin
    title="落实"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={LuoshiLayout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    theme={theme}
    disableTelemetry
    requireAuth
  >
    <Resource name="directives" {...directives} />
    <Resource name="targets" {...targets} />
    <Resource name="progressReports" {...progressReports} />
    <Resource name="inspections" {...inspections} />
    <Resource name="supervisionNotices" {...supervisionNotices} />
    <Resource name="bulletins" {...bulletins} />
    <Resource name="assessments" {...assessments} />
    <Resource name="democraticEvaluations" {...democraticEvaluations} />
    <Resource name="accountabilities" {...accountabilities} />
    <Resource name="fieldResearches" {...fieldResearches} />
    <Resource name="publicFeedbacks" {...publicFeedbacks} />
    <Resource name="regions" {...regions} />
    <Resource name="counties" {...counties} />
    <Resource name="departments" {...departments} />
    <Resource name="cadres" {...cadres} />
    <Resource name="users" {...users} />
    <Resource name="apiKeys" {...apiKeys} />
    <Resource name="assessmentPolicies" {...assessmentPolicies} />
    <Resource name="auditEvents" {...auditEvents} />
    <CustomRoutes noLayout>
      <Route path="/bulletins/:period/print" element={<BulletinPrint />} />
    </CustomRoutes>
    <CustomRoutes>
      <Route path="/recycle-bin" element={<RecycleBin />} />
      <Route path="/workbench" element={<WorkbenchPage />} />
      <Route path="/supervision-desk" element={<SupervisionDesk />} />
      <Route path="/my-targets" element={<MyTargets />} />
      <Route path="/review-queue" element={<ReviewQueue />} />
      <Route path="/directives/:id/tree" element={<TargetTree />} />
      <Route path="/targets/:id/decompose" element={<DecomposeTarget />} />
      <Route path="/assessment-ranking" element={<AssessmentRanking />} />
    </CustomRoutes>
  </Admin>
  </BrowserRouter>
);
