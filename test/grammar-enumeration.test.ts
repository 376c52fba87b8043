// Enumerations after 分别是/具体为/：, with bracketed aliases kept inside their items.
import { describe, it, expect } from 'vitest';
import { readEnumeration } from '../src/model/prose/enumeration.js';

describe('readEnumeration', () => {
  it('keeps bracketed aliases (even with 、 inside) in their item', () => {
    const r = readEnumeration('办公室（内部审计办公室）、党建办公室、经济发展办公室（乡村振兴办公室、生态环境办公室）、财政所。设置公益一类事业单位3个');
    expect(r?.items).toEqual(['办公室（内部审计办公室）', '党建办公室', '经济发展办公室（乡村振兴办公室、生态环境办公室）', '财政所']);
  });

  it('ends a 、 list at the first ，', () => {
    expect(readEnumeration('党群办、党政办、经发办，行政编制（含工勤编制）人员24人；')?.items).toEqual(['党群办', '党政办', '经发办']);
  });

  it('splits a ； list and keeps its commas out', () => {
    expect(readEnumeration('：得分≥85分为优秀；75≤得分＜85分为良好；得分＜60分为较差。')?.items)
      .toEqual(['得分≥85分为优秀', '75≤得分＜85分为良好', '得分＜60分为较差']);
  });

  it('does not split a name at 和', () => {
    expect(readEnumeration('财政办、民政和社会事务办、规划建设管理环保办')?.items).toEqual(['财政办', '民政和社会事务办', '规划建设管理环保办']);
  });

  it('gives up on unbalanced brackets rather than guessing', () => {
    expect(readEnumeration('甲（乙、丙、丁')).toBeNull();
  });

  it('splits the last item at 和/及/以及 when both halves are items of the list', () => {
    expect(readEnumeration('机关后勤服务中心和信息中心。')?.items).toEqual(['机关后勤服务中心', '信息中心']);
    expect(readEnumeration('办公室、财务室以及档案室')?.items).toEqual(['办公室', '财务室', '档案室']);
    expect(readEnumeration('办公室、公共服务及信息中心和档案中心')?.items).toEqual(['办公室', '公共服务及信息中心', '档案中心']);
  });

  it('keeps 和 inside the last name when a half is no item, or gives up when it cannot tell', () => {
    expect(readEnumeration('办公室（综合和文秘）、财务室')?.items).toEqual(['办公室（综合和文秘）', '财务室']);
    expect(readEnumeration('办公室、财务科、文秘和档案科')).toBeNull();
  });

  it('keeps items written name：type whole in a ； list, and still ends a 、 list at a colon', () => {
    expect(readEnumeration('综合服务中心：公益一类；农业服务站：公益二类。')?.items).toEqual(['综合服务中心：公益一类', '农业服务站：公益二类']);
    expect(readEnumeration('甲室、乙室：另有丙')?.items).toEqual(['甲室', '乙室']);
  });

  it('gives up on a ，-list closed by ；', () => {
    expect(readEnumeration('办公室，负责协调；财务科，负责财务。')).toBeNull();
  });
});
