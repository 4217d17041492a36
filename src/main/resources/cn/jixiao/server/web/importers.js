// Reading the files a user drops or chooses into projects: {data (the evaluation object), cells (for a form from Word
// or Excel, the cell each JSON path came from, so that every later message can name it; else null)}. One importer per
// kind of file: JSON is read here, Word and Excel files are imported by the server (POST /api/import), as `jixiao
// import` does.

import { parseExact } from './exact-json.js';
import * as api from './api.js';

/** A JSON file: one evaluation object or an array of them. */
async function readJson(file) {
  const text = await file.text();
  let parsed;
  try {
    parsed = parseExact(text);
  } catch {
    // The server's reader names the line and column of the fault in the same words as the CLI.
    try {
      await api.validate(text);
    } catch (error) {
      return { problem: error.message };
    }
    return { problem: '文件不是有效的 JSON。' };
  }
  const projects = Array.isArray(parsed) ? parsed : [parsed];
  return projects.length === 0 ? { problem: '文件中没有项目（空数组）。' }
    : { projects: projects.map((data) => ({ data, cells: null })) };
}

/**
 * A Word or Excel form, imported by the server. A form with errors (a cell that cannot be read) gives no project: its
 * errors, each naming its cell, are the file's problems; the other forms of the file are still opened.
 */
async function readOffice(file) {
  let forms;
  try {
    forms = await api.importForms(file);
  } catch (error) {
    return { problem: error.message };
  }
  const projects = forms.filter((form) => form.evaluation).map((form) => ({ data: form.evaluation, cells: form.cells }));
  const problems = forms.filter((form) => !form.evaluation).map((form) => `第 ${form.index} 个表（${form.projectName ?? '未命名'}）：`
    + form.errors.map((e) => `${e.cell ?? e.path ?? ''} ${e.message}`.trim()).join('；'));
  return projects.length === 0 ? { problem: problems.join('\n') } : { projects, problems };
}

const IMPORTERS = [
  { extensions: ['.json'], read: readJson },
  { extensions: ['.xlsx', '.xlsm', '.xls', '.docx'], read: readOffice },
];

/** The file chooser's accept attribute. */
export const ACCEPTED = IMPORTERS.flatMap((importer) => importer.extensions).join(',');

/** A file's projects → {projects: [{data, cells}], problems?: [...]} or {problem: 'a sentence for the user'}. */
export async function importFile(file) {
  const name = file.name.toLowerCase();
  const importer = IMPORTERS.find((candidate) => candidate.extensions.some((ext) => name.endsWith(ext)));
  if (!importer) {
    return { problem: `暂不支持这种文件，请选择 ${IMPORTERS.flatMap((i) => i.extensions).join('、')} 文件。` };
  }
  return importer.read(file);
}
