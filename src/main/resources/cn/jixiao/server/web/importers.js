// Reading the files a user drops or chooses into projects (evaluation objects). One importer per kind of file;
// the spreadsheet (.xlsx) and Word (.docx) imports will be added here as importers that send the file to the
// server and receive the projects as JSON.

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
  return projects.length === 0 ? { problem: '文件中没有项目（空数组）。' } : { projects };
}

const IMPORTERS = [
  { extensions: ['.json'], read: readJson },
];

/** The file chooser's accept attribute. */
export const ACCEPTED = IMPORTERS.flatMap((importer) => importer.extensions).join(',');

/** A file's projects → {projects: [...]} or {problem: 'a sentence for the user'}. */
export async function importFile(file) {
  const name = file.name.toLowerCase();
  const importer = IMPORTERS.find((candidate) => candidate.extensions.some((ext) => name.endsWith(ext)));
  if (!importer) {
    return { problem: `暂不支持这种文件，请选择 ${IMPORTERS.flatMap((i) => i.extensions).join('、')} 文件。` };
  }
  return importer.read(file);
}
