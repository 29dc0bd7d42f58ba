// hoinghi serve: the page. Plain JavaScript, no framework, no build step.
// Two views switched by location.hash: the meetings list (#/) and the editor of one meeting
// (#/m/<file>). Every string from the user or the server goes into the page with textContent,
// never innerHTML (the Content-Security-Policy forbids inline script and style anyway).
'use strict';

// ==== Globals =================================================================================

const TOKEN = new URLSearchParams(location.search).get('t') || '';
const DEBOUNCE_MS = 150;

// Fields written as a paragraph rather than a line: a <textarea>.
const LONG_KEYS = new Set([
  'summary', 'speech', 'intro', 'closing', 'preamble', 'lead', 'paragraphs', 'body', 'conclusions',
  'legal_bases', 'notes', 'guest_notes', 'member_notes', 'result', 'reason', 'motion', 'signer_title',
  'text', 'items', 'contact',
]);

window.hoinghiTimings = [];

let SCHEMA = null; // GET /api/schema
let FIELDS = null; // GET /api/fields
let ed = null; // the open editor (null on the meetings page)
let uid = 0; // ids for <label for>

// ==== Small helpers ===========================================================================

// Makes an element: props are attributes, except class, text, on<event> and a few DOM properties.
function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (['value', 'checked', 'open', 'disabled', 'hidden', 'readOnly', 'selected'].includes(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of kids.flat(Infinity)) if (kid != null && kid !== false) el.append(kid);
  return el;
}

const $ = (sel, root) => (root || document).querySelector(sel);
const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

// The URL of a meeting's API route.
const meetingUrl = (file, rest) => `/api/meeting/${encodeURIComponent(file)}${rest || ''}`;

class ApiError extends Error {
  constructor(message, hint, status) {
    super(message);
    this.hint = hint;
    this.status = status;
  }
}

// fetch with the token; JSON in and out; a non-2xx answer throws ApiError with the server's words.
async function api(method, url, body, headers) {
  const opt = { method, headers: Object.assign({ 'X-Hoinghi-Token': TOKEN }, headers || {}) };
  if (body instanceof Blob) opt.body = body;
  else if (body !== undefined) {
    opt.body = JSON.stringify(body);
    opt.headers['Content-Type'] = 'application/json';
  }
  let r;
  try {
    r = await fetch(url, opt);
  } catch (e) {
    throw new ApiError('Không kết nối được với hoinghi serve. Chương trình còn chạy không?', null, 0);
  }
  let j = null;
  try {
    j = await r.json();
  } catch (e) { /* not JSON */ }
  if (!r.ok) {
    const msg = (j && j.error) || `Máy chủ trả lời lỗi ${r.status}`;
    throw new ApiError(msg, j && j.hint, r.status);
  }
  return j;
}

// A download link: the browser follows it itself, so the token goes in the URL.
function downloadUrl(path, draft) {
  const q = new URLSearchParams({ t: TOKEN });
  if (draft) q.set('draft', '1');
  return `${path}?${q}`;
}

function setStatus(text, kind) {
  const s = $('#status');
  if (!s) return;
  s.textContent = text;
  s.className = kind || '';
}

function errorBox(e) {
  return h('div', { class: 'problem error' }, h('span', { class: 'msg', text: e.message }),
    e.hint ? h('div', { class: 'hint', text: e.hint }) : null);
}

// ==== Routing =================================================================================

function route() {
  const m = location.hash.match(/^#\/m\/(.+)$/);
  closeEditor();
  if (m) openEditor(decodeURIComponent(m[1]));
  else showMeetings();
}

function go(file) {
  location.hash = '#/m/' + encodeURIComponent(file);
}

// ==== Meetings page ===========================================================================

async function showMeetings() {
  document.title = 'hoinghi';
  const main = h('main', { id: 'list' }, h('p', { class: 'muted', text: 'Đang đọc danh sách cuộc họp…' }));
  document.body.replaceChildren(
    h('header', { id: 'bar' }, h('span', { class: 'brand', text: 'hoinghi' }),
      h('span', { class: 'file', text: 'Các cuộc họp' }), h('span', { id: 'status' })),
    main);
  let list;
  try {
    list = await api('GET', '/api/meetings');
  } catch (e) {
    main.replaceChildren(errorBox(e));
    return;
  }
  main.replaceChildren(
    h('h1', { text: 'Các cuộc họp' }),
    h('p', { class: 'muted' }, 'Thư mục: ', h('code', { text: list.folder })),
    meetingsTable(list.meetings),
    h('h2', { text: 'Tạo cuộc họp mới' }),
    h('div', { class: 'starters' }, list.starters.map(starterCard)),
    h('h2', { text: 'Mở tệp có sẵn' }),
    openFileBox());
}

function meetingsTable(meetings) {
  if (!meetings.length) return h('p', { class: 'muted', text: 'Thư mục chưa có tệp cuộc họp nào (.yaml).' });
  const rows = meetings.map((m) => {
    const open = () => go(m.file);
    const checks = m.errors || m.warnings
      ? h('div', null,
        m.errors ? h('span', { class: 'count error', text: `${m.errors} lỗi` }) : null,
        m.warnings ? h('span', { class: 'count warning', text: `${m.warnings} cảnh báo` }) : null,
        firstProblem(m))
      : h('span', { class: 'count ok', text: 'Không có lỗi' });
    return h('tr', { class: 'meeting', tabindex: 0, onclick: open, onkeydown: (e) => { if (e.key === 'Enter') open(); } },
      h('td', null, h('a', { href: '#/m/' + encodeURIComponent(m.file), text: m.file })),
      h('td', { text: m.title || '' }),
      h('td', null,
        m.kinds.map((k) => h('span', { class: 'badge', text: cap(k.name) })),
        (m.skipped || []).map((k) => h('span', {
          class: 'badge off', text: cap(k.name),
          title: 'Chưa soạn được: ' + k.missing.map((p) => (typeof p === 'string' ? p : p.message)).join('; '),
        }))),
      h('td', null, checks));
  });
  return h('table', { class: 'meetings' },
    h('thead', null, h('tr', null, ['Tệp', 'Hội nghị', 'Soạn được', 'Kiểm tra'].map((t) => h('th', { text: t })))),
    h('tbody', null, rows));
}

// The first error of a listed meeting, else its first warning.
function firstProblem(m) {
  const w = !m.problem && (m.problems || []).find((p) => p.severity === 'warning');
  if (m.problem) return h('div', { class: 'first-problem', text: cap(m.problem) });
  return w ? h('div', { class: 'first-problem warning', text: cap(w.message) }) : null;
}

function starterCard(s) {
  const name = h('input', { type: 'text', placeholder: 'Tên tệp, ví dụ khoi-van-hoa-2027', 'aria-label': 'Tên tệp mới' });
  const msg = h('div', { class: 'msgs' });
  const create = async () => {
    msg.replaceChildren();
    try {
      const body = { starter: s.id };
      if (name.value.trim()) body.name = name.value.trim();
      const r = await api('POST', '/api/meetings/new', body);
      go(r.file);
    } catch (e) {
      msg.replaceChildren(errorBox(e));
    }
  };
  name.addEventListener('keydown', (e) => { if (e.key === 'Enter') create(); });
  return h('div', { class: 'starter' },
    h('h3', { text: s.name }),
    s.documents ? h('p', { class: 'muted', text: 'Văn bản: ' + s.documents.split(',').map(kindName).join(', ') }) : null,
    name,
    h('button', { type: 'button', class: 'primary', 'data-starter': s.id, text: 'Tạo cuộc họp mới', onclick: create }),
    msg);
}

function openFileBox() {
  const msg = h('div', { class: 'msgs' });
  const input = h('input', { type: 'file', accept: '.yaml,.yml', hidden: true, id: 'open-file' });
  input.addEventListener('change', async () => {
    const f = input.files[0];
    if (!f) return;
    msg.replaceChildren(h('p', { class: 'muted', text: 'Đang mở ' + f.name + '…' }));
    try {
      const r = await api('POST', '/api/meetings/open', f, { 'X-File-Name': encodeURIComponent(f.name) });
      go(r.file);
    } catch (e) {
      msg.replaceChildren(errorBox(e));
    }
    input.value = '';
  });
  return h('div', { class: 'open-file' },
    h('button', { type: 'button', text: 'Mở tệp YAML từ máy', onclick: () => input.click() }),
    h('span', { class: 'muted', text: ' Tệp được chép vào thư mục trên rồi mở để soạn.' }),
    input, msg);
}

function kindName(kind) {
  const k = ((FIELDS && FIELDS.kinds) || []).find(([id]) => id === kind.trim());
  return k ? k[1] : kind.trim();
}

// "bản giao ước thi đua" → "Bản giao ước thi đua".
const cap = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

// ==== Schema: what kind of control each field needs ===========================================

// Describes a property schema: {kind, nullable, def, description, default, ...}.
// kind: object | array | string | integer | boolean | enum | textOrObject | enumOrList.
const described = new WeakMap(); // schema → description, computed once

function describe(s) {
  if (!described.has(s)) described.set(s, describeNew(s));
  return described.get(s);
}

function describeNew(s) {
  let nullable = false;
  let description = s.description;
  const dflt = s.default;
  if (s.anyOf && s.anyOf.length === 2 && s.anyOf.some((x) => x.type === 'null')) {
    nullable = true;
    s = s.anyOf.find((x) => x.type !== 'null');
  }
  let def = null;
  if (s.$ref) {
    def = s.$ref.split('/').pop();
    s = SCHEMA.$defs[def];
    description = description || s.description;
  }
  let type = s.type;
  if (Array.isArray(type)) {
    if (type.includes('null')) nullable = true;
    type = type.find((t) => t !== 'null');
  }
  const d = { nullable, description, def, default: dflt, schema: s };
  if (s.oneOf && s.oneOf.every((o) => 'const' in o)) {
    return Object.assign(d, { kind: 'enum', values: s.oneOf.map((o) => o.const), help: s.oneOf.map((o) => o.description) });
  }
  if (s.anyOf) {
    const obj = s.anyOf.find((x) => x.type === 'object');
    const arr = s.anyOf.find((x) => x.type === 'array');
    if (obj) return Object.assign(d, { kind: 'textOrObject', object: Object.assign({}, obj, { title: def }) });
    if (arr) return Object.assign(d, { kind: 'enumOrList', one: describe(s.anyOf.find((x) => x !== arr)) });
  }
  if (type === 'object' || s.properties) return Object.assign(d, { kind: 'object', required: new Set(s.required || []) });
  if (type === 'array') return Object.assign(d, { kind: 'array', items: describe(s.items || {}) });
  return Object.assign(d, { kind: type || 'string' });
}

// The keys of an object def in the model's order (fields.json), then any the page does not know.
function keyOrder(def, props) {
  const known = def ? (FIELDS.defs[def] || []).map(([k]) => k) : Object.keys(FIELDS.top);
  return known.filter((k) => k in props).concat(Object.keys(props).filter((k) => !known.includes(k)).sort());
}

function labelOf(def, key) {
  if (!def) return FIELDS.top[key] || key;
  const pair = (FIELDS.defs[def] || []).find(([k]) => k === key);
  return pair ? pair[1] : key;
}

function enumLabel(def, value) {
  const names = FIELDS.enums[def] || {};
  return names[value] ? `${names[value]} (${value})` : String(value);
}

// A new value for a field: an object gets its required fields, in order.
function skeleton(d) {
  switch (d.kind) {
    case 'object': {
      const o = {};
      const props = d.schema.properties;
      for (const k of keyOrder(d.def, props)) if (d.required.has(k)) o[k] = skeleton(describe(props[k]));
      return o;
    }
    case 'array': return [];
    case 'integer': return 0;
    case 'boolean': return false;
    case 'enum': return d.values[0];
    case 'enumOrList': return d.one.values[0];
    default: return '';
  }
}

// ==== Data: places in the meeting object ======================================================

// "members[3].signer.name" from ['members', 3, 'signer', 'name'].
function pathString(tokens) {
  return tokens.map((t, i) => (typeof t === 'number' ? `[${t}]` : (i ? '.' : '') + t)).join('');
}

// The path one step up: strips the last ".key" or "[i]".
function parentPath(p) {
  const m = p.match(/^(.*?)(\[\d+\]|\.[^.[\]]+)$/);
  return m ? m[1] : '';
}

// Sets obj[key] = v; a new key goes where the model's order puts it among the keys there.
function putKey(obj, key, v, order) {
  if (Object.prototype.hasOwnProperty.call(obj, key)) {
    obj[key] = v;
    return;
  }
  const rank = (k) => { const i = order.indexOf(k); return i < 0 ? Infinity : i; };
  const entries = Object.entries(obj);
  let at = entries.findIndex(([k]) => rank(k) > rank(key));
  if (at < 0) at = entries.length;
  entries.splice(at, 0, [key, v]);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, val] of entries) obj[k] = val;
}

// A place: get() the value there, set(v) stores it (undefined removes the key). A place whose
// object does not exist yet creates it on the first set (numbers, agreement, minutes), and an
// object marked `prune` goes away again when its last key is removed.
function rootPlace() {
  return { tokens: [], get: () => ed.data, set: () => {} };
}

function keyPlace(parent, key, order) {
  return {
    tokens: parent.tokens.concat([key]),
    get() {
      const p = parent.get();
      return p && typeof p === 'object' ? p[key] : undefined;
    },
    set(v) {
      let p = parent.get();
      if (!p || typeof p !== 'object') {
        if (v === undefined) return;
        p = {};
        parent.set(p);
      }
      if (v === undefined) {
        delete p[key];
        if (parent.prune && !Object.keys(p).length) parent.set(undefined);
      } else putKey(p, key, v, order);
    },
  };
}

// A key written empty in the YAML (`number:`) is null in the data; the form leaves it out, so
// that the YAML it writes back does not say `number: null`. Nulls inside lists stay (article.body).
function dropNulls(v) {
  if (Array.isArray(v)) v.forEach(dropNulls);
  else if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else dropNulls(v[k]);
    }
  }
  return v;
}

function itemPlace(list, i) {
  return {
    tokens: list.tokens.concat([i]),
    get() { const a = list.get(); return Array.isArray(a) ? a[i] : undefined; },
    set(v) { const a = list.get(); if (Array.isArray(a)) a[i] = v === undefined ? null : v; },
  };
}

// ==== The form ================================================================================

// Builds the whole form from ed.data, keeping the scroll position and the open entries.
function buildForm() {
  const pane = $('#form-pane');
  const body = $('#form-body');
  const scroll = pane.scrollTop;
  ed.openPaths = new Set($$('details.entry[open]', body).map((d) => d.dataset.path));
  ed.formStale = false;
  const root = rootPlace();
  const props = SCHEMA.properties;
  const order = keyOrder(null, props);
  const required = new Set(SCHEMA.required || []);
  const nav = h('nav', { class: 'toc' }, FIELDS.sections.map((s) =>
    h('a', { href: '#', text: s.title, onclick: (e) => { e.preventDefault(); $('#sec-' + s.id).scrollIntoView(); } })));
  const sections = FIELDS.sections.map((s) => h('section', { class: 'sec', id: 'sec-' + s.id },
    h('h2', { text: s.title }),
    s.keys.filter((k) => k in props).map((k) => field(describe(props[k]), keyPlace(root, k, order),
      { label: labelOf(null, k), key: k, required: required.has(k) }))));
  body.replaceChildren(...[nav, unknownKeys(root, props), ...sections].filter(Boolean));
  pane.scrollTop = scroll;
  markProblems();
}

// One field of any kind. o: {label, key, required, inList}.
function field(d, place, o) {
  switch (d.kind) {
    case 'object':
      return d.nullable ? mount((redo) => optionalGroup(d, place, o, redo)) : objectBox(d, place, o);
    case 'array':
      if (d.items.kind === 'enum') return enumSet(d, place, o);
      return mount((redo) => listBox(d, place, o, redo));
    case 'enum': return control(d, place, o, enumSelect(d, place, o));
    case 'enumOrList': return control(d, place, o, enumPair(d, place));
    case 'boolean': return d.nullable ? control(d, place, o, triState(place)) : checkbox(d, place, o);
    case 'integer': return control(d, place, o, numberInput(d, place, o));
    default: return control(d, place, o, textInput(d, place, o));
  }
}

// Re-renders a part of the form in place: build(redo) makes the element, redo() replaces it.
function mount(build) {
  let el = null;
  const redo = (initial) => {
    const n = build(redo);
    if (el) el.replaceWith(n);
    el = n;
    if (initial !== true) markProblems();
    return n;
  };
  return redo(true);
}

// The "?" toggle that shows the schema's description under the label.
function helpParts(d) {
  if (!d.description) return [null, null];
  const help = h('div', { class: 'help', hidden: true, text: d.description });
  const btn = h('button', {
    type: 'button', class: 'q', text: '?', title: 'Giải thích', 'aria-label': 'Giải thích',
    onclick: (e) => { e.preventDefault(); help.hidden = !help.hidden; },
  });
  return [btn, help];
}

// A label + control + help + problem slot.
function control(d, place, o, input) {
  const [q, help] = helpParts(d);
  const main = input.matches('input,select,textarea') ? input : input.querySelector('select');
  if (!main.id) main.id = 'f' + (++uid);
  if (d.description) main.title = d.description;
  const long = input.matches('textarea') ? ' long' : '';
  return h('div', { class: 'field' + long + (o.required ? ' req' : '') },
    h('label', { for: main.id }, o.label, q), input, help, h('div', { class: 'msgs' }));
}

// Called after each change in the form: the meeting goes to the server.
function changed(el) {
  refreshTitles(el);
  schedule('data');
}

function textInput(d, place, o) {
  const v = place.get();
  const value = v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const long = LONG_KEYS.has(o.key) || value.includes('\n');
  const el = long
    ? h('textarea', { rows: rowsFor(value), value })
    : h('input', { type: 'text', value });
  el.dataset.path = pathString(place.tokens);
  el.spellcheck = long;
  const fmt = (d.description || '').match(/`(YYYY-MM-DD|HH:MM)`/);
  if (fmt) el.placeholder = fmt[1];
  else if (typeof d.default === 'string' && d.default) el.placeholder = 'mặc định: ' + d.default;
  // Optional text: an empty box removes the key; a required one keeps "" so check names it.
  const empty = o.inList ? (d.nullable ? null : '') : (o.required ? '' : undefined);
  onEdit(el, () => {
    place.set(el.value === '' ? empty : el.value);
    if (long) el.rows = rowsFor(el.value);
  });
  return el;
}

// Typing (input) and a value set otherwise (change, as WebDriver's clear does): apply once.
function onEdit(el, apply) {
  let last = el.value;
  const handler = () => {
    if (el.value === last) return;
    last = el.value;
    apply();
    changed(el);
  };
  el.addEventListener('input', handler);
  el.addEventListener('change', handler);
}

function rowsFor(text) {
  const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 55)), 0);
  return Math.min(12, Math.max(2, lines));
}

function numberInput(d, place, o) {
  const v = place.get();
  const el = h('input', { type: 'number', step: 1, inputmode: 'numeric', value: v == null ? '' : String(v) });
  if (d.schema.minimum != null) el.min = d.schema.minimum;
  if (typeof d.default === 'number') el.placeholder = 'mặc định: ' + d.default;
  el.dataset.path = pathString(place.tokens);
  onEdit(el, () => {
    const t = el.value.trim();
    place.set(t === '' ? (o.inList ? null : undefined) : Number(t));
  });
  return el;
}

function checkbox(d, place, o) {
  const v = place.get();
  const el = h('input', { type: 'checkbox', checked: v == null ? d.default === true : !!v, id: 'f' + (++uid) });
  el.dataset.path = pathString(place.tokens);
  if (d.description) el.title = d.description;
  el.addEventListener('change', () => {
    // A value equal to the default is left out of the file.
    place.set(!o.required && el.checked === (d.default === true) ? undefined : el.checked);
    changed(el);
  });
  const [q, help] = helpParts(d);
  return h('div', { class: 'field check' }, h('label', { for: el.id }, el, ' ', o.label), q, help, h('div', { class: 'msgs' }));
}

// true / false / not given, for an optional boolean.
function triState(place) {
  const v = place.get();
  const el = h('select', null,
    h('option', { value: '', text: '(mặc định)' }),
    h('option', { value: 'true', text: 'Có', selected: v === true }),
    h('option', { value: 'false', text: 'Không', selected: v === false }));
  el.dataset.path = pathString(place.tokens);
  el.addEventListener('change', () => {
    place.set(el.value === '' ? undefined : el.value === 'true');
    changed(el);
  });
  return el;
}

function enumOptions(d, current, emptyText) {
  const opts = [];
  if (emptyText) opts.push(h('option', { value: '', text: emptyText }));
  d.values.forEach((v, i) => opts.push(h('option', { value: v, text: enumLabel(d.def, v), title: d.help[i], selected: v === current })));
  if (current != null && current !== '' && !d.values.includes(current)) {
    opts.push(h('option', { value: String(current), text: `${current} (không hợp lệ)`, selected: true }));
  }
  return opts;
}

function enumSelect(d, place, o) {
  const v = place.get();
  let empty = null;
  if (!o.required && !o.inList) {
    empty = d.default != null ? `(mặc định: ${enumLabel(d.def, d.default)})` : '(không ghi)';
  }
  const el = h('select', null, enumOptions(d, v, empty));
  if (v == null && !empty) el.value = d.values[0];
  el.dataset.path = pathString(place.tokens);
  el.addEventListener('change', () => {
    place.set(el.value === '' ? undefined : el.value);
    changed(el);
  });
  return el;
}

// One value, or two as a list ([collective, deputy]): two selects.
function enumPair(d, place) {
  const v = place.get();
  const [a, b] = Array.isArray(v) ? v : [v, null];
  const dflt = d.default != null ? `(mặc định: ${enumLabel(d.one.def, d.default)})` : '(không ghi)';
  const first = h('select', null, enumOptions(d.one, a, dflt));
  const second = h('select', { title: 'Thẩm quyền thứ hai, khi vừa thay mặt tập thể vừa ký thay' },
    enumOptions(d.one, b, '(không kèm)'));
  first.dataset.path = pathString(place.tokens);
  second.dataset.path = pathString(place.tokens.concat([1]));
  const update = (e) => {
    const x = first.value || null;
    const y = second.value || null;
    place.set(x && y ? [x, y] : x || y || undefined);
    changed(e.target);
  };
  first.addEventListener('change', update);
  second.addEventListener('change', update);
  return h('span', { class: 'pair' }, first, h('span', { class: 'muted', text: ' kèm ' }), second);
}

// A list of enum values (activities): one checkbox per value.
function enumSet(d, place, o) {
  const cur = () => (Array.isArray(place.get()) ? place.get() : []);
  const boxes = d.items.values.map((v) => {
    const el = h('input', { type: 'checkbox', checked: cur().includes(v), value: v });
    el.addEventListener('change', () => {
      const list = cur().filter((x) => x !== v);
      if (el.checked) list.push(v);
      place.set(list.length || o.required ? list : undefined);
      changed(el);
    });
    return h('label', { class: 'opt' }, el, ' ', enumLabel(d.items.def, v));
  });
  const [q, help] = helpParts(d);
  return h('div', { class: 'field set', 'data-path': pathString(place.tokens) },
    h('div', { class: 'label' }, o.label, q), h('div', { class: 'opts' }, boxes), help, h('div', { class: 'msgs' }));
}

// ----- objects ------------------------------------------------------------------------------

// The fields of an object, in the model's order.
function objectFields(d, place) {
  const props = d.schema.properties;
  const order = keyOrder(d.def, props);
  const def = d.def || d.schema.title;
  return [unknownKeys(place, props)].concat(order.map((k) => field(describe(props[k]), keyPlace(place, k, order),
    { label: labelOf(def, k), key: k, required: d.required.has(k) }))).filter(Boolean);
}

// An object that is always there (bloc, chair) or made when first filled (numbers, agreement).
function objectBox(d, place, o) {
  if (!o.required) place.prune = true;
  const [q, help] = helpParts(d);
  return h('fieldset', { class: 'group', 'data-path': pathString(place.tokens) },
    h('legend', null, o.label, q), help, h('div', { class: 'msgs' }), objectFields(d, place));
}

// An object that may be absent (secretary, article, invitation…): "Thêm mục này" / "Bỏ".
function optionalGroup(d, place, o, redo) {
  const path = pathString(place.tokens);
  const v = place.get();
  const [q, help] = helpParts(d);
  if (v == null || typeof v !== 'object') {
    return h('fieldset', { class: 'group empty', 'data-path': path },
      h('legend', null, o.label, q), help, h('div', { class: 'msgs' }),
      h('button', {
        type: 'button', class: 'add', 'data-create': path, text: 'Thêm mục này',
        onclick: () => { place.set(skeleton(d)); redo(); schedule('data'); focusFirst(path); },
      }),
      h('span', { class: 'muted', text: ' (chưa có)' }));
  }
  return h('fieldset', { class: 'group', 'data-path': path },
    h('legend', null, o.label, q,
      h('button', {
        type: 'button', class: 'drop', 'data-clear': path, text: 'Bỏ', title: 'Bỏ cả mục này khỏi tệp',
        onclick: () => { remember(place, null, v); place.set(undefined); redo(); schedule('data'); },
      })),
    help, h('div', { class: 'msgs' }), objectFields(d, place));
}

// Keys in the data that the schema does not know (a typo in the YAML): shown with a remove button.
function unknownKeys(place, props) {
  const v = place.get();
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const odd = Object.keys(v).filter((k) => !(k in props));
  if (!odd.length) return null;
  return h('div', { class: 'unknown' }, odd.map((k) => {
    const path = pathString(place.tokens.concat([k]));
    return h('div', { class: 'field', 'data-path': path },
      h('span', { text: 'Trường lạ ' }), h('code', { text: k }),
      h('span', { class: 'muted', text: ': ' + JSON.stringify(v[k]).slice(0, 80) + ' ' }),
      h('button', {
        type: 'button', text: 'Xóa', 'data-remove': path,
        onclick: () => { delete place.get()[k]; schedule('data'); buildForm(); },
      }),
      h('div', { class: 'msgs' }));
  }));
}

// ----- lists --------------------------------------------------------------------------------

// What a list entry is called on its summary line.
function entryTitle(v, def, i) {
  if (v == null) return '';
  if (typeof v !== 'object') return String(v);
  const pick = ['name', 'title', 'motion', 'award', 'speaker', 'label', 'item', 'unit', 'file', 'text']
    .map((k) => v[k]).find((x) => typeof x === 'string' && x.trim());
  let t = pick ? pick.replace(/\s*\n\s*/g, ' ') : '(chưa có tên)';
  if (def === 'Section') t = `${roman(i + 1)}. ${t}` + (Array.isArray(v.items) ? ` (${v.items.length} điều)` : '');
  if (def === 'Member' && v.signer && v.signer.name) t += ' — ' + v.signer.name;
  if (def === 'Vote' && v.voters != null) t += ` (${v.voters} người)`;
  return t;
}

function roman(n) {
  const r = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, c] of r) while (n >= v) { s += c; n -= v; }
  return s;
}

// The entries' summary lines follow what is typed.
const titleOf = new WeakMap(); // details.entry → () => text
function refreshTitles(el) {
  for (let d = el.closest('details.entry'); d; d = d.parentElement.closest('details.entry')) {
    const f = titleOf.get(d);
    if (f) $('.title', d.firstElementChild).textContent = f();
  }
}

// Objects that are all short text (programme items, vote options…) are one row each.
function isRowObject(d) {
  if (d.kind !== 'object') return false;
  const props = Object.values(d.schema.properties);
  return props.length <= 3 && props.every((p) => ['string', 'integer'].includes(describe(p).kind));
}

// A list: entries with move/remove buttons, "Thêm", and "Dán danh sách" for names and texts.
function listBox(d, place, o, redo) {
  const path = pathString(place.tokens);
  const v = place.get();
  const [q, help] = helpParts(d);
  const legend = h('legend', null, o.label, Array.isArray(v) ? h('span', { class: 'n', text: ` (${v.length})` }) : null, q);
  if (!Array.isArray(v) && d.nullable) {
    return h('fieldset', { class: 'list empty', 'data-path': path }, legend, help, h('div', { class: 'msgs' }),
      h('button', {
        type: 'button', class: 'add', 'data-create': path, text: 'Thêm mục này',
        onclick: () => { place.set([]); redo(); schedule('data'); },
      }), h('span', { class: 'muted', text: ' (chưa có: dùng mặc định)' }));
  }
  const list = Array.isArray(v) ? v : [];
  const it = d.items;
  const ops = listOps(d, place, o, redo);
  const entries = list.map((x, i) => (it.kind === 'object' && !isRowObject(it)
    ? objectEntry(it, itemPlace(place, i), i, list.length, ops)
    : rowEntry(it, itemPlace(place, i), i, list.length, ops, o.key)));
  const canPaste = it.kind === 'string' || it.kind === 'textOrObject' || (it.kind === 'object' && 'name' in it.schema.properties);
  const paste = canPaste ? pasteBox(path, ops.paste) : null;
  return h('fieldset', { class: 'list', 'data-path': path },
    legend,
    d.nullable ? h('button', {
      type: 'button', class: 'drop', 'data-clear': path, text: 'Bỏ', title: 'Bỏ cả danh sách, dùng mặc định',
      onclick: () => { remember(place, null, v); place.set(undefined); redo(); schedule('data'); },
    }) : null,
    help, h('div', { class: 'msgs' }),
    h('div', { class: 'entries' }, entries),
    h('div', { class: 'list-tools' },
      h('button', { type: 'button', class: 'add', 'data-add': path, text: 'Thêm', onclick: ops.add }),
      paste ? paste.button : null),
    paste ? paste.box : null,
    path === 'article.photos' ? photoDrop(place, redo) : null);
}

// The list operations; each re-renders the list and sends the meeting.
function listOps(d, place, o, redo) {
  const path = pathString(place.tokens);
  const arr = () => {
    let a = place.get();
    if (!Array.isArray(a)) { a = []; place.set(a); }
    return a;
  };
  const done = () => { redo(); schedule('data'); };
  return {
    add() {
      const a = arr();
      const item = skeleton(d.items);
      a.push(d.items.kind === 'string' && d.items.nullable ? null : item);
      if (item && typeof item === 'object') ed.open.add(item);
      done();
      focusFirst(`${path}[${a.length - 1}]`);
    },
    remove(i) {
      const a = arr();
      remember(place, i, a[i]);
      a.splice(i, 1);
      if (!a.length && !o.required && !d.nullable) place.set(undefined);
      done();
    },
    move(i, by) {
      const a = arr();
      const j = i + by;
      if (j < 0 || j >= a.length) return;
      [a[i], a[j]] = [a[j], a[i]];
      done();
      const b = $(`button[data-${by < 0 ? 'up' : 'down'}="${CSS.escape(`${path}[${j}]`)}"]`);
      if (b && !b.disabled) b.focus();
    },
    paste(lines) {
      const a = arr();
      for (const line of lines) a.push(fromLine(d.items, line));
      done();
    },
  };
}

// The ↑ ↓ Xóa buttons of entry i.
function entryButtons(path, i, n, ops) {
  const stop = (f) => (e) => { e.preventDefault(); e.stopPropagation(); f(); };
  return h('span', { class: 'tools' },
    h('button', { type: 'button', text: '↑', title: 'Lên', 'data-up': path, disabled: i === 0, onclick: stop(() => ops.move(i, -1)) }),
    h('button', { type: 'button', text: '↓', title: 'Xuống', 'data-down': path, disabled: i === n - 1, onclick: stop(() => ops.move(i, 1)) }),
    h('button', { type: 'button', class: 'del', text: 'Xóa', title: 'Xóa mục này', 'data-remove': path, onclick: stop(() => ops.remove(i)) }));
}

// An object entry, collapsed to its summary line until clicked.
function objectEntry(it, place, i, n, ops) {
  const path = pathString(place.tokens);
  const v = place.get();
  const def = it.def;
  const title = () => entryTitle(place.get(), def, i);
  const det = h('details', {
    class: 'entry', 'data-path': path,
    open: (v && typeof v === 'object' && ed.open.has(v)) || ed.openPaths.has(path),
  },
  h('summary', null, h('span', { class: 'num', text: `${i + 1}.` }), h('span', { class: 'title', text: title() }),
    entryButtons(path, i, n, ops)),
  h('div', { class: 'msgs' }));
  det.addEventListener('toggle', () => {
    const cur = place.get();
    if (cur && typeof cur === 'object') { if (det.open) ed.open.add(cur); else ed.open.delete(cur); }
    if (det.open && ensureBody(det)) markProblems(); // the new fields get their marks
  });
  // The fields are built now when open, else on first opening (a 40-unit bloc stays quick).
  bodyOf.set(det, () => objectFields(it, place));
  if (det.open) ensureBody(det);
  titleOf.set(det, title);
  return det;
}

// Builds a collapsed entry's fields if not yet done; true when it did.
const bodyOf = new WeakMap(); // details.entry → () => its fields
function ensureBody(det) {
  if (det.querySelector(':scope > .body') || !bodyOf.has(det)) return false;
  det.append(h('div', { class: 'body' }, bodyOf.get(det)()));
  return true;
}

// A one-line entry: a text, a number, a short object, or a commitment (text or text + sub-items).
function rowEntry(it, place, i, n, ops, key) {
  const path = pathString(place.tokens);
  const tools = entryButtons(path, i, n, ops);
  let body;
  if (it.kind === 'object') {
    const props = it.schema.properties;
    const order = keyOrder(it.def, props);
    body = h('div', { class: 'cells' }, order.map((k) => field(describe(props[k]), keyPlace(place, k, order),
      { label: labelOf(it.def, k), key: k, required: it.required.has(k) })));
  } else if (it.kind === 'textOrObject') {
    return commitmentEntry(it, place, i, n, ops);
  } else {
    const input = it.kind === 'integer'
      ? numberInput(it, place, { inList: true })
      : textInput(it, place, { key, inList: true });
    input.setAttribute('aria-label', `Dòng ${i + 1}`);
    body = h('div', { class: 'field' }, input, h('div', { class: 'msgs' }));
  }
  return h('div', { class: 'entry row', 'data-entry': path }, h('span', { class: 'num', text: `${i + 1}.` }), body, tools);
}

// A commitment: a plain text, or {text, items} with sub-items a), b)…
function commitmentEntry(it, place, i, n, ops) {
  const path = pathString(place.tokens);
  return mount((redo) => {
    const v = place.get();
    const tools = entryButtons(path, i, n, ops);
    if (v && typeof v === 'object') {
      const order = keyOrder('Commitment', it.object.properties);
      const text = textInput(describe(it.object.properties.text), keyPlace(place, 'text', order), { key: 'text', required: true });
      const subs = field(describe(it.object.properties.items), keyPlace(place, 'items', order),
        { label: labelOf('Commitment', 'items'), key: 'items' });
      return h('div', { class: 'entry row commitment', 'data-entry': path },
        h('span', { class: 'num', text: `${i + 1}.` }),
        h('div', { class: 'cells' }, h('div', { class: 'field' }, text, h('div', { class: 'msgs' })), subs,
          h('button', {
            type: 'button', class: 'small', text: 'Bỏ các ý nhỏ', 'data-flatten': path,
            onclick: () => { place.set(v.text || ''); redo(); schedule('data'); },
          })),
        tools);
    }
    const text = textInput({ kind: 'string' }, place, { key: 'text', inList: true });
    text.setAttribute('aria-label', `Điều ${i + 1}`);
    return h('div', { class: 'entry row commitment', 'data-entry': path },
      h('span', { class: 'num', text: `${i + 1}.` }),
      h('div', { class: 'cells' }, h('div', { class: 'field' }, text, h('div', { class: 'msgs' })),
        h('button', {
          type: 'button', class: 'small', text: 'Thêm ý nhỏ a), b)…', 'data-split': path,
          onclick: () => { place.set({ text: place.get() || '', items: [''] }); redo(); schedule('data'); focusFirst(path + '.items[0]'); },
        })),
      tools);
  });
}

// One pasted line → one entry. Tabs separate spreadsheet columns: for a member unit the
// second and third columns are its signer's name and title; for a person, the title.
function fromLine(it, line) {
  if (it.kind !== 'object') return line;
  const [name, c2, c3] = line.split('\t').map((s) => s.trim());
  const o = skeleton(it);
  const order = keyOrder(it.def, it.schema.properties);
  putKey(o, 'name', name, order);
  if (o.signer && typeof o.signer === 'object') {
    if (c2) o.signer.name = c2;
    if (c3) o.signer.title = c3;
  } else if (c2 && 'titles' in it.schema.properties) putKey(o, 'titles', [c2], order);
  else if (c2 && 'title' in it.schema.properties) putKey(o, 'title', c2, order);
  if (c3 && 'unit' in it.schema.properties) putKey(o, 'unit', c3, order);
  return o;
}

// "Dán danh sách": a textarea, one entry per line.
function pasteBox(path, paste) {
  const area = h('textarea', { rows: 6, placeholder: 'Mỗi dòng một mục, ví dụ dán một cột từ bảng tính' });
  area.spellcheck = false;
  const box = h('div', { class: 'paste', hidden: true },
    h('div', { class: 'help', text: 'Dán một cột từ Excel: mỗi dòng thành một mục mới. Dán nhiều cột (đơn vị): cột 2 là họ tên, cột 3 là chức vụ người ký.' }),
    area,
    h('button', {
      type: 'button', class: 'primary', 'data-paste-apply': path, text: 'Thêm các dòng này',
      onclick: () => {
        const lines = area.value.split(/\r?\n/).map((l) => l.replace(/\s+$/, '')).filter((l) => l.trim());
        if (lines.length) paste(lines);
      },
    }));
  const button = h('button', {
    type: 'button', 'data-paste': path, text: 'Dán danh sách',
    onclick: () => { box.hidden = !box.hidden; if (!box.hidden) area.focus(); },
  });
  return { button, box };
}

// Photos: dropped or chosen files are uploaded, then added to article.photos.
function photoDrop(place, redo) {
  const msg = h('div', { class: 'msgs' });
  const input = h('input', { type: 'file', accept: 'image/*', multiple: true, hidden: true });
  const zone = h('div', { class: 'dropzone', tabindex: 0, 'data-photos': pathString(place.tokens) },
    h('div', { text: 'Kéo ảnh vào đây' }),
    h('button', { type: 'button', text: 'hoặc chọn ảnh trên máy', onclick: () => input.click() }),
    input, msg);
  const upload = async (files) => {
    msg.replaceChildren();
    let added = 0;
    for (const f of files) {
      msg.append(h('div', { class: 'muted', text: `Đang tải ${f.name}…` }));
      try {
        const r = await api('POST', meetingUrl(ed.file, '/photo'), f, { 'X-File-Name': encodeURIComponent(f.name) });
        let a = place.get();
        if (!Array.isArray(a)) { a = []; place.set(a); }
        a.push({ file: r.file, caption: '', credit: '' });
        added++;
        msg.lastChild.textContent = `Đã thêm ${f.name} (${r.width} × ${r.height}).`;
      } catch (e) {
        msg.lastChild.replaceWith(errorBox({ message: `${f.name}: ${e.message}`, hint: e.hint }));
      }
    }
    if (added) {
      const keep = Array.from(msg.childNodes);
      const el = redo();
      $('.dropzone .msgs', el).replaceChildren(...keep);
      schedule('data');
    }
  };
  input.addEventListener('change', () => { upload(Array.from(input.files)); input.value = ''; });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    upload(Array.from(e.dataTransfer.files));
  });
  return zone;
}

// The last removal, to undo it from the status line.
function remember(place, index, value) {
  ed.undo = { place, index, value: JSON.parse(JSON.stringify(value)) };
  const s = $('#undo');
  clearTimeout(ed.undoTimer);
  ed.undoTimer = setTimeout(() => s.replaceChildren(), 20000);
  s.replaceChildren('Đã xóa một mục. ', h('button', {
    type: 'button', class: 'link', text: 'Hoàn tác',
    onclick: () => {
      const u = ed.undo;
      if (!u) return;
      ed.undo = null;
      s.replaceChildren();
      if (u.index == null) u.place.set(u.value);
      else {
        let a = u.place.get();
        if (!Array.isArray(a)) { a = []; u.place.set(a); }
        a.splice(Math.min(u.index, a.length), 0, u.value);
      }
      buildForm();
      schedule('data');
    },
  }));
}

// Opens the entries above a path and puts the cursor in its first input.
function focusFirst(path) {
  const el = revealPath(path);
  if (!el) return;
  const input = el.matches('input,select,textarea') ? el
    : $('.field.req input, .field.req textarea', el) || $('input,select,textarea', el);
  if (input) input.focus();
}

// Opens every collapsed entry on the way to `path` (building their fields) and returns the
// element for the path, or the nearest one that exists.
function revealPath(path) {
  const steps = [];
  for (let p = path; p; p = parentPath(p)) steps.unshift(p);
  let found = null;
  for (const p of steps) {
    const el = $(`#form-body [data-path="${CSS.escape(p)}"]`);
    if (!el) continue;
    found = el;
    if (el.matches('details.entry')) {
      el.open = true;
      ensureBody(el); // now: the toggle event comes later
    }
  }
  return found;
}

// ==== Problems at the fields ==================================================================

function problemEl(p, at) {
  const el = h('div', { class: 'problem ' + (p.severity === 'error' ? 'error' : 'warning'), 'data-for': at, role: 'note' },
    h('span', { class: 'msg', text: p.message }));
  if (p.path && at !== p.path) el.append(h('span', { class: 'where', text: ` (${p.path})` }));
  if (!p.path && p.line) el.append(h('span', { class: 'where', text: ` (dòng ${p.line}${p.column ? ', cột ' + p.column : ''})` }));
  if (p.hint) el.append(h('div', { class: 'hint', text: p.hint }));
  return el;
}

// Clears the old marks, then shows each problem at its field (or the nearest one shown).
function markProblems() {
  if (!ed || !ed.state) return;
  const body = $('#form-body');
  $$('.problem', body).forEach((e) => e.remove());
  $$('[aria-invalid]', body).forEach((e) => e.removeAttribute('aria-invalid'));
  $$('summary.bad, summary.warn, .field.bad, .field.warn', body).forEach((e) => e.classList.remove('bad', 'warn'));
  const top = $('#form-top');
  top.replaceChildren();
  const byPath = new Map();
  for (const el of $$('[data-path]', body)) if (!byPath.has(el.dataset.path)) byPath.set(el.dataset.path, el);
  for (const p of ed.state.problems) {
    let at = p.path || '';
    while (at && !byPath.has(at)) at = parentPath(at);
    if (!at) { top.append(problemEl(p, '')); continue; }
    const el = byPath.get(at);
    const sev = p.severity === 'error' ? 'bad' : 'warn';
    el.setAttribute('aria-invalid', 'true');
    const host = el.closest('.field, fieldset, details.entry');
    const slot = host && (host.querySelector(':scope > .msgs') || host.querySelector('.msgs'));
    (slot || top).append(problemEl(p, at));
    if (host && host.matches('.field')) host.classList.add(sev);
    for (let d = el.closest('details.entry'); d; d = d.parentElement.closest('details.entry')) {
      if (d !== el || !d.open) d.firstElementChild.classList.add(sev);
    }
  }
  problemList();
}

// The compact list at the top: counts, and each problem (a click goes to its field).
function problemList() {
  const box = $('#problem-list');
  const all = ed.state.problems;
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.length - errors;
  if (!all.length) {
    box.replaceChildren(h('span', { class: 'count ok', text: 'Không có lỗi' }));
    return;
  }
  const wasOpen = box.firstElementChild && box.firstElementChild.open;
  const items = all.map((p) => h('li', { class: p.severity === 'error' ? 'error' : 'warning' },
    h('button', { type: 'button', class: 'link', text: p.message, onclick: () => goToProblem(p) }),
    p.path ? h('code', { text: ' ' + p.path }) : p.line ? h('span', { class: 'muted', text: ` dòng ${p.line}` }) : null));
  box.replaceChildren(h('details', { open: wasOpen == null ? all.length <= 3 : wasOpen },
    h('summary', null,
      errors ? h('span', { class: 'count error', text: `${errors} lỗi` }) : null,
      warnings ? h('span', { class: 'count warning', text: `${warnings} cảnh báo` }) : null),
    h('ul', null, items)));
}

// In the YAML tab: select the problem's line. In the form: open and scroll to its field.
function goToProblem(p) {
  if (ed.tab === 'yaml' && p.line) {
    const ta = $('#yaml');
    const lines = ta.value.split('\n');
    const start = lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0);
    ta.focus();
    ta.setSelectionRange(start, start + (lines[p.line - 1] || '').length);
    ta.scrollTop = Math.max(0, (p.line - 5) * 20);
    return;
  }
  if (ed.tab !== 'form') showTab('form');
  let el = p.path ? revealPath(p.path) : null;
  if (el) markProblems();
  el = el || $('#form-top');
  el.scrollIntoView({ block: 'center' });
  const input = el.matches('input,select,textarea') ? el : null;
  if (input) input.focus({ preventScroll: true });
}

// ==== Editor ==================================================================================

function closeEditor() {
  if (!ed) return;
  clearTimeout(ed.timer);
  clearTimeout(ed.undoTimer);
  ed.closed = true;
  ed = null;
}

async function openEditor(file) {
  document.title = file + ' · hoinghi';
  const e = ed = {
    file, data: null, state: null, doc: null, part: 1, parts: 1, pages: [], open: new WeakSet(), openPaths: new Set(),
    tab: 'form', pend: null, timer: 0, inFlight: false, dirty: false, idle: [],
    formStale: true, closed: false,
  };
  editorShell(file);
  setStatus('Đang mở…');
  let m;
  try {
    await loadMeta();
    m = await api('GET', meetingUrl(file));
  } catch (err) {
    if (e.closed) return;
    $('#form-body').replaceChildren(errorBox(err));
    setStatus(err.message, 'error');
    return;
  }
  if (e.closed) return;
  e.data = dropNulls(m.data);
  e.state = m.state;
  e.dirty = !!m.dirty;
  $('#yaml').value = m.yaml;
  // The document shown last time in this tab, else the first the meeting can make.
  const makeable = m.state.kinds.map((k) => k.kind);
  const last = sessionStorage.getItem('hoinghi-doc:' + file);
  e.doc = FIELDS.kinds.some(([k]) => k === last) ? last : makeable[0] || FIELDS.kinds[0][0];
  updateDocs();
  updateSave();
  if (m.data) buildForm();
  else lockForm(true);
  if (!m.data) showTab('yaml');
  schedule('none', 0);
}

async function loadMeta() {
  if (!SCHEMA) [SCHEMA, FIELDS] = await Promise.all([api('GET', '/api/schema'), api('GET', '/api/fields')]);
}

// The editor's frame: bar, form/YAML tabs on the left, the preview on the right.
function editorShell(file) {
  const docSel = h('select', { id: 'doc', 'aria-label': 'Văn bản xem trước' });
  docSel.addEventListener('change', () => {
    ed.doc = docSel.value;
    ed.part = 1;
    sessionStorage.setItem('hoinghi-doc:' + ed.file, ed.doc);
    $('#pages').scrollTop = 0; // another document starts at its first page
    updateDocs();
    schedule('none', 0);
  });
  const partSel = h('select', { id: 'part', 'aria-label': 'Lá phiếu', hidden: true });
  partSel.addEventListener('change', () => { ed.part = Number(partSel.value); updateLinks(); schedule('none', 0); });
  const draft = h('input', { type: 'checkbox', id: 'draft' });
  draft.addEventListener('change', updateLinks);
  const yaml = h('textarea', { id: 'yaml', 'aria-label': 'Nội dung YAML', wrap: 'off' });
  yaml.spellcheck = false;
  yaml.addEventListener('input', () => { if (!yaml.readOnly) schedule('yaml'); });
  const guard = (e) => waitIdleThen(e, e.currentTarget);
  document.body.replaceChildren(
    h('header', { id: 'bar' },
      h('a', { href: '#/', class: 'back', text: '← Danh sách' }),
      h('span', { class: 'brand', text: 'hoinghi' }),
      h('span', { class: 'file', text: file }),
      h('span', { id: 'status', role: 'status' }),
      h('span', { id: 'undo' }),
      h('button', { type: 'button', id: 'save', class: 'primary', text: 'Lưu', onclick: save })),
    h('div', { id: 'notice', hidden: true }),
    h('main', { id: 'editor' },
      h('div', { id: 'left' },
        h('div', { class: 'tabs', role: 'tablist' },
          h('button', { type: 'button', id: 'tab-form', role: 'tab', text: 'Biểu mẫu', onclick: () => showTab('form') }),
          h('button', { type: 'button', id: 'tab-yaml', role: 'tab', text: 'YAML', onclick: () => showTab('yaml') })),
        h('div', { id: 'problem-list' }),
        h('div', { id: 'form-pane' },
          h('div', { id: 'form-lock', hidden: true }),
          h('div', { id: 'form-top' }),
          h('fieldset', { id: 'form-root' }, h('div', { id: 'form-body' }))),
        h('div', { id: 'yaml-pane', hidden: true }, yaml)),
      h('div', { id: 'right' },
        h('div', { class: 'preview-tools' },
          h('label', { for: 'doc', text: 'Văn bản: ' }), docSel, partSel,
          h('a', { id: 'download-pdf', class: 'button', text: 'Tải PDF', download: '', onclick: guard }),
          h('a', { id: 'download-docx', class: 'button', text: 'Tải Word', download: '', onclick: guard }),
          h('a', { id: 'download-zip', class: 'button', text: 'Tải cả bộ (ZIP)', download: '', onclick: guard }),
          h('label', { class: 'draft' }, draft, ' Dự thảo')),
        h('div', { id: 'skipped' }),
        h('div', { id: 'preview-error', hidden: true }),
        h('div', { id: 'pages' }))));
  showTab('form');
}

function showTab(tab) {
  if (!ed) return;
  // Switching while an edit of the other side is on its way: send it now; the other side
  // stays read-only until the answer has brought it up to date.
  if (ed.pend && ed.pend.kind !== 'none') flush();
  ed.tab = tab;
  $('#tab-form').setAttribute('aria-selected', String(tab === 'form'));
  $('#tab-yaml').setAttribute('aria-selected', String(tab === 'yaml'));
  $('#form-pane').hidden = tab !== 'form';
  $('#yaml-pane').hidden = tab !== 'yaml';
  syncLocks();
  if (tab === 'form' && ed.formStale && ed.data) buildForm();
}

// The form is read-only while the YAML does not parse or a YAML edit is on its way, the YAML
// while a form edit is on its way.
function syncLocks() {
  const busy = ed.inFlight || ed.pend;
  const kind = (ed.pend && ed.pend.kind) || ed.sentKind;
  lockForm(!ed.data || (busy && kind === 'yaml'));
  $('#yaml').readOnly = !!(busy && kind === 'data' && ed.tab === 'yaml');
}

function lockForm(on) {
  $('#form-root').disabled = on;
  const lock = $('#form-lock');
  lock.hidden = !on;
  lock.textContent = !ed.data
    ? 'Tệp YAML đang có lỗi cú pháp nên chưa hiện được biểu mẫu. Sửa ở thẻ YAML (xem lỗi ở trên).'
    : 'Đang cập nhật biểu mẫu theo YAML…';
}

// ----- sending edits ------------------------------------------------------------------------

// kind: 'data' (the form changed), 'yaml' (the YAML tab changed), 'none' (another document).
function schedule(kind, delay) {
  if (!ed) return;
  if (!ed.pend || kind !== 'none') ed.pend = { kind };
  setStatus('Đang soạn…', 'busy');
  clearTimeout(ed.timer);
  ed.timer = setTimeout(flush, delay == null ? DEBOUNCE_MS : delay);
  syncLocks();
}

// Sends the latest change; at most one request at a time (the next goes when this returns).
async function flush() {
  const e = ed;
  if (!e) return;
  clearTimeout(e.timer);
  if (e.inFlight || !e.pend) return;
  const p = e.pend;
  e.pend = null;
  e.inFlight = true;
  e.sentKind = p.kind;
  const body = { doc: e.doc, have: e.pages.map((x) => x.hash), scale: previewScale() };
  if (e.parts > 1) body.part = e.part;
  if (p.kind === 'data') body.data = e.data;
  if (p.kind === 'yaml') body.yaml = $('#yaml').value;
  const sentAt = performance.now();
  let retry = false;
  try {
    const ans = await api('POST', meetingUrl(e.file, '/edit'), body);
    const answeredAt = performance.now();
    if (!e.closed && !e.pend) apply(e, ans, p.kind, sentAt, answeredAt); // else out of date
  } catch (err) {
    if (!e.closed) {
      setStatus(err.message + (err.hint ? ' ' + err.hint : ''), 'error');
      if (err.status === 503 || err.status === 429) { // busy: try again shortly
        if (!e.pend) e.pend = p;
        retry = true;
      }
    }
  } finally {
    e.inFlight = false;
    e.sentKind = null;
    if (!e.closed) {
      if (e.pend) {
        if (retry) e.timer = setTimeout(flush, 1000);
        else flush();
      } else { syncLocks(); e.idle.splice(0).forEach((f) => f()); }
    }
  }
}

// Resolves when every change has reached the server.
function whenIdle() {
  if (!ed || (!ed.pend && !ed.inFlight)) return Promise.resolve();
  flush();
  return new Promise((res) => ed.idle.push(res));
}

// An answer of /edit: YAML, form, problems, documents, pages.
function apply(e, ans, kind, sentAt, answeredAt) {
  e.state = ans.state;
  e.dirty = !!ans.dirty;
  // The pages first: their pictures decode while the rest of the page is brought up to date.
  const changed = applyPreview(e, ans.preview);
  const painted = Promise.all(changed);
  const ta = $('#yaml');
  if (document.activeElement !== ta && ta.value !== ans.yaml) ta.value = ans.yaml;
  // The form's own edits keep their objects (the open entries follow them); the YAML tab's
  // edits, or a first parse, bring a new meeting object and a new form.
  let rebuilt = false;
  if (ans.data && (kind === 'yaml' || !e.data)) {
    e.data = dropNulls(ans.data);
    e.formStale = true;
    if (e.tab === 'form') { buildForm(); rebuilt = true; }
  } else if (kind === 'yaml' && !ans.data) e.data = null;
  // Problems and documents only when they changed: typing a name changes neither, and leaving
  // the page alone lets the browser draw the new picture sooner.
  const stateKey = JSON.stringify(ans.state);
  if (rebuilt || stateKey !== e.stateKey) {
    e.stateKey = stateKey;
    if (!e.formStale) markProblems();
    else problemList();
    updateDocs();
  }
  updateSave();
  if (!ans.state.ok) setStatus('Tệp còn lỗi: sửa các ô đánh dấu đỏ', 'warn');
  else if (ans.preview.error) setStatus('Chưa soạn được văn bản này', 'warn');
  else setStatus(`Đã cập nhật (${Math.round(answeredAt - sentAt)} ms)`, 'ok');
  // For the benchmark: painted when every changed page has been drawn.
  const appliedAt = performance.now();
  painted.then(() => {
    window.hoinghiTimings.push({ sentAt, answeredAt, appliedAt, paintedAt: performance.now(), server: ans.timing });
  });
}

// ----- preview ------------------------------------------------------------------------------

// Pixels per point for the pages' pictures: the pane's width in device pixels over an A4 page's
// 595 points, in steps of a quarter (a small resize keeps the pictures it has).
function previewScale() {
  const box = $('#pages');
  const width = (box && box.clientWidth) || 800;
  const scale = (width * (window.devicePixelRatio || 1)) / 595.28;
  return Math.min(3, Math.max(0.5, Math.ceil(scale * 4) / 4));
}

// Draws what changed onto the pages' canvases: a whole picture, or the strip of rows an edit
// changed over the picture a canvas has. The other pages and the scroll position stay. Returns
// a promise per drawing (the benchmark's "painted").
function applyPreview(e, pv) {
  const box = $('#pages');
  const err = $('#preview-error');
  err.hidden = !pv.error;
  const lacking = e.state.skipped.some((k) => k.kind === pv.doc);
  err.textContent = lacking ? 'Văn bản này chưa soạn được: xem phần còn thiếu ở trên.' : cap(pv.error || '');
  box.classList.toggle('stale', !!pv.error);
  if (!pv.pages.length && pv.error) return [];
  const canvases = $$('canvas.page', box);
  const drawn = [];
  let lost = false;
  let later = false;
  pv.pages.forEach((pg, i) => {
    let canvas = canvases[i];
    if (!canvas) {
      canvas = h('canvas', { class: 'page', role: 'img', width: pg.pixels[0], height: pg.pixels[1] });
      box.append(canvas);
    }
    canvas.setAttribute('aria-label', pg.text ? `Trang ${i + 1}: ${pg.text}` : `Trang ${i + 1}`);
    if (pg.later) { // drawn on the next request: the first pages came first
      later = true;
      canvas.dataset.hash = '';
      return;
    }
    if (pg.png == null ? canvas.dataset.hash !== pg.hash : pg.base != null && canvas.dataset.hash !== pg.base) {
      lost = true; // the server thought this canvas had a picture it does not have
    } else if (pg.png != null) {
      drawn.push(draw(canvas, pg));
    }
    canvas.dataset.hash = pg.hash;
  });
  canvases.slice(pv.pages.length).forEach((c) => c.remove());
  e.pages = $$('canvas.page', box).map((c) => ({ hash: c.dataset.hash })); // by place: a strip's base
  if (later && !lost) schedule('none', 0);
  if (lost) { // ask for every picture again
    $$('canvas.page', box).forEach((c) => { c.dataset.hash = ''; });
    e.pages = [];
    schedule('none', 0);
  }
  return drawn;
}

// Draws the picture of `pg` on `canvas` once decoded, after the canvas's earlier drawings.
function draw(canvas, pg) {
  const img = new Image();
  img.src = `data:image/png;base64,${pg.png}`;
  const decoded = img.decode();
  canvas.drawing = (canvas.drawing || Promise.resolve()).then(() => decoded).then(() => {
    if (pg.base == null) {
      canvas.width = pg.pixels[0];
      canvas.height = pg.pixels[1];
    }
    canvas.getContext('2d').drawImage(img, 0, pg.top || 0);
  }).catch(() => {});
  return canvas.drawing;
}

// The document select, the download links and the line about what cannot be made yet.
function updateDocs() {
  const st = ed.state;
  const sel = $('#doc');
  const made = new Map(st.kinds.map((k) => [k.kind, k]));
  const skipped = new Map(st.skipped.map((k) => [k.kind, k]));
  sel.replaceChildren(...FIELDS.kinds.map(([kind, name]) => {
    const s = skipped.get(kind);
    const label = cap((made.get(kind) || s || {}).name) || name;
    return h('option', { value: kind, selected: kind === ed.doc, text: s ? `${label} — chưa đủ dữ liệu` : !st.ok && !made.has(kind) ? `${label} — tệp đang có lỗi` : label });
  }));
  sel.value = ed.doc;
  const line = $('#skipped');
  line.replaceChildren();
  const cur = skipped.get(ed.doc);
  if (cur) {
    line.append(h('div', { class: 'lack' }, h('strong', { text: `${cap(cur.name)} chưa soạn được. Còn thiếu:` }),
      h('ul', null, cur.missing.map((p) => h('li', null, h('button', {
        type: 'button', class: 'link', text: cap(p.message), title: p.hint || '', onclick: () => goToProblem(p),
      }))))));
  }
  const others = st.skipped.filter((k) => k.kind !== ed.doc);
  if (others.length) {
    line.append(h('div', { class: 'muted' }, 'Chưa soạn được: ', others.map((k, i) => [i ? '; ' : '',
      h('span', { title: k.missing.map((p) => p.message).join('; '), text: cap(k.name) })])));
  }
  // A document made per ballot (vote-count minutes with per_ballot): which ballot's.
  ed.parts = made.has(ed.doc) ? made.get(ed.doc).parts : 1;
  if (ed.part > ed.parts) ed.part = 1;
  const partSel = $('#part');
  partSel.hidden = ed.parts <= 1;
  if (partSel.options.length !== ed.parts) {
    partSel.replaceChildren(...Array.from({ length: ed.parts }, (_, i) => h('option', { value: i + 1, text: `Lá phiếu ${i + 1}` })));
  }
  partSel.value = String(ed.part);
  for (const link of [$('#download-pdf'), $('#download-docx')]) {
    link.classList.toggle('disabled', !made.has(ed.doc));
    link.setAttribute('aria-disabled', String(!made.has(ed.doc)));
  }
  const zip = $('#download-zip');
  zip.classList.toggle('disabled', !made.size);
  zip.setAttribute('aria-disabled', String(!made.size));
  updateLinks();
}

function updateLinks() {
  if (!ed) return;
  const draft = $('#draft').checked;
  const part = ed.parts > 1 ? '&part=' + ed.part : '';
  $('#download-pdf').href = downloadUrl(meetingUrl(ed.file, '/pdf/' + ed.doc), draft) + part;
  $('#download-docx').href = downloadUrl(meetingUrl(ed.file, '/docx/' + ed.doc), draft) + part;
  $('#download-zip').href = downloadUrl(meetingUrl(ed.file, '/zip'), draft);
}

// A download waits for the last change to reach the server, so the file has it.
function waitIdleThen(ev, link) {
  if (link.classList.contains('disabled')) {
    ev.preventDefault();
    setStatus(ed.state.ok ? 'Văn bản này chưa soạn được: xem phần còn thiếu phía trên bản xem trước.'
      : 'Tệp còn lỗi nên chưa tải được: sửa các ô đánh dấu đỏ.', 'warn');
    return;
  }
  if (!ed.pend && !ed.inFlight) return;
  ev.preventDefault();
  whenIdle().then(() => {
    const a = h('a', { href: link.href, download: '' });
    document.body.append(a);
    a.click();
    a.remove();
  });
}

// ----- saving -------------------------------------------------------------------------------

function updateSave() {
  const b = $('#save');
  b.classList.toggle('dirty', ed.dirty);
  b.textContent = ed.dirty ? 'Lưu •' : 'Đã lưu';
  b.title = ed.dirty ? 'Có thay đổi chưa lưu vào tệp' : 'Tệp đã lưu';
}

async function save() {
  const e = ed;
  setStatus('Đang lưu…', 'busy');
  try {
    await whenIdle();
    const r = await api('POST', meetingUrl(e.file, '/save'), {});
    if (e.closed) return;
    e.dirty = false;
    updateSave();
    setStatus(r.backup || !r.message ? 'Đã lưu.' : cap(r.message), r.saved === false ? '' : 'ok');
    if (r.backup) { // once: the original file (with its comments) was kept
      const n = $('#notice');
      n.hidden = false;
      n.replaceChildren(h('span', { text: cap(r.message) || `Bản gốc của tệp được giữ ở ${r.backup}.` }),
        h('button', { type: 'button', class: 'link', text: 'Đóng', onclick: () => { n.hidden = true; } }));
    }
  } catch (err) {
    setStatus('Chưa lưu được: ' + err.message + (err.hint ? ' ' + err.hint : ''), 'error');
  }
}

// ==== Start ===================================================================================

window.addEventListener('beforeunload', (e) => {
  if (ed && (ed.dirty || ed.pend || ed.inFlight)) {
    e.preventDefault();
    e.returnValue = '';
  }
});

window.addEventListener('hashchange', route);

document.addEventListener('DOMContentLoaded', async () => {
  if (!TOKEN) {
    document.body.replaceChildren(h('main', { id: 'list' },
      h('h1', { text: 'hoinghi' }),
      h('p', { text: 'Địa chỉ này thiếu mã truy cập. Hãy mở đúng địa chỉ mà lệnh "hoinghi serve" in ra (có phần ?t=…).' })));
    return;
  }
  try {
    await loadMeta();
  } catch (e) { /* the page shows the error when it needs them */ }
  route();
});
