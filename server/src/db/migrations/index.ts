import { Init1795553141329 as MysqlInit } from './mysql/1795553141329-Init.js';
import { TargetsAndSupervision1795554591907 as MysqlTargetsAndSupervision } from './mysql/1795554591907-TargetsAndSupervision.js';
import { TargetAdditive1795555681886 as MysqlTargetAdditive } from './mysql/1795555681886-TargetAdditive.js';
import { RulesFixes1796150954390 as MysqlRulesFixes } from './mysql/1796150954390-RulesFixes.js';
import { Security1796151191129 as MysqlSecurity } from './mysql/1796151191129-Security.js';
import { Assessment1796151261896 as MysqlAssessment } from './mysql/1796151261896-Assessment.js';
import { Init1795553140890 as SqliteInit } from './sqlite/1795553140890-Init.js';
import { TargetsAndSupervision1795554591255 as SqliteTargetsAndSupervision } from './sqlite/1795554591255-TargetsAndSupervision.js';
import { TargetAdditive1795555681192 as SqliteTargetAdditive } from './sqlite/1795555681192-TargetAdditive.js';
import { RulesFixes1796150953794 as SqliteRulesFixes } from './sqlite/1796150953794-RulesFixes.js';
import { Security1796151190583 as SqliteSecurity } from './sqlite/1796151190583-Security.js';
import { Assessment1796151261315 as SqliteAssessment } from './sqlite/1796151261315-Assessment.js';
import { TargetMetrics1796152758993 as SqliteTargetMetrics } from './sqlite/1796152758993-TargetMetrics.js';
import { TargetMetrics1796152759906 as MysqlTargetMetrics } from './mysql/1796152759906-TargetMetrics.js';
import { MonthSnapshots1796154334038 as SqliteMonthSnapshots } from './sqlite/1796154334038-MonthSnapshots.js';
import { MonthSnapshots1796154336268 as MysqlMonthSnapshots } from './mysql/1796154336268-MonthSnapshots.js';
import { StoredStatus1796161297270 as SqliteStoredStatus } from './sqlite/1796161297270-StoredStatus.js';
import { StoredStatus1796161306568 as MysqlStoredStatus } from './mysql/1796161306568-StoredStatus.js';
import { ConsistencyFacts1796163016058 as SqliteConsistencyFacts } from './sqlite/1796163016058-ConsistencyFacts.js';
import { ConsistencyFacts1796163017719 as MysqlConsistencyFacts } from './mysql/1796163017719-ConsistencyFacts.js';

import { AssessmentIndexes1796161726177 as SqliteAssessmentIndexes } from './sqlite/1796161726177-AssessmentIndexes.js';
import { AssessmentIndexes1796161727387 as MysqlAssessmentIndexes } from './mysql/1796161727387-AssessmentIndexes.js';
import { AssessmentCountyIndex1796162425150 as SqliteAssessmentCountyIndex } from './sqlite/1796162425150-AssessmentCountyIndex.js';
import { AssessmentCountyIndex1796162426763 as MysqlAssessmentCountyIndex } from './mysql/1796162426763-AssessmentCountyIndex.js';
import { AssessmentRankingIndex1796163382564 as SqliteAssessmentRankingIndex } from './sqlite/1796163382564-AssessmentRankingIndex.js';
import { AssessmentRankingIndex1796163383688 as MysqlAssessmentRankingIndex } from './mysql/1796163383688-AssessmentRankingIndex.js';
import { AssessmentFingerprint1796172575189 as SqliteAssessmentFingerprint } from './sqlite/1796172575189-AssessmentFingerprint.js';
import { AssessmentFingerprint1796172576951 as MysqlAssessmentFingerprint } from './mysql/1796172576951-AssessmentFingerprint.js';
import { StoredFiguresAlone1796183689059 as SqliteStoredFiguresAlone } from './sqlite/1796183689059-StoredFiguresAlone.js';
import { StoredFiguresAlone1796183690428 as MysqlStoredFiguresAlone } from './mysql/1796183690428-StoredFiguresAlone.js';
/**
 * Migrations per driver, oldest first, listed explicitly (the same list works compiled and
 * under vitest). Generate the next pair with `npm run migration:generate` (docs/development.md).
 */
export const sqliteMigrations: Function[] = [SqliteInit, SqliteTargetsAndSupervision, SqliteTargetAdditive, SqliteRulesFixes, SqliteSecurity, SqliteAssessment, SqliteTargetMetrics, SqliteMonthSnapshots, SqliteStoredStatus, SqliteAssessmentIndexes, SqliteAssessmentCountyIndex, SqliteConsistencyFacts, SqliteAssessmentRankingIndex, SqliteAssessmentFingerprint, SqliteStoredFiguresAlone];
export const mysqlMigrations: Function[] = [MysqlInit, MysqlTargetsAndSupervision, MysqlTargetAdditive, MysqlRulesFixes, MysqlSecurity, MysqlAssessment, MysqlTargetMetrics, MysqlMonthSnapshots, MysqlStoredStatus, MysqlAssessmentIndexes, MysqlAssessmentCountyIndex, MysqlConsistencyFacts, MysqlAssessmentRankingIndex, MysqlAssessmentFingerprint, MysqlStoredFiguresAlone];
