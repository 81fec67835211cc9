import type { Scenario } from '../../../src/model/types';
import { scenarioColumns, scenarioRows } from '../../format/report-text';

/** The report's own unsafe locking scenario, one column per CPU, as printed. */
export function ScenarioTable({ scenario }: { scenario: Scenario }) {
  const columns = scenarioColumns(scenario);
  return (
    <div className="table-scroll">
      <table className="data scenario" data-testid="report.scenario">
        <caption className="visually-hidden">
          Possible unsafe locking scenario, one column per CPU
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scenarioRows(scenario).map((row) => (
            <tr key={row.key}>
              <td className="muted">{row.key + 1}</td>
              {row.cells.map((cell, i) => (
                <td key={i}>
                  {cell ? (
                    <code className={row.inInterrupt ? 'lock-class scenario__irq' : 'lock-class'}>
                      {cell}
                    </code>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
