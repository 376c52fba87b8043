// Who writes: the endings of an organisation's name (a unit's own name before its figures: 某某学院收入预算总额).

/** Endings of a budget unit's name, as a report's title or a sentence writes it (某某镇人民政府, 某某局, 某某学院). */
export const ORGANISATION_SUFFIXES = [
  '人民政府', '政府', '委员会', '局', '镇', '乡', '街道办事处', '街道', '办公室', '中心', '学校', '小学', '中学', '医院', '院',
  '所', '站', '队', '馆', '社', '会', '部', '厅', '委', '办', '公司', '村', '社区',
] as const;

/**
 * The endings of a unit's name that may stand before the unit's own figure (某某镇人民政府收入预算总额): only
 * endings of whole bodies, not of words that also end a part's name (社会保障, 财务部, 工会经费).
 */
export const OWNER_SUFFIXES = [
  '人民政府', '政府', '委员会', '局', '镇', '乡', '街道办事处', '街道', '中心', '学校', '学院', '大学', '小学', '中学', '医院',
  '卫生院', '法院', '检察院', '研究院', '所', '站', '馆',
] as const;
