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

/**
 * The writer named by a word for itself: 我院, 本局, 部门 or 单位 alone (as a 部门预算说明 says 部门支出总预算), and the place
 * a 财政 report is about (全县, 我市, 本区).
 */
export const SELF_OWNER = '[我本](?:院|局|委|办|校|中心)|[我本]?(?:部门|单位)|[全我本][省市州盟县区旗镇乡]';

/** Nouns that count a unit's internal bodies (内设5个科室, 8个二级单位, 6个处室, 七个审判业务庭). */
export const BODY_NOUNS = ['部门', '处室', '科室', '股室', '部室', '机构', '单位', '庭'] as const;

/** Endings of an internal body's name (办公室, 人事股, 教务处, 工会, 信息中心, 质安监站, 城建档案馆). */
export const BODY_SUFFIXES = ['室', '科', '处', '股', '部', '办', '庭', '队', '中心', '站', '所', '馆', '会', '组', '院', '局', '委', '公司'] as const;
