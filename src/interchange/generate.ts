// A synthetic organization of the seed's shape, for benchmarks and load tests:
// ~3 indicators per project, ~3.3 periods per indicator, projects placed under one or
// two policies, two or three budget years, an evaluation per project and one per
// policy. Deterministic for a given seed, so runs compare like with like.
import type {
  Budget,
  Evaluation,
  HyokaDocument,
  Indicator,
  Period,
  Placement,
  Policy,
  PolicyEvaluation,
  Project,
  Target,
} from '../domain/model.js';
import { defaultProfile } from '../domain/profile.js';

export interface GenerateOptions {
  projects: number;
  seed?: number;
  /** First fiscal year of the periods; results are for this year. */
  fiscalYear?: number;
}

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['件', '人', '%', '回', '事業', '施設', '本'];
const BUREAUS = ['企画調整局', '総務局', '財政局', '保健福祉局', '環境局', '産業経済局', '建設局', '都市戦略局'];
const DIVISIONS = ['企画課', '総務課', '国際政策課', '政策調整課', '推進課'];
const WORDS = ['多文化共生', '定住・移住', '魅力発信', '広域連携', '世界遺産', '国際交流', '公共施設', '情報発信', '地域活性化', 'ふるさと寄附'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const CIRCLED = ['①', '②', '③', '④', '⑤'];

export function generateDocument(options: GenerateOptions): HyokaDocument {
  const rnd = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const year = options.fiscalYear ?? 2021;
  const projectCount = Math.max(0, Math.floor(options.projects));

  const policyCount = Math.max(1, Math.ceil(projectCount / 5));
  const policies: Policy[] = [];
  for (let i = 0; i < policyCount; i++) {
    const code = `${ROMAN[i % ROMAN.length]}-${1 + (Math.floor(i / 8) % 9)}-(${1 + (Math.floor(i / 72) % 9)})-${CIRCLED[Math.floor(i / 648) % 5]}${Math.floor(i / 3240) || ''}`;
    policies.push({ code, title: `${pick(WORDS)}の推進 ${i + 1}` });
  }

  const bureauOfPolicy = policies.map(() => pick(BUREAUS));
  const projects: Project[] = [];
  const evaluatedPolicies = new Map<string, string>();
  const rowNo = new Map<string, number>();

  for (let p = 0; p < projectCount; p++) {
    const home = Math.floor(rnd() * policyCount);
    const bureau = bureauOfPolicy[home] as string;
    const indicators: Indicator[] = [];
    const indicatorCount = int(2, 4);
    for (let k = 0; k < indicatorCount; k++) indicators.push(generateIndicator(k));

    const budgets: Budget[] = [];
    let amount = int(1, 5000) * 100;
    const budgetYears = int(2, 3);
    for (let y = 0; y < budgetYears; y++) {
      budgets.push({ fiscalYear: year + y, amount });
      amount = Math.max(0, Math.round(amount * (0.9 + rnd() * 0.2)));
    }

    const placements: Placement[] = [];
    const placementCount = rnd() < 0.2 ? 2 : 1;
    for (let r = 0; r < placementCount; r++) {
      const policyIndex = r === 0 ? home : (home + 1 + Math.floor(rnd() * 3)) % policyCount;
      const policy = (policies[policyIndex] as Policy).code;
      const no = (rowNo.get(bureau) ?? 0) + 1;
      rowNo.set(bureau, no);
      placements.push({ policy, no });
      if (!evaluatedPolicies.has(policy)) evaluatedPolicies.set(policy, bureau);
    }

    const evaluation: Evaluation = {
      fiscalYear: year,
      grade: pick(defaultProfile.grades),
      course: rnd() < 0.85 ? '継続' : pick(defaultProfile.courses),
      improvement: `${pick(WORDS)}の取組を継続し、効果的な${pick(WORDS)}を図る。`,
    };

    projects.push({
      key: `p${p + 1}`,
      name: `${pick(WORDS)}事業 ${p + 1}`,
      bureau,
      division: pick(DIVISIONS),
      summary: `${pick(WORDS)}を推進するため、${pick(WORDS)}に関する取組を行う。`,
      sdgs: [int(1, 8), int(9, 17)],
      budgets,
      personnelCosts: [{ fiscalYear: year + budgetYears - 1, amount: int(10, 600) * 50 }],
      indicators,
      evaluations: [evaluation],
      placements,
    });
  }

  const policyEvaluations: PolicyEvaluation[] = [...evaluatedPolicies].map(([policy, bureau]) => ({
    policy,
    bureau,
    fiscalYear: year,
    grade: pick(defaultProfile.grades),
    improvement: '引き続き施策の推進に努める。',
  }));

  return {
    format: 'hyoka/1',
    organization: { name: `生成市${options.seed ?? 1}`, code: `9${String(options.seed ?? 1).padStart(5, '0')}` },
    plan: { name: '生成市基本計画' },
    policies,
    projects,
    policyEvaluations,
  };

  function generateIndicator(k: number): Indicator {
    const unit = pick(UNITS);
    const base = unit === '%' ? int(300, 900) / 10 : int(1, 2000);
    const periods: Period[] = [];
    const periodCount = rnd() < 0.3 ? 4 : 3;
    const kindRoll = rnd();
    for (let y = 0; y < periodCount; y++) {
      const target: Target | undefined =
        kindRoll < 0.8
          ? unit === '%'
            ? Math.min(100, Math.round((base + 2 * (y + 1)) * 10) / 10)
            : Math.round(base * (1 + 0.05 * (y + 1)))
          : kindRoll < 0.86
            ? { kind: 'previous-year' }
            : kindRoll < 0.9
              ? { kind: 'rank', atMost: 10 }
              : kindRoll < 0.96
                ? { kind: 'qualitative', text: 'A (計画どおり)' }
                : { kind: 'none', note: '単年度目標設定なし' };
      const period: Period = { fiscalYear: year - 1 + y };
      if (target !== undefined) period.target = target;
      if (y <= 1) {
        if (typeof target === 'object' && target.kind === 'qualitative') {
          period.actual = { text: 'A (計画どおり)', achieved: rnd() < 0.9 };
        } else if (typeof target === 'object' && target.kind === 'rank') {
          period.actual = int(1, 30);
        } else if (unit === '%') {
          period.actual = Math.round(base * (0.8 + rnd() * 0.4) * 10) / 10;
        } else {
          period.actual = Math.round(base * (0.5 + rnd()));
        }
      }
      periods.push(period);
    }
    return {
      key: `i${k + 1}`,
      name: `${pick(WORDS)}に関する指標 ${k + 1}`,
      unit: kindRoll >= 0.86 && kindRoll < 0.9 ? '位' : unit,
      ...(kindRoll >= 0.86 && kindRoll < 0.9 ? { better: 'lower' as const } : {}),
      baseline: { value: base, fiscalYear: year - 3, label: `${base}${unit} (${year - 3}年度)` },
      midTerm: {
        target: Math.round(base * 1.3 * 10) / 10,
        basis: 'by-year',
        fiscalYear: year + 3,
      },
      periods,
    };
  }
}
