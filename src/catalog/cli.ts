// What the command line says itself: help, usage and configuration errors, notes on stderr — in both languages, so a
// run with --lang zh prints no English sentence and one with --lang en no Chinese one.
import { phrasebook, type Lang } from './define.js';

export const cli = phrasebook('cli', {
  // help
  'program-description': {
    zh: '绩效自评报告算术核查：读取 docx / pdf / xlsx，抽取章节、数字与指标表，核对执行率、占比、合计、得分与等级。',
    en: 'Checks the arithmetic of budget performance self-evaluation reports: reads docx / pdf / xlsx, extracts sections, numbers and indicator tables, and checks rates, shares, totals, scores and grades.',
  },
  'version-option': { zh: '显示版本号', en: 'show the version' },
  'help-option': { zh: '显示帮助', en: 'show help' },
  'help-command': { zh: '显示某个命令的帮助', en: 'show help for a command' },
  'read-description': { zh: '读取文件，输出文档模型（段落与表格，带位置）的 JSON 数组，每个文件一个对象', en: 'read files and print the document model (paragraphs and tables, with locations) as a JSON array, one object per file' },
  'extract-description': { zh: '抽取结构化记录（章节、数字、关系、指标、评分项、预算）并输出 JSON 数组，每个文件一个对象', en: 'extract the records (sections, numbers, relations, indicators, score items, budget) as a JSON array, one object per file' },
  'files-argument': {
    zh: '文件：.docx .pdf .xlsx，旧版 .doc .wps .xls .et，或 .ofd',
    en: 'files: .docx .pdf .xlsx, legacy .doc .wps .xls .et, or .ofd',
  },
  'check-description': {
    zh: '核查算术：执行率、占比、合计、增长率、列举个数、得分、等级、权重（文件或文件夹，递归；- 表示从标准输入逐行读取路径）',
    en: 'check the arithmetic: rates, shares, totals, growth, list counts, scores, grades, weights (files or folders, recursively; - reads paths from standard input, one per line)',
  },
  'paths-argument': {
    zh: '文件或文件夹；- 从标准输入读取路径，每行一个（加 -0 则以 NUL 分隔）',
    en: 'files or folders; - reads paths from standard input, one per line (NUL-separated with -0)',
  },
  'format-option': { zh: '输出格式：stylish 终端 | json | ndjson 每文件一行 | junit | github | xlsx（需 -o）', en: 'output format: stylish (terminal) | json | ndjson (a line per file) | junit | github | xlsx (needs -o)' },
  'output-option': { zh: '写入文件而非标准输出（原子写入）', en: 'write to a file instead of standard output (atomically)' },
  'records-option': { zh: '每个文件的行附上抽取的记录（-f ndjson），供 summary 汇总分片', en: "add each file's extracted records to its line (-f ndjson), for summary to reduce shards" },
  'no-cross-file-option': {
    zh: '不做跨文件核对（同一单位、年度的报告与自评表中同一数字是否一致，同一文件的不同格式只计一次）',
    en: "skip the checks across files (whether a unit's report and forms for a year state the same figures; a document's copies counted once)",
  },
  'config-option': { zh: '配置文件（默认读取当前目录的 jixiao.config.json）', en: 'configuration file (default: jixiao.config.json in the current folder)' },
  'lang-option': { zh: '消息语言', en: 'language of the messages' },
  'quiet-check': { zh: '只显示错误', en: 'list errors only' },
  'quiet-summary': { zh: '问题清单只列错误', en: 'list only errors in the findings sheet' },
  'quiet-annotate': { zh: '只标注错误', en: 'mark errors only' },
  'max-warnings-option': { zh: '警告数超过 n 时以退出码 1 结束', en: 'exit with code 1 when there are more than n warnings' },
  'jobs-option': {
    zh: '同时处理的文件数上限（默认为 CPU 核数）。每 {perWorker} 个文件用一个工作线程：不超过 {perWorker} 个文件的批次只用一个，更多时按文件数加开，最多到此上限：小批量时一个线程比启动第二个更快',
    en: 'the most files checked at once (default: the number of CPU cores). One worker thread per {perWorker} files: a batch of {perWorker} files or fewer runs on one, a larger one on more, up to this number: on a small batch one thread is faster than starting a second',
  },
  'null-option': {
    zh: '标准输入（-）上的路径以 NUL 分隔（find -print0 的输出；同 xargs -0）',
    en: 'paths on standard input (-) are separated by NUL (as find -print0 writes them; as xargs -0)',
  },
  'allow-empty-option': {
    zh: '给出的路径里没有可检查的文件时，输出空结果并以退出码 0 结束（默认为用法错误，退出码 2）',
    en: 'when the paths hold no file to check, write the empty result and exit 0 (by default a usage error, exit 2)',
  },
  'timeout-option': {
    zh: '单个文件的处理时限（秒），超时的文件报告 timeout 并继续（默认 60，加 --ocr 时 {ocr}）',
    en: 'time limit per file in seconds; a file that takes longer is reported as timeout and the run goes on (default 60, {ocr} with --ocr)',
  },
  'ocr-option': {
    zh: '识别扫描版 PDF（只有图像、没有文字层的页）：离线 OCR（tesseract.js 中文模型），每页约 5–15 秒；识别出的数字可能有误，相关问题最多为警告',
    en: 'read scanned PDFs (pages with images and no text layer) by offline OCR (tesseract.js Chinese model), about 5–15 s a page; numbers read may be wrong, so findings on them are warnings at most',
  },
  'summary-description': { zh: '把核查结果汇总成 Excel 工作簿：汇总、问题清单、指标、评分（需 -o）', en: 'write the results as an Excel workbook: summary, findings, indicators, scores (needs -o)' },
  'summary-paths-argument': {
    zh: '文件或文件夹；.ndjson 分片（check -f ndjson --records 的输出）；- 从标准输入读取路径或分片行',
    en: 'files or folders; .ndjson shards (output of check -f ndjson --records); - reads paths or shard lines from standard input',
  },
  'summary-output-option': { zh: '输出的 .xlsx 文件', en: 'the .xlsx file to write' },
  'annotate-description': {
    zh: '写审阅副本：每份有错误或警告的报告复制为 <名称>.审阅.<扩展名>，问题以批注、单元格备注或 PDF 高亮标在原处（原文件不动）',
    en: 'write review copies: each report with errors or warnings copied as <name>.审阅.<ext>, findings marked in place as comments, cell notes or PDF highlights (the original is not touched)',
  },
  'annotate-output-option': {
    zh: '审阅副本写入的文件夹（按输入的文件夹结构分子文件夹）；只有一个输入文件时也可以是新文件名，如 -o 审阅.docx',
    en: "the folder the review copies are written to (mirroring the inputs' folders); for a single input file also a new file name, e.g. -o review.docx",
  },
  'all-option': { zh: '没有错误或警告的文件也写副本（提示以浅蓝标出）', en: 'write a copy of files without errors or warnings too (information marked light blue)' },
  'rules-description': { zh: '列出全部检查规则', en: 'list every rule' },
  'json-option': { zh: '以 JSON 输出', en: 'print JSON' },
  'schema-description': { zh: '输出 JSON Schema（extract 的报告记录，或 read 的文档模型）', en: 'print the JSON Schema (of the records extract prints, or of the document model read prints)' },
  'of-option': { zh: '哪一个模型', en: 'which model' },
  // commander's help layout
  'title-usage': { zh: '用法：', en: 'Usage:' },
  'title-options': { zh: '选项：', en: 'Options:' },
  'title-commands': { zh: '命令：', en: 'Commands:' },
  'title-arguments': { zh: '参数：', en: 'Arguments:' },
  'title-global-options': { zh: '全局选项：', en: 'Global Options:' },
  'help-choices': { zh: '可选：{choices}', en: 'choices: {choices}' },
  'help-default': { zh: '默认：{value}', en: 'default: {value}' },
  'help-extra': { zh: '（{items}）', en: '({items})' },
  'help-extra-separator': { zh: '；', en: ', ' },
  'help-hint': { zh: '（使用 jixiao --help 查看用法）', en: '(run jixiao --help for usage)' },
  // usage errors (exit 2)
  'unknown-option': { zh: '未知选项 {option}', en: 'unknown option {option}' },
  'unknown-command': { zh: '未知命令 {command}', en: 'unknown command {command}' },
  'did-you-mean': { zh: '，是否想用 {suggestion}？', en: ' (did you mean {suggestion}?)' },
  'missing-argument': { zh: '缺少参数 {argument}', en: 'missing argument {argument}' },
  'option-missing-argument': { zh: '选项 {option} 缺少取值', en: 'option {option} needs a value' },
  'missing-mandatory-option': { zh: '缺少必需的选项 {option}', en: 'the option {option} is required' },
  'invalid-option-value': { zh: '选项 {option} 的取值 {value} 无效：{reason}', en: 'option {option}: the value {value} is invalid: {reason}' },
  'invalid-argument-value': { zh: '参数 {argument} 的取值 {value} 无效：{reason}', en: 'argument {argument}: the value {value} is invalid: {reason}' },
  'allowed-choices': { zh: '可选 {choices}', en: 'allowed: {choices}' },
  'too-many-arguments': { zh: '参数过多：应为 {expected} 个，实为 {received} 个', en: 'too many arguments: {expected} expected, {received} given' },
  'usage-error': { zh: '用法错误（{code}）', en: 'usage error ({code})' },
  'non-negative-integer': { zh: '应为非负整数', en: 'a non-negative integer is needed' },
  'positive-integer': { zh: '应为正整数', en: 'a positive integer is needed' },
  'positive-seconds': { zh: '应为正数，单位秒', en: 'a positive number of seconds is needed' },
  'path-missing': { zh: '路径不存在：{paths}', en: 'no such path: {paths}' },
  'no-inputs': {
    zh: '没有找到可检查的文件（.docx .pdf .xlsx .doc .xls .wps .et .ofd）。请确认路径；文件夹可能为空时加 --allow-empty。',
    en: 'no file to check was found (.docx .pdf .xlsx .doc .xls .wps .et .ofd); check the paths, or add --allow-empty where an empty folder is normal.',
  },
  'nul-in-list': {
    zh: '标准输入的路径列表中有 NUL 字符（像是 find -print0 的输出）：请加 -0（--null）按 NUL 分隔读取。',
    en: 'the path list on standard input contains a NUL character (as find -print0 writes): add -0 (--null) to read NUL-separated paths.',
  },
  'read-folder': {
    zh: '{path} 是一个文件夹；read 和 extract 读取单个文件。要检查文件夹里的全部报告，请用 jixiao check {path}',
    en: '{path} is a folder; read and extract take files. To check every report in it, use jixiao check {path}',
  },
  'records-format': { zh: '--records 只能与 -f ndjson 或 -f json 同用', en: '--records works only with -f ndjson or -f json' },
  'needs-output': { zh: '{format} 格式输出的是文件，请用 -o 指定输出文件，例如 -o 汇总.xlsx', en: 'the {format} format writes a file: name it with -o, for example -o summary.xlsx' },
  'workbook-name': {
    zh: '工作簿只能写入 .xlsx 文件：{output}。请用 -o 汇总.xlsx；需要逐条的文字结果可用 check -f json 或 -f ndjson。',
    en: 'a workbook can only be written to a .xlsx file, not {output}: use -o summary.xlsx, or check -f json / -f ndjson for the findings as text.',
  },
  'not-workbook-name': {
    zh: '{output} 是 .xlsx 文件名，但输出格式是 {format}。要生成工作簿，请用 jixiao summary … -o {output} 或 -f xlsx。',
    en: '{output} is a .xlsx name but the format is {format}; for a workbook use jixiao summary … -o {output} or -f xlsx.',
  },
  // output paths (said before any report is read) and write failures (exit 2)
  'output-is-folder': {
    zh: '-o {output} 是一个已存在的文件夹；请给出要写入的文件名，例如 -o {example}。',
    en: '-o {output} is an existing folder; name the file to write, e.g. -o {example}.',
  },
  'example-workbook': { zh: '汇总.xlsx', en: 'summary.xlsx' },
  'output-unusable': { zh: '无法写入 -o {output}：{why}。', en: 'cannot write -o {output}: {why}.' },
  'write-failed': { zh: '写入 {output} 失败：{why}；输出不完整。', en: 'writing {output} failed: {why}; the output is incomplete.' },
  'stdout-failed': { zh: '写入标准输出失败：{why}；输出不完整。', en: 'writing to standard output failed: {why}; the output is incomplete.' },
  'annotate-output-is-file': {
    zh: '-o {output} 是已存在的文件，且不是 jixiao 为这个输入写的审阅副本，不会覆盖它。请给出文件夹，或一个新文件名（只有一个输入文件时）。',
    en: '-o {output} is an existing file, not the review copy jixiao wrote of this input; it is not overwritten. Give a folder, or a new file name (for a single input file).',
  },
  'annotate-output-one-file': {
    zh: '-o {output} 是一个文件名，但有 {count} 个文件要写审阅副本；请用一个文件夹，例如 -o 审阅/。',
    en: '-o {output} is a file name, but {count} files are to be annotated; give a folder, e.g. -o review/.',
  },
  'annotate-output-extension': {
    zh: '-o {output} 的扩展名与审阅副本的格式不符：这个文件的副本是 {want}。',
    en: "-o {output} does not have the review copy's extension: this file's copy is {want}.",
  },
  // a system error in words, with its code for a search: 磁盘已满（ENOSPC）
  'errno-words': { zh: '{words}（{code}）', en: '{words} ({code})' },
  'errno-unknown': { zh: '未知错误', en: 'unknown error' },
  'errno-ENOSPC': { zh: '磁盘已满', en: 'no space left on the device' },
  'errno-EDQUOT': { zh: '超出磁盘配额', en: 'disk quota exceeded' },
  'errno-EACCES': { zh: '没有写入权限', en: 'permission denied' },
  'errno-EPERM': { zh: '没有写入权限', en: 'operation not permitted' },
  'errno-EROFS': { zh: '只读文件系统', en: 'read-only file system' },
  'errno-ENOTDIR': { zh: '路径中有一段是文件而不是文件夹', en: 'a part of the path is a file, not a folder' },
  'errno-EISDIR': { zh: '这是一个文件夹', en: 'it is a folder' },
  'errno-ENOENT': { zh: '文件夹不存在', en: 'the folder does not exist' },
  'errno-ENAMETOOLONG': { zh: '文件名或路径过长', en: 'the file name or path is too long' },
  'errno-EIO': { zh: '输入/输出错误', en: 'input/output error' },
  'errno-EFBIG': { zh: '文件过大', en: 'file too large' },
  'errno-EEXIST': { zh: '已存在同名文件', en: 'a file of that name exists' },
  // the configuration (exit 2)
  'config-unreadable': { zh: '无法读取配置文件 {path}（{code}）', en: 'cannot read the configuration file {path} ({code})' },
  'config-json': { zh: '配置文件 {path} 不是有效的 JSON（第 {line} 行第 {column} 列附近）', en: 'the configuration file {path} is not valid JSON (near line {line}, column {column})' },
  'config-json-anywhere': { zh: '配置文件 {path} 不是有效的 JSON', en: 'the configuration file {path} is not valid JSON' },
  'config-invalid': { zh: '配置文件 {path} 有误：{problems}', en: 'the configuration file {path} is wrong: {problems}' },
  'problem-separator': { zh: '；', en: '; ' },
  'unknown-key': {
    zh: '{where}没有“{key}”这一项{near}（可用的项：{known}）',
    en: '{where}has no setting "{key}"{near} (settings: {known})',
  },
  'key-near': { zh: '，是否想写“{near}”？', en: '; did you mean "{near}"?' },
  'in-config': { zh: '配置中', en: 'the configuration ' },
  'in-grade-band': { zh: 'gradeBands 第 {n} 项中', en: 'gradeBands item {n} ' },
  'in-rule-setting': { zh: '规则“{name}”的设置中', en: 'the setting of rule "{name}" ' },
  'in-rule-band': { zh: '规则“{name}”的 bands 第 {n} 项中', en: 'the bands item {n} of rule "{name}" ' },
  'unread-rule-off': {
    zh: '规则“{name}”不能设为 {severity}：它报告的是未能读取或未能核查的文件，关掉它会让这样的文件显得没有问题，最低可设为 warning',
    en: 'rule "{name}" cannot be set to {severity}: it reports a file that was not read or not checked, and silencing it would let such a file pass as clean; the lowest allowed is warning',
  },
  'unknown-rule': { zh: '没有名为“{name}”的规则（全部规则名见 jixiao rules）', en: 'there is no rule "{name}" (jixiao rules lists them all)' },
  'unknown-rule-near': { zh: '没有名为“{name}”的规则，是否想写“{near}”？（全部规则名见 jixiao rules）', en: 'there is no rule "{name}"; did you mean "{near}"? (jixiao rules lists them all)' },
  'bad-severity': { zh: '规则“{name}”的级别 {value} 无效，可用的级别：{allowed}', en: 'rule "{name}": the severity {value} is invalid; use one of {allowed}' },
  'value-expected': { zh: '{path} 应为{expected}', en: '{path} should be {expected}' },
  'value-one-of': { zh: '{path} 应为以下之一：{values}', en: '{path} should be one of {values}' },
  'value-too-small': { zh: '{path} 过小或过短（至少 {minimum}）', en: '{path} is too small or too short (at least {minimum})' },
  'value-too-big': { zh: '{path} 过大或过长（至多 {maximum}）', en: '{path} is too big or too long (at most {maximum})' },
  'value-unknown-keys': { zh: '{path} 中有未知的项 {keys}', en: '{path} has unknown entries {keys}' },
  'value-invalid': { zh: '{path} 的值无效', en: '{path} is invalid' },
  'the-whole-file': { zh: '整个文件', en: 'the whole file' },
  'type-number': { zh: '数字', en: 'a number' },
  'type-string': { zh: '文字', en: 'a string' },
  'type-boolean': { zh: 'true 或 false', en: 'true or false' },
  'type-array': { zh: '数组', en: 'a list' },
  'type-object': { zh: '对象', en: 'an object' },
  'type-other': { zh: '{type} 类型的值', en: 'a {type}' },
  // summary's shards (exit 2)
  'shard-stdin': { zh: '标准输入', en: 'standard input' },
  'shard-line': { zh: '{shard} 第 {line} 行', en: '{shard} line {line}' },
  'shard-this-run': { zh: '本次检查', en: 'this run' },
  'shard-unreadable': { zh: '无法读取分片 {shard}：{code}', en: 'cannot read the shard {shard}: {code}' },
  'shard-not-json': { zh: '{where} 不是完整的 JSON 行（分片可能在写入中途中断，请重做该分片）', en: '{where} is not a complete JSON line (the shard may have been cut off while written; make it again)' },
  'shard-not-records': { zh: '{where} 不是 jixiao check -f ndjson --records 的输出：{problem}', en: '{where} is not output of jixiao check -f ndjson --records: {problem}' },
  'shard-no-records': { zh: '{where} 没有抽取记录：分片须用 jixiao check -f ndjson --records 生成', en: '{where} holds no extracted records: make shards with jixiao check -f ndjson --records' },
  'shard-unknown-message': {
    zh: '{where} 含有本版本 jixiao 没有的消息 {rule}.{messageId}：请用本版本重做该分片',
    en: '{where} holds a message this version of jixiao does not have, {rule}.{messageId}: make the shard again with this version',
  },
  'shard-version': {
    zh: '{where} 的格式版本为 {found}，本版本 jixiao 读取的是 {expected}：请用本版本重做该分片',
    en: '{where} has format version {found}; this version of jixiao reads {expected}: make the shard again with this version',
  },
  'shard-no-version': { zh: '未标明（早于 2）', en: 'none (older than 2)' },
  'shard-conflict': { zh: '{path} 在 {first} 与 {second} 中的结果不同；请去掉重复或过时的分片', en: '{path} has different results in {first} and {second}; remove the duplicate or stale shard' },
  // notes on stderr
  'skip-output': { zh: '跳过 {path}：它是本次的输出文件（-o），将被覆盖，不作为报告检查。', en: "skipped {path}: it is this run's own output (-o), about to be overwritten, not a report." },
  'skip-own-workbook': { zh: '跳过 {path}：它是 jixiao 生成的汇总工作簿，不作为报告检查。', en: 'skipped {path}: it is a summary workbook jixiao wrote, not a report.' },
  'skip-in-output-folder': { zh: '跳过 {path}：它在输出文件夹（-o）中。', en: 'skipped {path}: it is in the output folder (-o).' },
  'skip-loop': { zh: '跳过 {path}：符号链接循环，指回上级文件夹 {target}。', en: 'skipped {path}: a symbolic link loop back to the folder {target}.' },
  'skip-link-loop': {
    zh: '跳过 {path}：符号链接循环（指向 {target}，最终又指回自身）。',
    en: 'skipped {path}: a symbolic link loop (it points to {target}, which leads back to itself).',
  },
  'skip-review-copy': { zh: '跳过 {path}：它是 jixiao 写的审阅副本，不作为报告检查。', en: 'skipped {path}: it is a review copy jixiao wrote, not a report.' },
  'config-loaded': { zh: '使用配置文件 {path}', en: 'using the configuration file {path}' },
  // review copies (annotate): the listing on stdout, and why a file got none
  'copy-listed': { zh: '{source} → {copy}{replaced}', en: '{source} → {copy}{replaced}' },
  'copy-replaced': { zh: '（替换了上次为该文件写的副本）', en: ' (replaced the earlier copy of this file)' },
  'no-copy': { zh: '{path}：未写审阅副本：{why}。', en: '{path}: no review copy: {why}.' },
  'no-copy-failed': { zh: '文件未能读取', en: 'the file could not be read' },
  'no-copy-failed-why': { zh: '文件未能读取：{why}', en: 'the file could not be read: {why}' },
  'no-copy-ofd': { zh: 'OFD 文件暂不能写审阅副本，问题见 check 的结果', en: 'review copies of OFD files are not supported yet; see check for the findings' },
  'no-copy-scan': {
    zh: '扫描件：文字不在文字层里（没有文字层或经 OCR 识别），副本无法把问题标在原处，问题见 check 的结果',
    en: 'a scan: its text is not in a text layer (none, or read by OCR), so a copy cannot mark the findings where they are; see check',
  },
  'no-copy-unknown': { zh: '不是 Word、Excel 或 PDF 文件', en: 'not a Word, Excel or PDF file' },
  'no-copy-no-soffice': {
    zh: '旧版文件的审阅副本是它转换成的 .{target}，需要 LibreOffice（soffice），本机未安装',
    en: 'the review copy of a legacy file is its conversion to .{target}, which needs LibreOffice (soffice), not installed here',
  },
  'no-copy-conversion': { zh: 'LibreOffice 未能转换该文件（{cause}）', en: 'LibreOffice could not convert the file ({cause})' },
  'no-copy-output-extension': { zh: '副本应为 {want} 文件，与 -o {output} 的扩展名不符', en: 'the copy is a {want} file, unlike -o {output}' },
  'no-copy-write': { zh: '写入副本失败：{why}', en: 'writing the copy failed: {why}' },
  'no-copy-internal': { zh: '生成副本时出错（{cause}）', en: 'the copy could not be made ({cause})' },
  written: {
    zh: '已写入 {output}：{files} 个文件，{errors} 个错误，{warnings} 个警告',
    en: 'wrote {output}: {files} file{files|s}, {errors} error{errors|s}, {warnings} warning{warnings|s}',
  },
  'written-failed': { zh: '，{failed} 个文件无法读取', en: ', {failed} unreadable' },
  'sentence-end': { zh: '。', en: '.' },
  'too-many-warnings': { zh: '警告 {warnings} 个，超过 --max-warnings {max} 的上限。', en: '{warnings} warnings, more than --max-warnings {max}.' },
  'internal-error': { zh: '内部错误：{detail}', en: 'internal error: {detail}' },
});

export type CliPhrase = keyof typeof cli.entries;

/** "磁盘已满（ENOSPC）": a system error in words, with its code for a search (an unknown code is shown as it is). */
export function errnoText(code: string | undefined, lang: Lang): string {
  if (!code) return cli('errno-unknown', lang);
  const words = `errno-${code}`;
  return words in cli.entries ? cli('errno-words', lang, { words: cli(words as CliPhrase, lang), code }) : code;
}
