// 文件无法读取（损坏、加密、格式不符、不可访问）: raised by the readers and the batch; the messages for every cause live here.
import { defineRule } from '../define.js';

export default defineRule({
  id: 'read-error',
  severity: 'error',
  description: { zh: '文件无法读取（损坏、加密或格式不符）', en: 'the file cannot be read (corrupt, encrypted or not what it claims)' },
  messages: {
    // what the first bytes say the file is not
    empty: { zh: '文件为空（0 字节），无法读取。请重新获取或重新导出该文件。', en: 'The file is empty (0 bytes).' },
    'zip-other': {
      zh: '压缩包中既没有 word/document.xml 也没有 xl/workbook.xml，不是 Word 或 Excel 文档。',
      en: 'A zip archive, but neither a Word nor an Excel document.',
    },
    text: { zh: '这是纯文本文件，不是 docx、pdf 或 xlsx。请提交原始的 Word、PDF 或 Excel 文件。', en: 'A plain text file, not docx, pdf or xlsx.' },
    binary: {
      zh: '无法识别的文件格式：既不是 docx、xlsx、OFD，也不是 PDF 或旧版 Word/Excel。请确认文件扩展名与内容一致。',
      en: 'Unrecognised file format: not docx, xlsx, OFD, PDF or legacy Word/Excel.',
    },
    ole2: {
      zh: '旧版 Office 复合文档，其中既没有 Word 文档流也没有 Excel 工作簿流，无法识别其类型。请另存为 .docx 或 .xlsx。',
      en: 'A legacy OLE2 compound file holding neither a Word document nor an Excel workbook stream.',
    },
    // the file system
    'not-found': { zh: '文件不存在：{path}', en: 'File not found: {path}' },
    'no-permission': { zh: '没有读取权限：{path}', en: 'Permission denied: {path}' },
    'is-directory': { zh: '这是一个文件夹：{path}', en: 'This is a folder: {path}' },
    'link-loop': { zh: '符号链接循环：{path}', en: 'Symbolic link loop: {path}' },
    'cannot-open': { zh: '无法打开文件（{code}）：{path}', en: 'Cannot open file ({code}): {path}' },
    'not-a-file': { zh: '这不是普通文件（可能是设备、管道或套接字），未读取：{path}', en: 'Not a regular file (a device, pipe or socket); not read: {path}' },
    'too-large': {
      zh: '文件过大（{size}），超过 {max} 的上限，未读取。绩效自评报告通常只有几 MB；请确认是否放错了文件，或拆分后再检查。',
      en: 'The file is too large ({size}, over the {max} limit); it was not read.',
    },
    inaccessible: { zh: '无法访问：{reason}（{code}）。请检查该路径的权限或链接是否有效。', en: 'Cannot access this path ({reason}, {code}); check its permissions or link target.' },
    missing: { zh: '无法访问：文件或文件夹不存在（{code}）。请检查路径是否写对、文件是否已被移走。', en: 'Cannot access this path ({code}): it does not exist; check its spelling or whether the file was moved.' },
    'reason-missing': { zh: '链接指向的文件或文件夹不存在', en: 'the link points to nothing' },
    'reason-loop': { zh: '符号链接循环，指回上级文件夹 {target}', en: 'a symbolic link loop back to {target}' },
    'reason-denied': { zh: '没有读取权限', en: 'permission denied' },
    'reason-not-dir': { zh: '路径中的某一级不是文件夹', en: 'a part of the path is not a folder' },
    'reason-too-long': { zh: '路径过长', en: 'the path is too long' },
    'reason-other': { zh: '系统错误', en: 'system error' },
    // the package
    'zip-corrupt': {
      zh: '文件已损坏：压缩包结构不完整（{detail}），可能在下载或复制时被截断。请重新获取原文件，或用 Word/WPS/Excel 打开修复后另存。',
      en: 'Corrupt file: the zip structure is broken ({detail}); it may have been truncated.',
    },
    'zip-bomb': {
      zh: '疑似压缩炸弹，已拒绝解压：{detail}。请确认文件来源，或向报送单位索取正常保存的文件。',
      en: 'Refused: looks like a zip bomb ({detail}). Check where the file came from or ask for a normally saved copy.',
    },
    'detail-truncated': { zh: '找不到中央目录', en: 'no end of central directory' },
    'detail-entry-bounds': { zh: '中央目录条目越界', en: 'a central directory entry is out of bounds' },
    'detail-no-local-header': { zh: '成员 {member} 的本地头不存在', en: 'the local header of {member} is missing' },
    'detail-data-bounds': { zh: '成员 {member} 的数据越界', en: 'the data of {member} runs past the end' },
    'detail-inflate': { zh: '成员 {member} 无法解压：{cause}', en: 'member {member} cannot be inflated: {cause}' },
    'detail-method': { zh: '成员 {member} 使用了不支持的压缩方式 {method}', en: 'member {member} uses the unsupported compression method {method}' },
    'detail-members': { zh: '成员数 {count} 超过上限 {max}', en: '{count} members, over the {max} limit' },
    'detail-member-size': { zh: '成员 {member} 声明解压后 {size}，超过单个成员上限 {max}', en: 'member {member} declares {size}, over the {max} per-member cap' },
    'detail-ratio': { zh: '成员 {member} 压缩比异常（{ratio}:1）', en: 'member {member} has a compression ratio of {ratio}:1' },
    'detail-total': { zh: '解压后总大小 {size}，超过上限 {max}', en: 'members declare {size} in all, over the {max} cap' },
    'detail-budget': { zh: '成员 {member} 声明解压后 {size}，超过本文件剩余的解压额度', en: 'member {member} declares {size}, more than this file may still inflate' },
    'detail-size-lie': {
      zh: '成员 {member} 实际解压后超过其声明的 {size}（压缩包头信息不实）',
      en: 'member {member} inflates past the {size} its headers declare',
    },
    'xml-dtd': {
      zh: '文件内部的 XML 部件 {part} 含有 DTD 声明（<!DOCTYPE> 或 <!ENTITY>）。Office 文档从不包含 DTD，这是实体膨胀（“billion laughs”）或外部实体（XXE）攻击的写法，已拒绝读取：其中的实体未展开，引用的外部文件也未读取。请向报送单位索取用 Word/WPS/Excel 正常保存的文件。',
      en: 'The package part {part} declares a DTD (<!DOCTYPE> or <!ENTITY>). Office never writes one; it is how entity-expansion ("billion laughs") and external-entity (XXE) attacks are built. Refused: no entity was expanded and no external file was read.',
    },
    'xml-too-deep': {
      zh: '文件内部的 XML 部件 {part} 元素嵌套超过 {max} 层（例如表格层层嵌套），远超正常文档，可能是恶意构造或已损坏，已拒绝读取。请用 Word/WPS/Excel 打开后去掉多余的嵌套再另存，或向报送单位索取正常文件。',
      en: 'The package part {part} nests elements more than {max} deep (e.g. tables inside tables), far beyond any real document. Refused: it is hostile or broken.',
    },
    'docx-corrupt': {
      zh: '文件已损坏，无法解压 Word 文档（{detail}）。请重新获取原文件，或用 Word/WPS 打开修复后另存为 .docx。',
      en: 'Corrupt docx: cannot unzip ({detail}).',
    },
    'docx-member-size': { zh: '成员 {member} 解压后为 {size}，超过单个成员上限 {max}', en: 'member {member} inflates to {size}, over the {max} per-member cap' },
    'docx-total': { zh: '文档各部分解压后共 {size}，超过上限 {max}', en: 'document parts inflate to {size}, over the {max} cap' },
    'docx-no-document': { zh: '缺少 word/document.xml', en: 'word/document.xml is missing' },
    'docx-unparsable': {
      zh: '无法解析 Word 文档内容（{cause}）。文件可能已损坏，请用 Word/WPS 打开并另存为 .docx 后再试。',
      en: 'Cannot parse the Word document ({cause}).',
    },
    // PDF
    encrypted: {
      zh: '该 PDF 已加密（打开需要密码），无法读取其中的文字。请提供未加密的文件（在原软件中取消密码后重新导出）。',
      en: 'This PDF is encrypted (a password is required to open it). Provide an unencrypted file.',
    },
    'pdf-corrupt': {
      zh: 'PDF 文件结构损坏，无法读取（{cause}）。文件可能在下载或复制时被截断，请重新获取或重新导出 PDF 后再试。',
      en: 'Corrupt PDF structure, cannot read it ({cause}). Re-download or re-export the PDF.',
    },
    'too-many-pages': {
      zh: '该 PDF 声称有 {pages} 页，超过 {max} 页的上限，远超任何绩效自评报告，可能是恶意构造或多份文件的合订本，已拒绝读取。请确认文件来源；如是合订本，请拆分后分别检查。',
      en: 'This PDF claims {pages} pages, over the {max}-page limit; it was not read. Split a compiled volume and check its parts.',
    },
    // OFD
    'ofd-corrupt': {
      zh: 'OFD 文件结构不完整（{detail}），无法读取。请重新获取原文件，或用 OFD 阅读器打开后另存。',
      en: 'The OFD package is incomplete ({detail}); it cannot be read.',
    },
    'ofd-no-root': { zh: 'OFD.xml 中没有 DocRoot', en: 'OFD.xml names no DocRoot' },
    'ofd-missing-part': { zh: '缺少部件 {part}', en: 'the part {part} is missing' },
    'ofd-no-pages': { zh: 'Document.xml 中没有页面', en: 'Document.xml lists no pages' },
    // legacy binaries read without LibreOffice
    'legacy-corrupt': {
      zh: '旧版 {kind} 文件（.{format}）内部结构损坏，无法读取（{cause}）。请用 Word/WPS/Excel 打开后另存为 .{target} 再检查。',
      en: 'The legacy {kind} file (.{format}) is damaged and cannot be read ({cause}). Save it as .{target} and check that.',
    },
    // whatever else went wrong
    'too-deep': {
      zh: '文件内部结构嵌套过深，解析时超出调用栈，无法读取。文件可能是恶意构造或已损坏；请用原软件打开后另存，或向报送单位索取正常文件。',
      en: 'The file nests its structure too deeply to parse (call stack exceeded); it may be hostile or broken.',
    },
    unreadable: {
      zh: '无法读取该 {format} 文件：{cause}。文件可能已损坏，请用原软件打开并重新另存后再试。',
      en: 'Cannot read this {format} file: {cause}',
    },
    'out-of-memory': {
      zh: '处理该文件所需内存超出上限，已中止。文件可能过大或为恶意构造（如压缩炸弹）。',
      en: 'Processing this file exceeded the memory limit and was stopped.',
    },
    internal: { zh: '处理该文件时内部出错：{cause}', en: 'Internal error: {cause}' },
  },
});
