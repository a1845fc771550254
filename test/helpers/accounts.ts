// Accounts workbooks (regnskab) from a readable definition: posts with budget, actual and explanation.
import { monthTexts, rawWorkbook, type CellSpec } from './raw.js';

export interface AccountsPostSpec {
  post: string;
  budget: number | string | undefined;
  actual: number | string | undefined;
  explanation?: string;
  /** Actual spending per month (index into the months), when the sheet has month columns. */
  months?: Record<number, number>;
}

export interface AccountsSpec {
  stamdata?: Record<string, CellSpec> | false;
  titleRows?: string[];
  labels?: { post?: string; budget?: string; actual?: string; deviation?: string | false; explanation?: string };
  /** Month columns of actual spending, e.g. ['2020-01', '2022-10']. */
  months?: [string, string];
  posts: AccountsPostSpec[];
  income?: Array<[string, number]>;
}

export function accountsWorkbook(spec: AccountsSpec) {
  const L = { post: 'Budgetpost', budget: 'Budget', actual: 'Regnskab', deviation: 'Afvigelse' as string | false, explanation: 'Forklaring', ...spec.labels };
  const months = spec.months ? monthTexts(spec.months[0], spec.months[1]) : [];
  const rows: CellSpec[][] = (spec.titleRows ?? ['Regnskab for projektet']).map((t) => [t]);
  const header: CellSpec[] = [L.post, L.budget, L.actual];
  if (L.deviation) header.push(L.deviation);
  header.push(L.explanation, ...months);
  rows.push(header);
  const headerRow = rows.length;
  const rowOf = new Map<string, number>();
  for (const p of spec.posts) {
    const r = rows.length + 1;
    const row: CellSpec[] = [p.post, p.budget, p.actual];
    if (L.deviation) row.push({ f: `C${r}-B${r}` });
    row.push(p.explanation);
    months.forEach((_, i) => row.push(p.months?.[i]));
    rows.push(row);
    rowOf.set(p.post, r);
  }
  const totalRow = rows.length + 1;
  const first = headerRow + 1;
  rows.push(['I alt', { f: `SUM(B${first}:B${totalRow - 1})` }, { f: `SUM(C${first}:C${totalRow - 1})` }]);
  if (spec.income?.length) {
    rows.push([], ['Indtægter']);
    for (const [label, amount] of spec.income) rows.push([label, amount, amount]);
  }
  const sum = spec.posts.reduce((s, p) => s + (typeof p.budget === 'number' ? p.budget : 0), 0);
  const stamdata: Record<string, CellSpec> =
    spec.stamdata === false
      ? {}
      : {
          Tilskudsmodtager: 'Roskilde Kommune',
          CVR: '29189404',
          Pulje: 'recovery-2019',
          'Bevilget beløb': sum,
          Projektperiode: '01.01.2020 – 30.09.2022',
          ...spec.stamdata,
        };
  const sheets = [
    ...(spec.stamdata === false ? [] : [{ name: 'Stamdata', rows: Object.entries(stamdata).map(([k, v]) => [k, v]) }]),
    { name: 'Regnskab', rows },
  ];
  return { wb: rawWorkbook(...sheets), rowOf: (p: string) => rowOf.get(p)!, headerRow, totalRow };
}
