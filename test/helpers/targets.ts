import type { TestServer } from './server.js';

/** Small builders for target fixtures, through the API as a client would. */
export function targetFixtures(server: TestServer, token: string) {
  const ok = <T = any>(query: string, variables: Record<string, unknown> = {}) => server.ok<T>(query, variables, { token });
  return {
    async directive(title: string): Promise<string> {
      const data = await ok('mutation($t: String!) { createDirective(input: { title: $t, issuerLevel: PREFECTURE, issuer: "日喀则地委组织部", documentNumber: "日组发〔2025〕1号", issuedOn: "2024-12-20" }) { id } }', { t: title });
      return data.createDirective.id;
    },
    async target(input: Record<string, unknown>): Promise<{ id: string; version: number }> {
      const data = await ok('mutation($input: CreateTargetInput!) { createTarget(input: $input) { id version } }', {
        input: { category: 'CADRE_TRAINING', kind: 'QUALITATIVE', startDate: '2025-01-01', deadline: '2025-04-11', ...input },
      });
      return data.createTarget;
    },
    /**
     * Submits a report and, unless `approve` is false, has the prefecture approve it (only
     * APPROVED reports count in the official figures); returns the report as it stands.
     */
    async report(
      targetId: string,
      reportedOn: string,
      value: { actualValue?: number; percentComplete?: number },
      as = token,
      opts: { approve?: boolean } = {},
    ): Promise<{ id: string; version: number; status: string }> {
      const data = await server.ok(
        'mutation($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { id version status } }',
        { input: { targetId, reportedOn, narrative: `进展 ${reportedOn}`, ...value } },
        { token: as },
      );
      const report = data.submitProgressReport;
      if (opts.approve === false) return report;
      const reviewed = await server.ok(
        'mutation($id: ID!, $v: Int!) { reviewProgressReport(id: $id, input: { version: $v, decision: APPROVED }) { id version status } }',
        { id: report.id, v: report.version },
        { token: await server.token('admin') },
      );
      return reviewed.reviewProgressReport;
    },
    async metrics(id: string, asOf: string): Promise<{ progress: number; status: string; warning: string; completedOn: string | null; elapsed: number }> {
      const data = await ok('query($id: ID!, $d: LocalDate) { target(id: $id) { progress(asOf: $d) status(asOf: $d) warning(asOf: $d) completedOn(asOf: $d) elapsed(asOf: $d) } }', { id, d: asOf });
      return data.target;
    },
  };
}
