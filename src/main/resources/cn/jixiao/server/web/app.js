// The page: the list of projects, the form of the one being edited, the messages of the checks, the PDF preview
// and the downloads. The checks are the engine's own (POST /api/validate), run ~400 ms after the last keystroke;
// when a project has no errors its PDF is rendered for the preview (POST /api/render).

import * as api from './api.js';
import { discardDraft, loadDraft, saveDraft } from './draft.js';
import { stringifyExact } from './exact-json.js';
import { FORMS, formOf } from './form-layouts.js';
import { FormView } from './form-view.js';
import { ACCEPTED, importFile } from './importers.js';

const CHECK_DELAY_MS = 400;
const DRAFT_DELAY_MS = 300;

const $ = (id) => document.getElementById(id);

/**
 * Every project on the page: {source (the file it came from), data (the evaluation, numbers as Decimals),
 * check: null while unchecked, else {warnings, errors} as the server gave them, or {failure} when it could not}.
 */
const state = {
  projects: [],
  current: -1,
  fileProblems: [], // files, or forms of a file, that gave no project: {source, problem}
  previewUrl: null,
};

const form = new FormView($('form'), edited);

let checkTimer = 0;
let draftTimer = 0;
let checkRound = 0; // answers of older rounds are dropped

function currentProject() {
  return state.projects[state.current] ?? null;
}

function projectName(project) {
  const name = project.data?.projectName;
  return typeof name === 'string' && name.trim() ? name : '（未命名项目）';
}

// ---- Projects and files ---------------------------------------------------------------------------------------

async function openFiles(files) {
  const before = state.projects.length;
  for (const file of files) {
    const result = await importFile(file);
    if (result.problem) {
      state.fileProblems.push({ source: file.name, problem: result.problem });
      continue;
    }
    (result.problems ?? []).forEach((problem) => state.fileProblems.push({ source: file.name, problem }));
    result.projects.forEach(({ data, cells }) => state.projects.push({ source: file.name, data, cells, check: null }));
  }
  if (state.projects.length > before) {
    select(before);
    checkAll();
  }
  renderProjectList();
  saveDraftSoon();
}

/** Starts an empty project on the form chosen beside 新建项目. */
function newProject() {
  const form = FORMS.find((f) => f.id === $('new-form').value) ?? FORMS[0];
  state.projects.push({ source: '新建', data: form.blank(), check: null });
  select(state.projects.length - 1);
  checkCurrentSoon();
  saveDraftSoon();
}

function removeProject(index) {
  state.projects.splice(index, 1);
  select(Math.min(state.current, state.projects.length - 1));
  saveDraftSoon();
}

function select(index) {
  state.current = index;
  const project = currentProject();
  $('empty').hidden = project !== null;
  $('form').hidden = project === null;
  $('form-choice').hidden = project === null;
  $('project-form').value = project ? formOf(project.data).id : '';
  form.show(project ? project.data : null);
  renderProjectList();
  renderMessages();
  clearPreview();
  if (project && project.check && !project.check.failure && project.check.errors.length === 0) {
    refreshPreview(checkRound);
  }
  saveDraftSoon();
}

/** Puts the current project on another form: the same data, laid out and printed as that form has it. */
function changeForm() {
  const project = currentProject();
  if (!project || project.data === null || typeof project.data !== 'object' || Array.isArray(project.data)) {
    return;
  }
  project.data.form = $('project-form').value;
  form.show(project.data);
  renderProjectList();
  edited();
}

/** Called by the form after every edit of the current project. */
function edited() {
  const project = currentProject();
  project.check = null;
  renderProjectList();
  $('check-state').textContent = '正在检查…';
  checkCurrentSoon();
  saveDraftSoon();
}

// ---- Checks and preview ---------------------------------------------------------------------------------------

/** Checks every project once (after opening files), in one request. */
async function checkAll() {
  const round = ++checkRound;
  const projects = [...state.projects];
  try {
    const results = await api.validate(stringifyExact(projects.map((p) => p.data), 0));
    results.forEach((result, i) => {
      if (projects[i]) {
        projects[i].check = { warnings: result.warnings ?? [], errors: result.errors ?? [] };
      }
    });
  } catch (error) {
    projects.forEach((p) => {
      p.check = { failure: error.message };
    });
  }
  renderProjectList();
  renderMessages();
  const project = currentProject();
  if (round === checkRound && project?.check && !project.check.failure && project.check.errors.length === 0) {
    refreshPreview(round);
  }
}

function checkCurrentSoon() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(checkCurrent, CHECK_DELAY_MS);
}

async function checkCurrent() {
  const project = currentProject();
  if (!project) {
    return;
  }
  const round = ++checkRound;
  try {
    const [result] = await api.validate(stringifyExact(project.data, 0));
    project.check = { warnings: result.warnings ?? [], errors: result.errors ?? [] };
  } catch (error) {
    project.check = { failure: error.message };
  }
  if (round !== checkRound) {
    return; // the user typed on; a newer check follows
  }
  renderProjectList();
  renderMessages();
  if (project.check.failure || project.check.errors.length > 0) {
    $('preview-note').textContent = project.check.failure
      ? '无法更新预览'
      : (state.previewUrl ? '当前数据有错误，显示的是上次可以生成的版本' : '数据有错误，改正后生成预览');
    $('preview-note').className = 'state bad';
    return;
  }
  refreshPreview(round);
}

async function refreshPreview(round) {
  const project = currentProject();
  $('preview-note').textContent = '正在生成预览…';
  $('preview-note').className = 'state';
  try {
    const answer = await api.render(stringifyExact(project.data, 0), 'pdf');
    if (round !== checkRound || project !== currentProject()) {
      return;
    }
    if (answer.projects) {
      $('preview-note').textContent = '当前数据有错误，显示的是上次可以生成的版本';
      $('preview-note').className = 'state bad';
      return;
    }
    const previous = state.previewUrl;
    state.previewUrl = URL.createObjectURL(answer.blob);
    $('preview-frame').src = `${state.previewUrl}#view=FitH`;
    if (previous) {
      setTimeout(() => URL.revokeObjectURL(previous), 5000); // after the frame has let go of it
    }
    $('preview-note').textContent = '与当前数据一致';
    $('preview-note').className = 'state good';
  } catch (error) {
    $('preview-note').textContent = `无法生成预览：${error.message}`;
    $('preview-note').className = 'state bad';
  }
}

function clearPreview() {
  if (state.previewUrl) {
    URL.revokeObjectURL(state.previewUrl);
    state.previewUrl = null;
  }
  $('preview-frame').removeAttribute('src');
  $('preview-note').textContent = '';
}

// ---- The list of projects and the messages --------------------------------------------------------------------

/** The state a project's badge shows: [css class, text]. */
function stateOf(project) {
  const check = project.check;
  if (!check) {
    return ['pending', '检查中…'];
  }
  if (check.failure) {
    return ['unknown', '未检查'];
  }
  if (check.errors.length > 0) {
    return ['bad', '有错误'];
  }
  return check.warnings.length > 0 ? ['warn', '有警告'] : ['good', '可以生成'];
}

function renderProjectList() {
  const list = $('project-list');
  list.replaceChildren();
  state.projects.forEach((project, index) => {
    const [kind, text] = stateOf(project);
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'project';
    open.setAttribute('aria-current', index === state.current ? 'true' : 'false');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = projectName(project);
    const source = document.createElement('span');
    source.className = 'source';
    source.textContent = project.source;
    const formName = document.createElement('span');
    formName.className = 'form-name';
    formName.textContent = formOf(project.data).short;
    source.prepend(formName);
    const badge = document.createElement('span');
    badge.className = `badge ${kind}`;
    badge.textContent = text;
    open.append(name, badge, source);
    open.addEventListener('click', () => select(index));

    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = '✕';
    remove.title = `从列表中移除「${projectName(project)}」`;
    remove.setAttribute('aria-label', remove.title);
    remove.addEventListener('click', () => removeProject(index));

    const item = document.createElement('li');
    item.append(open, remove);
    list.append(item);
  });
  for (const file of state.fileProblems) {
    const item = document.createElement('li');
    item.className = 'file-problem';
    item.textContent = `${file.source}：${file.problem}`;
    list.append(item);
  }
  const ready = state.projects.length > 0;
  for (const id of ['save-json', 'download-pdf', 'download-docx', 'download-zip']) {
    $(id).disabled = !ready;
  }
}

function renderMessages() {
  const list = $('message-list');
  list.replaceChildren();
  const project = currentProject();
  const check = project?.check;
  const stateLine = $('check-state');
  stateLine.className = 'state';
  if (!project) {
    stateLine.textContent = '';
    form.markDiagnostics([], []);
    return;
  }
  if (!check) {
    stateLine.textContent = '正在检查…';
    return;
  }
  if (check.failure) {
    stateLine.textContent = check.failure;
    stateLine.classList.add('bad');
    return;
  }
  const count = [check.errors.length && `${check.errors.length} 个错误`, check.warnings.length && `${check.warnings.length} 个警告`]
    .filter(Boolean).join('，');
  stateLine.textContent = count || '没有发现问题';
  stateLine.classList.add(check.errors.length ? 'bad' : check.warnings.length ? 'warn' : 'good');
  check.errors.forEach((d) => list.append(messageItem(d, 'error', '错误', project.cells)));
  check.warnings.forEach((d) => list.append(messageItem(d, 'warning', '警告', project.cells)));
  form.markDiagnostics(check.warnings, check.errors);
}

/**
 * A message, naming the field by its label on the form and by its path, and for a project imported from Word or Excel
 * the cell of the file it came from; clicking it opens the cell.
 */
function messageItem(diagnostic, kind, kindText, cells) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `message ${kind}`;
  button.dataset.path = diagnostic.path ?? '';
  // The server names the field by its label on the form (cn.jixiao.model.FieldLabels) and by its path.
  const where = document.createElement('span');
  where.className = 'where';
  where.textContent = `${kindText} · ${diagnostic.field ?? ''}`;
  const path = document.createElement('span');
  path.className = 'path';
  path.textContent = diagnostic.path ? `(${diagnostic.path})` : '';
  const cell = document.createElement('span');
  cell.className = 'cell';
  // The cell of the value itself, else of the nearest enclosing value (a row of indicators, the funds block).
  let at = diagnostic.path ?? '$';
  while (cells && !cells[at] && at !== '$') {
    at = at.slice(0, Math.max(at.lastIndexOf('.'), at.lastIndexOf('['))) || '$';
  }
  cell.textContent = diagnostic.cell ?? cells?.[at] ?? '';
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = diagnostic.message;
  button.append(where, path, cell, text);
  button.addEventListener('click', () => form.focusPath(diagnostic.path ?? '$'));
  const item = document.createElement('li');
  item.append(button);
  return item;
}

// ---- Saving and downloads -------------------------------------------------------------------------------------

function saveDraftSoon() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(storeDraft, DRAFT_DELAY_MS);
}

function storeDraft() {
  clearTimeout(draftTimer);
  draftTimer = 0;
  if (state.projects.length === 0) {
    discardDraft();
  } else if (!saveDraft(state.projects, state.current)) {
    toast('浏览器空间不足，草稿未能保存；请用「保存 JSON」保存到文件。');
  }
}

function offerDownload(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function saveJson() {
  const project = currentProject();
  const text = `${stringifyExact(project.data)}\n`;
  offerDownload(new Blob([text], { type: 'application/json' }), `${projectName(project)}.json`);
}

/** Downloads the current project (one format) or, with all, the ZIP of every project. */
async function download(format, all) {
  const project = currentProject();
  const data = all ? state.projects.map((p) => p.data) : project.data;
  toast(all ? '正在生成全部项目…' : '正在生成…');
  try {
    const answer = await api.render(stringifyExact(data, 0), format);
    if (answer.projects) {
      toast('该项目有错误，请先按「检查结果」改正后再下载。');
      return;
    }
    const fallback = all ? '全部自评表.zip' : `${projectName(project)}.${format}`;
    offerDownload(answer.blob, answer.fileName ?? fallback);
    toast(`已下载：${answer.fileName ?? fallback}`);
  } catch (error) {
    toast(`无法生成：${error.message}`);
  }
}

let toastTimer = 0;

function toast(text) {
  const box = $('toast');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    box.hidden = true;
  }, 4000);
}

// ---- The token dialog -----------------------------------------------------------------------------------------

api.setTokenPrompt((wrongBefore) => new Promise((resolve) => {
  const dialog = $('token-dialog');
  $('token-reason').textContent = wrongBefore
    ? '口令不正确，请重新输入。'
    : '此服务开放在网络上，需要口令才能检查和生成自评表。请向管理员索取口令。';
  $('token-input').value = '';
  dialog.addEventListener('close', () => {
    resolve(dialog.returnValue === 'ok' ? $('token-input').value.trim() || null : null);
  }, { once: true });
  dialog.showModal();
}));

// ---- Wiring ---------------------------------------------------------------------------------------------------

function wire() {
  const fileInput = $('file-input');
  fileInput.accept = ACCEPTED;
  fileInput.addEventListener('change', () => {
    openFiles([...fileInput.files]);
    fileInput.value = '';
  });
  for (const id of ['new-form', 'project-form']) {
    $(id).replaceChildren(...FORMS.map((f) => Object.assign(new Option(f.short, f.id), { title: f.name })));
  }
  $('project-form').addEventListener('change', changeForm);
  $('new-project').addEventListener('click', newProject);
  $('save-json').addEventListener('click', saveJson);
  $('download-pdf').addEventListener('click', () => download('pdf', false));
  $('download-docx').addEventListener('click', () => download('docx', false));
  $('download-zip').addEventListener('click', () => download('pdf,docx', true));
  $('token-cancel').addEventListener('click', () => $('token-dialog').close('cancel'));
  $('discard-draft').addEventListener('click', () => {
    discardDraft();
    state.projects = [];
    state.fileProblems = [];
    $('draft-banner').hidden = true;
    select(-1);
  });

  // Files dropped anywhere on the page are opened; the overlay shows where they go.
  const overlay = $('drop-overlay');
  let dragDepth = 0;
  document.addEventListener('dragenter', (event) => {
    if (event.dataTransfer?.types.includes('Files')) {
      dragDepth++;
      overlay.hidden = false;
    }
  });
  document.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    overlay.hidden = dragDepth === 0;
  });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    dragDepth = 0;
    overlay.hidden = true;
    if (event.dataTransfer?.files.length) {
      openFiles([...event.dataTransfer.files]);
    }
  });

  // Keystrokes of the last few hundred milliseconds are written before the tab closes.
  window.addEventListener('pagehide', () => {
    if (draftTimer) {
      storeDraft();
    }
  });
}

function restoreDraft() {
  const draft = loadDraft();
  if (!draft) {
    select(-1);
    return;
  }
  state.projects = draft.projects.map((p) => ({ ...p, check: null }));
  const when = Number.isNaN(draft.savedAt.getTime()) ? '' : draft.savedAt.toLocaleString('zh-CN', { hour12: false });
  $('draft-text').textContent = `已恢复上次未完成的草稿（${state.projects.length} 个项目${when ? `，保存于 ${when}` : ''}）。`;
  $('draft-banner').hidden = false;
  select(Math.max(0, Math.min(Number(draft.current) || 0, state.projects.length - 1)));
  checkAll();
}

wire();
api.askTokenIfNeeded();
restoreDraft();
