// The 記入方法 (how to fill in) sheet of the template, in Japanese with English beside it.
import { ACHIEVED_LABELS, BASIS_LABELS, EMPTY_LIST, TABLES, TARGET_KIND_LABELS } from './tables.js';

export interface InstructionLine {
  text: string;
  heading?: boolean;
}

export function instructionLines(): InstructionLine[] {
  const h = (text: string): InstructionLine => ({ text, heading: true });
  const p = (text: string): InstructionLine => ({ text });
  return [
    h('記入方法 / How to fill in this workbook'),
    p('このブックに記入して hyoka に取り込むと、団体の評価データがこのブックの内容に置き換わります (取り込む前に、追加・変更・削除される件数が表示されます)。'),
    p('Importing this workbook replaces the organization’s evaluation data with its contents (a preview of what is added, changed and removed comes first).'),
    p(''),
    h('シート / Sheets'),
    p(TABLES.map((spec) => spec.sheet).join('・') + ' — 1 行に 1 件。見出し (1 行目) と灰色の「自動計算」の列は変更できません。 / one record per row; the header row and the grey computed columns are locked.'),
    p('設定: 団体名 (必須)、団体コード、基本計画の名前、評価の段階などを「値」の列に書きます。 / 設定: write the organization name (required) and other settings in the 値 column.'),
    p('施策: 施策コードと施策名。 / 施策: policy code and title.'),
    p('事業: 事業キー (事業ごとに一意の短い英数字、例 tabunka)、事業名、局、所管課、事業概要、SDGs (例 4, 10, 17)。 / 事業: a unique project key, name, bureau, division, summary, SDG goals.'),
    p(`行: シートの 1 行 (No.) ごとに事業キー・施策コード・No.。行だけ違う事業概要・SDGs・指標キーがあれば「(行)」の列に。空なら事業の値を使います。行に一つもないときは「${EMPTY_LIST}」。 / 行: one sheet row per No.; the (行) columns override the project's values, ${EMPTY_LIST} for an empty list.`),
    p('指標: 事業キー・指標キー・指標名・単位。現状値と中期目標は数値・年度・表記 (印刷される文) の列に。 / 指標: indicators with baseline and mid-term target.'),
    p(`年度別: 指標の年度ごとの目標と実績。「目標の種類」は ${Object.values(TARGET_KIND_LABELS).join('・')} から選びます。数値は「目標」に数値で、順位は N位以内 の N、定性は目標の文、前年度比は基準の数値 (なくてもよい)。定性の実績には「達成(定性)」で ${ACHIEVED_LABELS.yes} / ${ACHIEVED_LABELS.no}。 / 年度別: per fiscal year, target kind and value, actual.`),
    p('予算・人件費: 事業キー・年度・金額 (千円、整数)。人件費が行ごとに違うときは No. を書きます。 / budgets and personnel costs in thousand yen; a row’s own personnel cost carries its No.'),
    p('事業評価: 事業キー・年度 (評価する実績の年度、R3年度の評価なら 2021)・評価・成果の方向性・強化・見直した内容。行ごとに違うときは No. を書きます。 / 事業評価: evaluations, with No. where a row has its own.'),
    p('局施策評価: 施策コード・局・年度・評価・強化・見直した内容。 / 局施策評価: policy evaluations.'),
    p(''),
    h('書き方 / Writing values'),
    p('年度は 2021 のような西暦でも R3年度・令和3年度 でも書けます。 / a fiscal year may be 2021, R3年度 or 令和3年度.'),
    p('数値は半角でも全角でも、カンマや単位付き (2,700人) でも読みます。漢数字 (十) は読みません。 / numbers may carry commas and the unit; kanji numerals are refused.'),
    p(`中期目標の基準: ${Object.values(BASIS_LABELS).join('・')}。それ以外の形 (累計の開始年度、改訂など) は「(JSON)」の列に書かれます。 / other forms of mid-terms and baselines live in the (JSON) columns.`),
    p('"" (二重引用符二つ) だけのセルは空の文字列です。空のセルは「値なし」です。 / a cell holding just "" is the empty string; an empty cell is no value.'),
    p('数式は使えません (取り込みません)。値だけを入力してください。 / formulas are refused: type values only.'),
    p('その他(JSON) の列は hyoka が知らない項目を保つためのものです。分からなければそのままにしてください。 / その他(JSON) keeps fields hyoka does not know; leave it as it is.'),
    p('取り込めないときは、問題のあるセル (例 年度別!E12) と直し方が表示されます。 / when a workbook cannot be imported, each problem names its cell (e.g. 年度別!E12) and how to fix it.'),
  ];
}
