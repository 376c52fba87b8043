// 某项检查处理本文件时出错: a check that threw is reported, not fatal; the message lives here.
import { defineRule } from '../define.js';

export default defineRule({
  id: 'internal-error',
  severity: 'warning',
  description: { zh: '某项检查处理本文件时出错，该项未完成核查', en: 'a check failed on this file and was not completed' },
  messages: {
    'internal-error': {
      zh: '检查“{check}”处理本文件时出错（{cause}），该项未完成核查。请将文件提交给维护者。',
      en: 'check "{check}" failed on this file ({cause}); it was not completed. Please report this file to the maintainers.',
    },
  },
});
