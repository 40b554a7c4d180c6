/**
 * 通报 as an official document for printing on A4 (GB/T 9704: red issuing-authority header,
 * document number over a red rule, title, body, issuing authority and date, and the
 * 印发 line at the foot). Rendered without the console's frame.
 */
import { useParams } from 'react-router-dom';
import { useGetOne } from 'react-admin';
import { dateInWords, documentNumber, issuingAuthority, periodInWords } from './document';
import './print.css';

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

export const BulletinPrint = () => {
  const { period = '' } = useParams();
  const { data, error } = useGetOne('bulletins', { id: period });
  if (error) return <p className="doc-error">{String((error as Error).message)}</p>;
  if (!data) return null;
  const c = data.content;
  const authority = issuingAuthority(c.regionName);
  const issued = dateInWords(data.publishedAt ?? c.asOf);
  return (
    <div className="doc-page">
      <div className="doc-toolbar no-print">
        <button type="button" onClick={() => window.print()}>打印</button>
        <button type="button" onClick={() => window.history.back()}>返回</button>
        {data.live && <span className="doc-draft-note">（实时数据，尚未发布）</span>}
      </div>
      <article className="doc" data-testid="bulletin-document">
        <header className="doc-header">
          <h1 className="doc-authority">{authority}</h1>
          <p className="doc-number">{documentNumber(c.period, c.regionName)}</p>
          <hr className="doc-rule" />
        </header>
        <h2 className="doc-title">关于{periodInWords(c.period)}全市目标任务推进情况的通报</h2>
        <p className="doc-addressee">各县（区）委组织部，地直各单位：</p>
        <p className="doc-body">
          现将{periodInWords(c.period)}全市目标任务推进情况通报如下（数据截至{dateInWords(c.asOf)}）。
        </p>
        <h3 className="doc-heading">一、各县（区）推进情况排名</h3>
        <table className="doc-table" data-testid="bulletin-ranking">
          <thead>
            <tr><th>名次</th><th>县（区）</th><th>目标数</th><th>平均进度</th><th>按期完成</th><th>红灯</th><th>黄灯</th><th>逾期未整改</th></tr>
          </thead>
          <tbody>
            {c.ranking.map((r: any) => (
              <tr key={r.unitId}>
                <td>{r.rank}</td><td>{r.unitName}</td><td>{r.targetsInPlay}</td><td>{pct(r.meanProgress)}</td>
                <td>{r.completedOnTime}</td><td>{r.red}</td><td>{r.yellow}</td><td>{r.overdueRectifications}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="doc-heading">二、亮红灯的目标任务</h3>
        {c.redTargets.length === 0 ? (
          <p className="doc-body">本期无亮红灯的目标任务。</p>
        ) : (
          <table className="doc-table" data-testid="bulletin-red">
            <thead>
              <tr><th>目标任务</th><th>县（区）</th><th>责任人</th><th>完成时限</th><th>时间进度</th><th>完成进度</th></tr>
            </thead>
            <tbody>
              {c.redTargets.map((t: any) => (
                <tr key={t.targetId}>
                  <td className="doc-left">{t.title}</td><td>{t.countyName ?? '地直'}</td><td>{t.responsibleCadreName ?? ''}</td>
                  <td>{t.deadline}</td><td>{pct(t.elapsed)}</td><td>{pct(t.progress)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 className="doc-heading">三、逾期未完成整改的问题</h3>
        {c.overdueRectifications.length === 0 ? (
          <p className="doc-body">本期无逾期未整改的问题。</p>
        ) : (
          <ol className="doc-list">
            {c.overdueRectifications.map((r: any) => (
              <li key={r.inspectionId}>{r.countyName ?? '地直'}：{r.findings}（整改时限 {r.rectificationDeadline}，已逾期 {r.daysOverdue} 天）</li>
            ))}
          </ol>
        )}
        <p className="doc-body">请各县（区）、各单位对照通报，认真分析原因，落实整改措施，确保目标任务按期完成。</p>
        <div className="doc-signature">
          <p>{authority}</p>
          <p>{issued}</p>
        </div>
        <footer className="doc-footer">
          <span>{authority}办公室</span>
          <span>{issued}印发</span>
        </footer>
      </article>
    </div>
  );
};
