// 表单未读出：文件认作某类自评表（按其标题），其预算执行块、指标表或评分表却一项也未读出 — 说明，而不是静默通过.
import { defineDocumentCheck } from './define.js';
import { profiles, type BlockKind } from '../model/forms/index.js';
import type { Report } from '../model/schema.js';

/** Whether the report holds records of a block kind; amount tables yield relations only and are not judged here. */
const READ: Record<BlockKind, ((r: Report) => boolean) | undefined> = {
  budget: (r) => r.budget.length > 0,
  indicators: (r) => r.indicators.length > 0 || r.scoreItems.length > 0,
  scores: (r) => r.scoreItems.length > 0 || r.indicators.length > 0,
  amounts: undefined,
};

export default defineDocumentCheck({
  id: 'form-unread',
  severity: 'warning',
  description: { zh: '认出是自评表，但其预算执行块或指标表未能读出', en: 'a recognised form whose budget block or indicator table could not be read' },
  formula: '表单类型（按标题识别）所含各块 = 已读出的记录',
  messages: {
    unread: {
      zh: '本文件是“{form}”，但未能读出其中的“{table}”，该部分的算术未经核查；请核对原表（表格可能缺失、为扫描件或图片，或版式特殊）',
      en: 'this file is a "{form}" but its "{table}" could not be read, so its arithmetic was not checked; check the original (the table may be missing, a scan or an image, or laid out unusually)',
    },
  },
  *run(report) {
    const profile = profiles.find((p) => p.id === report.meta.form);
    if (!profile) return;
    for (const block of profile.blocks) {
      const read = READ[block.kind];
      if (!read || read(report)) continue;
      yield { messageId: 'unread', location: { file: report.path }, data: { form: profile.kind, table: block.name, block: block.kind } };
    }
  },
});
