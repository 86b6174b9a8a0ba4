import { Fragment, type ReactNode } from 'react';

export interface Column<Row> {
  /** Also the column's React key, so headings in one table must differ. */
  header: string;
  /** A column of buttons needs no visible heading, but a screen reader still announces one. */
  headerHidden?: boolean;
  headerClassName?: string;
  cell: (row: Row) => ReactNode;
  cellClassName?: string;
}

interface DataTableProps<Row> {
  rows: readonly Row[];
  /** The first column names the row: it is the row header screen readers announce with each cell. */
  columns: readonly Column<Row>[];
  /** The index is for rows with nothing unique of their own (a receipt's items share its number). */
  rowKey: (row: Row, index: number) => string | number;
  /** The on-screen heading that names the table; `caption` instead where there is none to point at. */
  labelledBy?: string;
  caption?: string;
  className?: string;
  /** The wrapper's class, 'table-wrap' unless the page lets this table scroll sideways with a class of its own. */
  wrapClassName?: string;
  rowClassName?: (row: Row) => string | undefined;
  /** Said instead of an empty table, which would read as "something failed to load". */
  empty?: string;
  /** A full-width row under a row, for what the columns are too narrow to show (given the column count). */
  rowAfter?: (row: Row, columnCount: number) => ReactNode;
}

/** The console's tables: one place for the header scopes and accessible name the tests and screen readers rely on. */
export function DataTable<Row>({
  rows, columns, rowKey, labelledBy, caption, className, wrapClassName = 'table-wrap', rowClassName, empty, rowAfter,
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p className="empty">{empty}</p>;
  const [rowHeader, ...cells] = columns;
  return (
    <div className={wrapClassName}>
      <table className={className ? `table ${className}` : 'table'} aria-labelledby={labelledBy}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.headerClassName}>
                {c.headerHidden ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <Fragment key={rowKey(row, i)}>
              <tr className={rowClassName?.(row)}>
                {rowHeader ? <th scope="row" className={rowHeader.cellClassName}>{rowHeader.cell(row)}</th> : null}
                {cells.map((c) => <td key={c.header} className={c.cellClassName}>{c.cell(row)}</td>)}
              </tr>
              {rowAfter?.(row, columns.length)}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
