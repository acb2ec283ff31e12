import type { QuestionBody } from '@red-engine/shared';
import { contentHashOf } from '../../modules/exam/index.js';
import type { Tx } from '../client.js';
import { questionBanks, questions } from '../schema/index.js';
import type { Random } from './random.js';
import {
  CHOICE_FACTS,
  DATED_EVENTS,
  duesRate,
  FILL_FACTS,
  TRUE_FALSE_FACTS,
  ZONE_POINT_RULES,
} from './seed-questions-facts.js';

type OrgRef = { id: string; path: string };
type Draft = QuestionBody & { bank: BankKey };
type BankKey = 'charter' | 'history' | 'congress' | 'zone';

const BANKS: Record<BankKey, { name: string; description: string }> = {
  charter: { name: '党章党规应知应会题库', description: '党章、组织生活制度、发展党员程序、党费' },
  history: { name: '党史知识题库', description: '中国共产党历史上的重要会议和事件' },
  congress: { name: '党的二十大精神题库', description: '党的二十大报告的主要内容' },
  zone: { name: '开发区党建制度题库', description: '本区党员积分等制度' },
};
const bankOf = (tag: string): BankKey => (tag === '党史' ? 'history' : tag === '党的二十大' ? 'congress' : 'charter');

/** Places the right answer among the wrong ones at a position the random source picks; answers its letter. */
function choice(rnd: Random, right: string, wrong: readonly string[]) {
  const at = rnd.int(0, wrong.length);
  const texts = [...wrong.slice(0, at), right, ...wrong.slice(at)];
  return { options: texts.map((text, i) => ({ key: 'ABCDEF'[i]!, text })), answer: ['ABCDEF'[at]!] };
}

const yearDistractors = (year: number, rnd: Random) => {
  const offsets = [-3, -2, -1, 1, 2, 3].sort(() => rnd.next() - 0.5);
  return offsets.slice(0, 3).map((o) => `${year + o}年`);
};
const yuan = (n: number) => `${n.toFixed(2)}元`;

/** Every demo question, generated from the facts (see seed-questions-facts.ts). */
export function demoQuestions(rnd: Random): Draft[] {
  const out: Draft[] = [];
  const add = (bank: BankKey, q: Omit<QuestionBody, 'points'> & { points?: number }) =>
    out.push({ bank, points: 1, ...q, tags: [...q.tags] });
  for (const [event, year, tag] of DATED_EVENTS) {
    const bank = bankOf(tag);
    const explanation = `${event}是在${year}年。`;
    add(bank, {
      kind: 'single',
      stem: `${event}是在哪一年？`,
      ...choice(rnd, `${year}年`, yearDistractors(year, rnd)),
      explanation,
      tags: [tag],
      difficulty: 2,
    });
    add(bank, {
      kind: 'fill',
      stem: `${event}是在____年。`,
      options: [],
      answer: [[String(year), `${year}年`]],
      explanation,
      tags: [tag],
      difficulty: 3,
    });
    add(bank, {
      kind: 'true_false',
      stem: `${event}是在${year}年。`,
      options: [],
      answer: [true],
      explanation,
      tags: [tag],
      difficulty: 1,
    });
    const wrong = year + (rnd.next() < 0.5 ? -1 : 1) * rnd.int(1, 3);
    add(bank, {
      kind: 'true_false',
      stem: `${event}是在${wrong}年。`,
      options: [],
      answer: [false],
      explanation,
      tags: [tag],
      difficulty: 1,
    });
  }
  for (const [stem, right, wrong, tag, explanation] of CHOICE_FACTS) {
    add(bankOf(tag), {
      kind: 'single',
      stem,
      ...choice(rnd, right, wrong),
      explanation: explanation ?? `正确答案：${right}。`,
      tags: [tag],
      difficulty: 2,
    });
  }
  for (const [stem, right, tag] of TRUE_FALSE_FACTS) {
    add(bankOf(tag), {
      kind: 'true_false',
      stem,
      options: [],
      answer: [right],
      explanation: null,
      tags: [tag],
      difficulty: 1,
    });
  }
  for (const [stem, accepted, tag] of FILL_FACTS) {
    add(bankOf(tag), {
      kind: 'fill',
      stem,
      options: [],
      answer: [accepted],
      explanation: `答案：${accepted[0]}。`,
      tags: [tag],
      difficulty: 3,
    });
  }
  for (const salary of [2500, 2800, 3600, 4200, 4800, 5600, 6400, 7200, 8800, 9500, 12000, 15000]) {
    const rate = duesRate(salary);
    const others = [0.005, 0.01, 0.015, 0.02].filter((r) => r !== rate);
    add('charter', {
      kind: 'single',
      stem: `某在职党员每月工资收入（税后）为${salary}元，每月应交纳党费多少元？`,
      ...choice(
        rnd,
        yuan(salary * rate),
        others.map((r) => yuan(salary * r)),
      ),
      explanation: `月收入${salary}元适用${rate * 100}%的比例：${salary} × ${rate * 100}% = ${yuan(salary * rate)}。`,
      tags: ['党费'],
      difficulty: 3,
      points: 2,
    });
  }
  const pointChoices = [1, 2, 3, 5, 10];
  for (const [item, points, cap] of ZONE_POINT_RULES) {
    const wrong = pointChoices
      .filter((p) => p !== points)
      .slice(0, 3)
      .map((p) => `${p}分`);
    add('zone', {
      kind: 'single',
      stem: `本区党员积分规则中，“${item}”每次计几分？`,
      ...choice(rnd, `${points}分`, wrong),
      explanation: `“${item}”每次计${points}分。`,
      tags: ['本区制度'],
      difficulty: 2,
    });
    if (cap !== null) {
      const caps = [cap - 2, cap + 2, cap * 2].map((c) => `${c}分`);
      add('zone', {
        kind: 'single',
        stem: `本区党员积分规则中，“${item}”每年最多计多少分？`,
        ...choice(rnd, `${cap}分`, caps),
        explanation: `“${item}”年度上限为${cap}分。`,
        tags: ['本区制度'],
        difficulty: 3,
      });
    }
  }
  return out;
}

/** The demo banks, owned by the zone's root (every branch may draw from them). Answers the bank ids by key. */
export async function seedQuestions(tx: Tx, rnd: Random, opts: { root: OrgRef; createdById: string | null }) {
  const ids = {} as Record<BankKey, string>;
  for (const key of Object.keys(BANKS) as BankKey[]) {
    ids[key] = rnd.uuid();
    await tx.insert(questionBanks).values({
      id: ids[key],
      ...BANKS[key],
      orgId: opts.root.id,
      orgPath: opts.root.path,
      createdById: opts.createdById,
    });
  }
  const drafts = demoQuestions(rnd);
  const rows = drafts.map(({ bank, ...q }) => ({
    id: rnd.uuid(),
    bankId: ids[bank],
    kind: q.kind,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    explanation: q.explanation ?? null,
    tags: q.tags,
    difficulty: q.difficulty,
    points: q.points,
    contentHash: contentHashOf(q),
    createdById: opts.createdById,
  }));
  for (let i = 0; i < rows.length; i += 200) await tx.insert(questions).values(rows.slice(i, i + 200));
  return { bankIds: ids, count: rows.length };
}
